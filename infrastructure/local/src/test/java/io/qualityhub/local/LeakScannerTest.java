package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.emulator.LocalEmulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The scanner NoLeaksTest relies on finds a marker wherever it is hidden, and only there. */
class LeakScannerTest {

  private static final String MARK = "SCANME-4711";

  @Test
  void findsAMarkerWhoseCaseOrWidthWasChanged() {
    LeakScanner scanner = new LeakScanner(null, null);
    String marker = "PLANTED-王小明-Id";

    assertEquals(List.of("log: ...name=planted-王小明-id..."), scanner.text(marker, "log", "name=planted-王小明-id"));
    assertEquals(1, scanner.text(marker, "pdf", "ＰＬＡＮＴＥＤ－王小明－ＩＤ").size(), "full-width forms");
    assertEquals(List.of(), scanner.text(marker, "log", "PLANTED-王小明"), "a part of the marker is not the marker");
  }

  @Test
  void findsTheMarkerInEveryKindOfPlaceAndNotInUploads(@TempDir Path directory) throws Exception {
    try (LocalEmulator emulator = LocalEmulator.startOrConnect(Path.of("..", "..").toAbsolutePath().normalize())) {
      AwsClients clients = AwsClients.forEndpoint(emulator.endpoint(), LocalEmulator.region());
      String suffix = Long.toString(System.nanoTime());

      var dynamoDb = clients.dynamoDb();
      String table = "leak-scanner-test-" + suffix;
      dynamoDb.createTable(request -> request.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
      dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
          "pk", AttributeValue.fromS("P"), "sk", AttributeValue.fromS("S"),
          "clean", AttributeValue.fromS("nothing here"),
          "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x " + MARK))))),
          "binary", AttributeValue.fromB(SdkBytes.fromUtf8String("\u0001\u0002" + MARK)),
          "names", AttributeValue.fromSs(List.of("a", MARK + "-in-a-set")))));

      var s3 = clients.s3();
      String bucket = "leak-scanner-test-" + suffix;
      s3.createBucket(request -> request.bucket(bucket));
      s3.putObject(request -> request.bucket(bucket).key("incoming/TPE-01/2026-11-23/claims.csv"), RequestBody.fromString(MARK));
      s3.putObject(request -> request.bucket(bucket).key("rejects/a.csv.gz"), RequestBody.fromBytes(gzip(MARK)));
      s3.putObject(request -> request.bucket(bucket).key("reports/r.pdf"), RequestBody.fromBytes(pdf("Customer " + MARK)));
      s3.putObject(request -> request.bucket(bucket).key("reports/clean.csv"), RequestBody.fromString("nothing here"));

      SqsClient sqs = clients.configure(SqsClient.builder()).build();
      String queue = sqs.createQueue(request -> request.queueName("leak-scanner-test-" + suffix)).queueUrl();
      for (int i = 0; i < 14; i++) {
        String body = i == 11 ? "alert for " + MARK : "message " + i;
        sqs.sendMessage(request -> request.queueUrl(queue).messageBody(body));
      }

      SnsClient sns = clients.configure(SnsClient.builder()).build();
      String topic = sns.createTopic(request -> request.name("leak-scanner-test-" + suffix)).topicArn();
      sns.publish(request -> request.topicArn(topic).message("digest " + MARK));

      Files.createDirectories(directory.resolve("logs"));
      Files.writeString(directory.resolve("logs/functions.log"), "{\"detail\":\"" + MARK + "\"}");
      Files.writeString(directory.resolve("summary.json"), "{}");

      LeakScanner scanner = new LeakScanner(clients, emulator.endpoint());
      assertEquals(List.of(
              "DynamoDB " + table + " P|S binary (binary)",
              "DynamoDB " + table + " P|S names",
              "DynamoDB " + table + " P|S nested.list[0]"),
          scanner.dynamoDb(MARK).stream().sorted().toList());
      List<String> s3Hits = scanner.s3(MARK).stream().map(hit -> hit.replaceAll(" \\(version [^)]*\\)", "")).toList();
      assertEquals(List.of(
              "S3 s3://" + bucket + "/rejects/a.csv.gz (gunzipped): ..." + MARK + "...",
              "S3 s3://" + bucket + "/reports/r.pdf (PDF text): ...Customer " + MARK + " ..."),
          s3Hits.stream().filter(hit -> hit.contains(bucket)).sorted().toList());
      List<String> sqsHits = scanner.sqs(MARK).stream().filter(hit -> hit.contains(queue)).toList();
      assertEquals(1, sqsHits.size(), sqsHits.toString());
      assertEquals(14, Integer.parseInt(sqs.getQueueAttributes(request -> request.queueUrl(queue)
              .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings().get("ApproximateNumberOfMessages")),
          "peeking leaves every message on its queue");
      assertEquals(1, scanner.emulatorState(MARK).size(), "the SNS publish, seen in the emulator's state");
      assertEquals(List.of("file " + directory.resolve("logs/functions.log") + ": ...{\"detail\":\"" + MARK + "\"}..."),
          scanner.files(MARK, directory));
    }
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] pdf(String text) throws Exception {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
