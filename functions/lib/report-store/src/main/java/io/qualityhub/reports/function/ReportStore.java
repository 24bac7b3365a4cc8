package io.qualityhub.reports.function;

import io.qualityhub.reports.report.SnapshotReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Reports in the reports bucket (SSE-KMS under the reports key; the bucket's default Object Lock
 * retention applies to every version) and their index entries in the reports table.
 */
final class ReportStore {

  static final String REPORT_PREFIX = "reports/";
  private static final String INDEX_SK = "INDEX";
  /** One partition listing every report by period, newest last, for the portal's list (a report id is never this). */
  static final String CATALOGUE_PK = "REPORT#CATALOGUE";
  /** User metadata of every rendering: the id of the snapshot it was built from, and that snapshot's SHA-256. */
  static final String SNAPSHOT_METADATA = "qualityhub-snapshot";
  static final String SNAPSHOT_DIGEST_METADATA = "qualityhub-snapshot-digest";

  private final S3Client s3;
  private final String bucket;
  private final String reportsKeyArn;
  private final DynamoDbClient dynamoDb;
  private final String table;

  ReportStore(S3Client s3, String bucket, String reportsKeyArn, DynamoDbClient dynamoDb, String table) {
    this.s3 = s3;
    this.bucket = bucket;
    this.reportsKeyArn = reportsKeyArn;
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  String bucket() {
    return bucket;
  }

  /**
   * Writes every rendering, each naming the snapshot it was built from in its metadata ({@link #SNAPSHOT_METADATA},
   * {@link #SNAPSHOT_DIGEST_METADATA}) so that every stored version can be verified, then the index entry naming them.
   */
  StoredReport store(String reportId, String period, String scope, String topic, String generatedAt,
      Map<ReportFormat, byte[]> renderings, SnapshotReference snapshot) {
    Map<ReportFormat, StoredReport.StoredObject> objects = new EnumMap<>(ReportFormat.class);
    Map<String, String> metadata = Map.of(SNAPSHOT_METADATA, snapshot.id(), SNAPSHOT_DIGEST_METADATA, snapshot.digest());
    renderings.forEach((format, bytes) -> {
      String key = REPORT_PREFIX + period + "/" + scope + "/" + reportId + "." + format.extension();
      PutObjectResponse put = s3.putObject(request -> request.bucket(bucket).key(key)
              .contentType(format.contentType()).metadata(metadata)
              .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(reportsKeyArn),
          RequestBody.fromBytes(bytes));
      objects.put(format, new StoredReport.StoredObject(key, put.versionId(), sha256(bytes), bytes.length));
    });
    StoredReport report = new StoredReport(reportId, period, scope, topic, generatedAt, objects);
    Map<String, AttributeValue> item = toItem(report);
    item.put("snapshotId", AttributeValue.fromS(snapshot.id()));
    item.put("snapshotDigest", AttributeValue.fromS(snapshot.digest()));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    Map<String, AttributeValue> listed = new HashMap<>(item);
    listed.put(AggregateStore.PK, AttributeValue.fromS(CATALOGUE_PK));
    listed.put(AggregateStore.SK, AttributeValue.fromS(report.period() + "#" + report.reportId()));
    dynamoDb.putItem(request -> request.tableName(table).item(listed));
    return report;
  }

  /** Every stored report, newest period first. */
  List<StoredReport> catalogue() {
    QueryRequest query = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :catalogue")
        .expressionAttributeValues(Map.of(":catalogue", AttributeValue.fromS(CATALOGUE_PK)))
        .scanIndexForward(false)
        .build();
    List<StoredReport> reports = new ArrayList<>();
    dynamoDb.queryPaginator(query).items().forEach(listed -> reports.add(fromItem(listed)));
    return reports;
  }

  /** Every stored report of one period (its label, e.g. {@code 2026-10}). */
  List<StoredReport> issuedFor(String period) {
    QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :catalogue AND begins_with(sk, :period)")
        .expressionAttributeValues(Map.of(":catalogue", AttributeValue.fromS(CATALOGUE_PK),
            ":period", AttributeValue.fromS(period + "#")))
        .build();
    List<StoredReport> reports = new ArrayList<>();
    dynamoDb.queryPaginator(query).items().forEach(listed -> reports.add(fromItem(listed)));
    return reports;
  }

  Optional<StoredReport> find(String reportId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(indexKey(reportId))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  private static Map<String, AttributeValue> indexKey(String reportId) {
    return Map.of(AggregateStore.PK, AttributeValue.fromS("REPORT#" + reportId),
        AggregateStore.SK, AttributeValue.fromS(INDEX_SK));
  }

  private static Map<String, AttributeValue> toItem(StoredReport report) {
    Map<String, AttributeValue> item = new HashMap<>(indexKey(report.reportId()));
    item.put("reportId", AttributeValue.fromS(report.reportId()));
    item.put("period", AttributeValue.fromS(report.period()));
    item.put("scope", AttributeValue.fromS(report.scope()));
    if (report.topic() != null) {
      item.put("topic", AttributeValue.fromS(report.topic()));
    }
    item.put("generatedAt", AttributeValue.fromS(report.generatedAt()));
    Map<String, AttributeValue> objects = new HashMap<>();
    report.objects().forEach((format, object) -> {
      Map<String, AttributeValue> entry = new HashMap<>();
      entry.put("key", AttributeValue.fromS(object.key()));
      if (object.versionId() != null) {
        entry.put("versionId", AttributeValue.fromS(object.versionId()));
      }
      entry.put("sha256", AttributeValue.fromS(object.sha256()));
      entry.put("bytes", AttributeValue.fromN(Long.toString(object.bytes())));
      objects.put(format.extension(), AttributeValue.fromM(entry));
    });
    item.put("objects", AttributeValue.fromM(objects));
    return item;
  }

  private static StoredReport fromItem(Map<String, AttributeValue> item) {
    Map<ReportFormat, StoredReport.StoredObject> objects = new EnumMap<>(ReportFormat.class);
    item.get("objects").m().forEach((extension, value) -> {
      Map<String, AttributeValue> entry = value.m();
      AttributeValue versionId = entry.get("versionId");
      objects.put(ReportFormat.fromExtension(extension), new StoredReport.StoredObject(entry.get("key").s(),
          versionId == null ? null : versionId.s(), entry.get("sha256").s(), Long.parseLong(entry.get("bytes").n())));
    });
    AttributeValue topic = item.get("topic");
    return new StoredReport(item.get("reportId").s(), item.get("period").s(), item.get("scope").s(),
        topic == null ? null : topic.s(), item.get("generatedAt").s(), objects);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
