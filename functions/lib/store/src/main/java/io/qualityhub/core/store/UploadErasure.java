package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.parse.ParsedRow;
import io.qualityhub.core.parse.RowReader;
import io.qualityhub.core.parse.UploadDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Removes a customer's rows from the raw uploads of one object key (docs/operations/erasure.md, "Uploads").
 *
 * <p>A version holds the customer when one of its rows carries one of the request's blind-index terms (computed
 * from the values given, kept in memory only) or is one of the rows the erasure planned (by generation and line).
 * When the <b>current</b> version holds the customer, a new version without those rows is written under the same
 * key (header kept, same format and compression, marked with the request id). Intake takes it like any upload: a
 * new generation of exactly the remaining rows becomes current and the replaced generation's rows, the customer's
 * erased ones among them, are withdrawn. Only once intake has finished whatever version is current, and that
 * version no longer holds the customer, are the versions holding the customer deleted: intake needs a replaced
 * version's bytes until it has withdrawn its rows. The current version is never deleted.
 */
public final class UploadErasure {

  /** The user metadata naming the erasure request a rewritten version was written for. */
  public static final String METADATA = "qualityhub-erasure";
  /** The user metadata naming the version a rewritten version was made from. */
  static final String SOURCE_METADATA = "qualityhub-erasure-source";

  /** What became of one key. */
  enum State {
    /** No version of the key holds the customer any more. */
    DONE,
    /** A rewritten version waits for intake to make it current. */
    AWAITING_INTAKE,
    /** Every data row of the current version is the customer's: intake refuses an empty file, so it cannot be rewritten. */
    CANNOT_REWRITE
  }

  private final S3Client s3;
  private final String bucket;
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final BlindIndex blindIndex;
  private final UploadDecoder decoder = UploadDecoder.formatVersion1();

  UploadErasure(S3Client s3, String bucket, DynamoDbClient dynamoDb, String table, BlindIndex blindIndex) {
    this.s3 = s3;
    this.bucket = bucket;
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.blindIndex = blindIndex;
  }

  /**
   * @param terms blind-index terms by domain, of the values the request gave
   * @param plannedLines per generation of this key, the lines of the customer's rows the erasure planned
   * @param linkedLines per generation of this key, the lines of linked rows (their free text erased): left out
   *     of a rewrite too, or intake would store their free text again; a version is not rewritten for them alone
   * @param deleting told {@code key|versionId} before each version is deleted, so the request can record it first
   */
  State erase(String requestId, String objectKey, Map<String, Set<String>> terms, Map<String, Set<Integer>> plannedLines,
      Map<String, Set<Integer>> linkedLines, Consumer<String> deleting, Consumer<String> rewritten) {
    UploadKey key;
    try {
      key = UploadKey.parse(objectKey);
    } catch (FileRefusedException e) {
      return State.DONE; // not an upload intake took
    }
    Optional<Map<String, AttributeValue>> current = current(key);
    String currentVersion = current.map(item -> item.get("versionId")).map(AttributeValue::s).orElse(null);
    List<ObjectVersion> versions = new ArrayList<>();
    s3.listObjectVersionsPaginator(request -> request.bucket(bucket).prefix(objectKey)).versions().forEach(version -> {
      if (version.key().equals(objectKey)) {
        versions.add(version);
      }
    });
    String rewrite = null; // the newest version written for this request (versions are listed newest first)
    String rewriteSource = null;
    List<String> holding = new ArrayList<>();
    byte[] currentRewritten = null;
    boolean currentHolds = false;
    for (ObjectVersion version : versions) {
      HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(objectKey).versionId(version.versionId()));
      if (requestId.equals(head.metadata().get(METADATA))) {
        if (rewrite == null) {
          rewrite = version.versionId();
          rewriteSource = head.metadata().get(SOURCE_METADATA);
        }
        continue;
      }
      byte[] bytes = s3.getObjectAsBytes(request -> request.bucket(bucket).key(objectKey).versionId(version.versionId()))
          .asByteArray();
      Rewritten result = withoutCustomer(bytes, key, terms, plannedLines.getOrDefault(version.versionId(), Set.of()),
          linkedLines.getOrDefault(version.versionId(), Set.of()));
      if (result.dropped() + result.blanked() == 0) {
        continue;
      }
      holding.add(version.versionId());
      if (version.versionId().equals(currentVersion)) {
        currentHolds = true;
        currentRewritten = result.remainingRows() == 0 ? null : result.bytes();
      }
    }
    if (rewrite != null) {
      rewritten.accept(objectKey);
    }
    if (currentHolds) {
      // A rewrite of an older version does not do: the branch uploaded the customer again since.
      if (rewrite == null || !currentVersion.equals(rewriteSource)) {
        if (currentRewritten == null) {
          if (finished(key, current.get().get("generation").s())) {
            deleteNoncurrent(objectKey, holding, currentVersion, deleting);
          }
          return State.CANNOT_REWRITE;
        }
        HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(objectKey).versionId(currentVersion));
        byte[] body = currentRewritten;
        s3.putObject(request -> {
          request.bucket(bucket).key(objectKey).metadata(Map.of(METADATA, requestId, SOURCE_METADATA, currentVersion));
          if (head.contentType() != null) {
            request.contentType(head.contentType());
          }
          if (head.serverSideEncryption() != null) {
            request.serverSideEncryption(head.serverSideEncryption());
          }
          if (head.ssekmsKeyId() != null) {
            request.ssekmsKeyId(head.ssekmsKeyId());
          }
        }, RequestBody.fromBytes(body));
        rewritten.accept(objectKey);
      }
      return State.AWAITING_INTAKE; // the versions holding the customer go once intake has taken the rewrite
    }
    if (currentVersion != null && !finished(key, current.get().get("generation").s())) {
      // Intake is still on the current version (the rewrite, or a branch's upload): it may need the
      // version it replaced to withdraw that one's rows, so nothing is deleted yet.
      return State.AWAITING_INTAKE;
    }
    deleteNoncurrent(objectKey, holding, currentVersion, deleting);
    return State.DONE;
  }

  private void deleteNoncurrent(String objectKey, List<String> holding, String currentVersion, Consumer<String> deleting) {
    for (String versionId : holding) {
      if (!versionId.equals(currentVersion)) {
        deleting.accept(objectKey + "|" + versionId);
        s3.deleteObject(request -> request.bucket(bucket).key(objectKey).versionId(versionId));
      }
    }
  }

  private Optional<Map<String, AttributeValue>> current(UploadKey key) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(key.fileId())),
            ItemKeys.SK, AttributeValue.fromS(ItemKeys.CURRENT_SK)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** Whether intake finished the generation (its batch record has a status), replaced generation withdrawn included. */
  private boolean finished(UploadKey key, String generation) {
    Map<String, AttributeValue> batch = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(key.fileId())),
            ItemKeys.SK, AttributeValue.fromS(ItemKeys.batchSk(generation))))).item();
    return batch != null && batch.containsKey("status");
  }

  /** A version's content without the customer's rows and linked rows' free text, and how many rows were left out or blanked. */
  record Rewritten(byte[] bytes, int dropped, int blanked, int remainingRows) {}

  /**
   * The file without the customer's rows: every physical line of such a row (a quoted CSV field may span lines)
   * is left out, everything else is kept byte for byte; gzipped again when the key says so.
   */
  Rewritten withoutCustomer(byte[] stored, UploadKey key, Map<String, Set<String>> terms, Set<Integer> plannedLines,
      Set<Integer> linkedLines) {
    try {
      byte[] plain = key.gzipped() ? gunzip(stored) : stored;
      RecordType type = key.type();
      List<int[]> rows = new ArrayList<>(); // start line, 1 when the customer's
      try (RowReader reader = decoder.open(new ByteArrayInputStream(plain), type, key.format(), false)) {
        for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
          rows.add(new int[] {row.line(), isCustomers(row, type, terms, plannedLines) ? 1
              : linkedLines.contains(row.line()) ? 2 : 0});
        }
      } catch (FileRefusedException e) {
        return new Rewritten(stored, 0, 0, 0); // intake refused it whole: no row of it was stored
      }
      List<String> lines = physicalLines(new String(plain, StandardCharsets.UTF_8));
      String[] replaced = new String[lines.size() + 2]; // per first line of a span: its new text ("" drops it)
      boolean[] covered = new boolean[lines.size() + 2];
      int dropped = 0;
      int blanked = 0;
      List<String> header = key.format() == io.qualityhub.core.format.FileFormat.CSV ? csvHeader(lines) : List.of();
      for (int i = 0; i < rows.size(); i++) {
        int kind = rows.get(i)[1];
        if (kind == 0) {
          continue;
        }
        int start = rows.get(i)[0];
        int end = Math.min(i + 1 < rows.size() ? rows.get(i + 1)[0] : lines.size() + 1, lines.size() + 1);
        if (start > lines.size()) {
          continue;
        }
        StringBuilder span = new StringBuilder();
        for (int line = start; line < end; line++) {
          span.append(lines.get(line - 1));
          covered[line] = true;
        }
        if (kind == 1) {
          dropped++;
          replaced[start] = "";
        } else {
          String without = key.format() == io.qualityhub.core.format.FileFormat.CSV
              ? csvWithoutFreeText(span.toString(), header) : jsonWithoutFreeText(span.toString());
          if (!without.equals(span.toString())) {
            blanked++;
          }
          replaced[start] = without;
        }
      }
      if (dropped + blanked == 0) {
        return new Rewritten(stored, 0, 0, rows.size());
      }
      StringBuilder kept = new StringBuilder(plain.length);
      for (int line = 1; line <= lines.size(); line++) {
        if (replaced[line] != null) {
          kept.append(replaced[line]);
        } else if (!covered[line]) {
          kept.append(lines.get(line - 1));
        }
      }
      byte[] out = kept.toString().getBytes(StandardCharsets.UTF_8);
      return new Rewritten(key.gzipped() ? gzip(out) : out, dropped, blanked, rows.size() - dropped);
    } catch (IOException e) {
      throw new UncheckedIOException("reading an upload held in memory", e);
    }
  }

  private boolean isCustomers(ParsedRow row, RecordType type, Map<String, Set<String>> terms, Set<Integer> plannedLines) {
    if (plannedLines.contains(row.line())) {
      return true;
    }
    if (row.values() == null) {
      return false;
    }
    for (BlindIndexedColumn indexed : BlindIndexedColumn.values()) {
      int at = type.indexOf(indexed.column());
      Set<String> wanted = terms.getOrDefault(indexed.domain(), Set.of());
      if (at >= 0 && !wanted.isEmpty() && row.values()[at] != null && !row.values()[at].isBlank()
          && wanted.contains(blindIndex.term(indexed.domain(), row.values()[at]))) {
        return true;
      }
    }
    return false;
  }

  /** The CSV header's column names (the first line that is not blank), trimmed and without a byte-order mark. */
  private static List<String> csvHeader(List<String> lines) {
    for (String line : lines) {
      String text = line.replace("\uFEFF", "");
      if (!text.isBlank()) {
        List<String> names = new ArrayList<>();
        for (int[] field : csvFields(text).fields()) {
          names.add(unquote(text.substring(field[0], field[1])).trim());
        }
        return names;
      }
    }
    return List.of();
  }

  private record CsvRecord(List<int[]> fields, int end) {}

  /** The fields of the CSV record at the start of {@code text} ([start, end) each, quotes included) and where it ends. */
  private static CsvRecord csvFields(String text) {
    List<int[]> fields = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    int i = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted; // a doubled quote toggles twice
      } else if (!quoted && c == ',') {
        fields.add(new int[] {start, i});
        start = i + 1;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      }
    }
    fields.add(new int[] {start, i});
    return new CsvRecord(fields, i);
  }

  private static String unquote(String field) {
    String trimmed = field.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"") : field;
  }

  /** The CSV record with its free-text cells emptied; everything else, line ends included, as it was. */
  private static String csvWithoutFreeText(String span, List<String> header) {
    CsvRecord record = csvFields(span);
    StringBuilder out = new StringBuilder(span.length());
    for (int f = 0; f < record.fields().size(); f++) {
      int[] field = record.fields().get(f);
      if (f > 0) {
        out.append(',');
      }
      boolean freeText = f < header.size() && CustomerErasure.FREE_TEXT.contains(header.get(f));
      if (!freeText) {
        out.append(span, field[0], field[1]);
      }
    }
    return out.append(span.substring(record.end())).toString();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  /** The JSON Lines row without its free-text members; the line end kept. */
  private static String jsonWithoutFreeText(String span) {
    int end = span.length();
    while (end > 0 && (span.charAt(end - 1) == '\n' || span.charAt(end - 1) == '\r')) {
      end--;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(span.substring(0, end));
      if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
        return span;
      }
      boolean changed = false;
      for (String column : CustomerErasure.FREE_TEXT) {
        changed |= object.remove(column) != null;
      }
      return changed ? JSON.writeValueAsString(object) + span.substring(end) : span;
    } catch (IOException e) {
      return span; // not JSON: intake rejected it, nothing of it was stored
    }
  }

  /** Lines with their terminators (LF, CRLF), so what is kept is written back exactly; a BOM stays on line 1. */
  private static List<String> physicalLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
