package io.qualityhub.local;

import io.qualityhub.core.aws.AwsClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Looks for a marker in everything that leaves the functions on the local emulator, and says where
 * it was found: every attribute of every DynamoDB item (all types, nested and binary too); every
 * version of every S3 object outside {@code incoming/} (where branches' uploads legitimately hold
 * clear values), gzip unpacked and PDF text extracted; every message waiting in every SQS queue; whatever
 * else the emulator keeps (SNS publishes, SES mails, EventBridge events: moto's state dump); and
 * files and captured text such as function logs, summaries and console output. Text is searched as
 * UTF-8 and UTF-16, case-insensitively and after NFKC normalisation, so a marker that was upper- or
 * lower-cased, or turned into full-width or other compatibility forms, is found all the same.
 */
final class LeakScanner {

  private static final String UPLOADS_PREFIX = "incoming/";

  private final AwsClients clients;
  private final URI endpoint;

  LeakScanner(AwsClients clients, URI endpoint) {
    this.clients = clients;
    this.endpoint = endpoint;
  }

  /** Every place the marker was found in the emulator's storage, queues and state. */
  List<String> scanEmulator(String marker) {
    List<String> hits = new ArrayList<>();
    hits.addAll(dynamoDb(marker));
    hits.addAll(s3(marker));
    hits.addAll(sqs(marker));
    hits.addAll(emulatorState(marker));
    return hits;
  }

  List<String> dynamoDb(String marker) {
    List<String> hits = new ArrayList<>();
    DynamoDbClient dynamoDb = clients.dynamoDb();
    for (String table : dynamoDb.listTablesPaginator(request -> { }).tableNames()) {
      dynamoDb.scanPaginator(request -> request.tableName(table)).items().forEach(item -> {
        String where = "DynamoDB " + table + " " + item.getOrDefault("pk", AttributeValue.fromS("?")).s() + "|"
            + item.getOrDefault("sk", AttributeValue.fromS("?")).s();
        item.forEach((name, value) -> attribute(marker, where + " " + name, value, hits));
      });
    }
    return hits;
  }

  List<String> s3(String marker) {
    List<String> hits = new ArrayList<>();
    S3Client s3 = clients.s3();
    for (var bucket : s3.listBuckets().buckets()) {
      for (ObjectVersion version : s3.listObjectVersionsPaginator(request -> request.bucket(bucket.name())).versions()) {
        if (version.key().startsWith(UPLOADS_PREFIX)) {
          continue;
        }
        byte[] content = s3.getObjectAsBytes(request -> request.bucket(bucket.name()).key(version.key())
            .versionId(version.versionId())).asByteArray();
        hits.addAll(bytes(marker, "S3 s3://" + bucket.name() + "/" + version.key() + " (version " + version.versionId() + ")",
            content, version.key()));
      }
    }
    return hits;
  }

  /** Messages are peeked with a visibility timeout of 0, so they stay where they were. */
  List<String> sqs(String marker) {
    List<String> hits = new ArrayList<>();
    SqsClient sqs = clients.configure(SqsClient.builder()).build();
    for (String queue : sqs.listQueuesPaginator(request -> { }).queueUrls()) {
      int waiting = Integer.parseInt(sqs.getQueueAttributes(request -> request.queueUrl(queue)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      Set<String> seen = new HashSet<>();
      for (int attempt = 0; seen.size() < waiting && attempt < 10 * (waiting + 1); attempt++) {
        for (Message message : sqs.receiveMessage(request -> request.queueUrl(queue).visibilityTimeout(0)
            .maxNumberOfMessages(10).messageAttributeNames("All")).messages()) {
          if (seen.add(message.messageId())) {
            hits.addAll(text(marker, "SQS " + queue + " message " + message.messageId(),
                message.body() + " " + message.messageAttributes()));
          }
        }
      }
      if (seen.size() < waiting) {
        hits.add("SQS " + queue + ": only " + seen.size() + " of " + waiting + " waiting messages could be read");
      }
    }
    return hits;
  }

  /** moto's dump of its own state: what the calls above do not reach (SNS, SES, events, logs ...). */
  List<String> emulatorState(String marker) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).timeout(Duration.ofSeconds(60)).GET().build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        return List.of("emulator state: " + endpoint + "/moto-api/data.json answered HTTP " + response.statusCode());
      }
      return text(marker, "emulator state (moto-api/data.json)", response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the emulator's state from " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the emulator's state", e);
    }
  }

  /** Every file under {@code directory}, at any depth. */
  List<String> files(String marker, Path directory) {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        hits.addAll(bytes(marker, "file " + file, Files.readAllBytes(file), file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + directory, e);
    }
    return hits;
  }

  List<String> text(String marker, String where, String text) {
    String folded = folded(text);
    int at = folded.indexOf(folded(marker));
    if (at < 0) {
      return List.of();
    }
    // Folding keeps most text's length; then the hit is shown as written, else as folded.
    String shown = folded.length() == text.length() ? text : folded;
    return List.of(where + ": ..." + shown.substring(Math.max(0, at - 40), Math.min(shown.length(), at + marker.length() + 40))
        .replace('\n', ' ') + "...");
  }

  private List<String> bytes(String marker, String where, byte[] content, String name) {
    List<String> hits = new ArrayList<>();
    hits.addAll(text(marker, where, new String(content, StandardCharsets.UTF_8)));
    hits.addAll(text(marker, where + " (UTF-16)", new String(content, StandardCharsets.UTF_16BE)));
    hits.addAll(text(marker, where + " (UTF-16, odd offset)", new String(content, 1, Math.max(0, content.length - 1), StandardCharsets.UTF_16BE)));
    if (name.endsWith(".gz")) {
      hits.addAll(bytes(marker, where + " (gunzipped)", gunzip(content), name.substring(0, name.length() - 3)));
    }
    if (new String(content, 0, Math.min(5, content.length), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      hits.addAll(text(marker, where + " (PDF text)", pdfText(content)));
    }
    return hits;
  }

  private static void attribute(String marker, String where, AttributeValue value, List<String> hits) {
    switch (value.type()) {
      case S -> hits.addAll(containsIn(marker, where, value.s()));
      case N -> hits.addAll(containsIn(marker, where, value.n()));
      // Bytes as Latin-1 keep one char per byte, so the marker's UTF-8 bytes are found wherever they sit.
      case B -> hits.addAll(containsIn(new String(marker.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
          where + " (binary)", value.b().asString(StandardCharsets.ISO_8859_1)));
      case SS -> value.ss().forEach(member -> hits.addAll(containsIn(marker, where, member)));
      case NS -> value.ns().forEach(member -> hits.addAll(containsIn(marker, where, member)));
      case BS -> value.bs().forEach(member -> attribute(marker, where, AttributeValue.fromB(member), hits));
      case L -> {
        for (int i = 0; i < value.l().size(); i++) {
          attribute(marker, where + "[" + i + "]", value.l().get(i), hits);
        }
      }
      case M -> value.m().forEach((key, member) -> {
        hits.addAll(containsIn(marker, where + " (map key)", key));
        attribute(marker, where + "." + key, member, hits);
      });
      default -> { }
    }
  }

  private static List<String> containsIn(String marker, String where, String text) {
    return folded(text).contains(folded(marker)) ? List.of(where) : List.of();
  }

  /** Text as compared: NFKC, then lower case, so only the letters matter, not their case or width. */
  private static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static byte[] gunzip(byte[] content) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0]; // named .gz but not gzip: its bytes were searched as they are
    }
  }

  /** What a reader of the PDF sees: text drawn with embedded (CJK) fonts is glyph ids in the file, not text. */
  private static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a PDF to scan it", e);
    }
  }

}
