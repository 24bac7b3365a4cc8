package io.qualityhub.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The versioned configuration store: documents that outgrow environment variables (a 500-branch
 * recipients directory is past Lambda's 4 KB), as items of the records table (encrypted under the
 * stack's key) in the partition {@code CONFIG}. Every version is kept ({@code VERSION#{name}#000001},
 * ...), never changed or deleted; one manifest item ({@code CURRENT}) names the version of each
 * document in force, so a function reads the manifest and the documents it names with GetItem alone.
 * A change writes its version and the manifest in one transaction conditional on the manifest's
 * revision, so two changes cannot both take the same place.
 */
public final class ConfigStore {

  public static final String PARTITION = "CONFIG";
  static final String MANIFEST_SK = "CURRENT";
  private static final String PK = "pk";
  private static final String SK = "sk";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public ConfigStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The document in force under each name, by name. */
  public Map<String, ConfigDocument> currentDocuments() {
    Map<String, ConfigDocument> documents = new TreeMap<>();
    manifest().documents().forEach((name, version) ->
        version(name, version).ifPresent(document -> documents.put(name, document)));
    return documents;
  }

  public Optional<ConfigDocument> current(String name) {
    Integer version = manifest().documents().get(name);
    return version == null ? Optional.empty() : version(name, version);
  }

  public Optional<ConfigDocument> version(String name, int version) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(key(versionSk(name, version)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  /**
   * Stores {@code body} as the next version of {@code name} and makes it the one in force.
   *
   * @throws ConcurrentConfigChangeException when another change was stored meanwhile; nothing is stored
   */
  public ConfigDocument put(String name, String variable, String body, String changedBy, Instant changedAt) {
    Manifest manifest = manifest();
    int version = manifest.documents().getOrDefault(name, 0) + 1;
    ConfigDocument document = new ConfigDocument(name, version, variable, body, sha256(body), changedBy, changedAt);
    Map<String, Integer> documents = new TreeMap<>(manifest.documents());
    documents.put(name, version);
    Map<String, AttributeValue> manifestItem = new LinkedHashMap<>(key(MANIFEST_SK));
    manifestItem.put("revision", AttributeValue.fromN(Long.toString(manifest.revision() + 1)));
    Map<String, AttributeValue> versions = new LinkedHashMap<>();
    documents.forEach((documentName, documentVersion) ->
        versions.put(documentName, AttributeValue.fromN(Integer.toString(documentVersion))));
    manifestItem.put("documents", AttributeValue.fromM(versions));
    Put putManifest = manifest.revision() == 0
        ? Put.builder().tableName(table).item(manifestItem).conditionExpression("attribute_not_exists(pk)").build()
        : Put.builder().tableName(table).item(manifestItem).conditionExpression("revision = :revision")
            .expressionAttributeValues(Map.of(":revision", AttributeValue.fromN(Long.toString(manifest.revision()))))
            .build();
    try {
      dynamoDb.transactWriteItems(request -> request.transactItems(
          TransactWriteItem.builder().put(put -> put.tableName(table).item(toItem(document))
              .conditionExpression("attribute_not_exists(pk)")).build(),
          TransactWriteItem.builder().put(putManifest).build()));
    } catch (TransactionCanceledException e) {
      throw new ConcurrentConfigChangeException(name, e);
    }
    return document;
  }

  private Manifest manifest() {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(key(MANIFEST_SK))).item();
    if (item == null || item.isEmpty()) {
      return new Manifest(0, Map.of());
    }
    Map<String, Integer> documents = new TreeMap<>();
    item.getOrDefault("documents", AttributeValue.fromM(Map.of())).m()
        .forEach((name, version) -> documents.put(name, Integer.parseInt(version.n())));
    return new Manifest(Long.parseLong(item.get("revision").n()), documents);
  }

  private record Manifest(long revision, Map<String, Integer> documents) {}

  private static Map<String, AttributeValue> key(String sk) {
    return Map.of(PK, AttributeValue.fromS(PARTITION), SK, AttributeValue.fromS(sk));
  }

  private static String versionSk(String name, int version) {
    return String.format("VERSION#%s#%06d", name, version);
  }

  private static Map<String, AttributeValue> toItem(ConfigDocument document) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(versionSk(document.name(), document.version())));
    item.put("name", AttributeValue.fromS(document.name()));
    item.put("version", AttributeValue.fromN(Integer.toString(document.version())));
    item.put("variable", AttributeValue.fromS(document.variable()));
    item.put("body", AttributeValue.fromS(document.body()));
    item.put("sha256", AttributeValue.fromS(document.sha256()));
    item.put("changedBy", AttributeValue.fromS(document.changedBy()));
    item.put("changedAt", AttributeValue.fromS(document.changedAt().toString()));
    return item;
  }

  private static ConfigDocument fromItem(Map<String, AttributeValue> item) {
    return new ConfigDocument(item.get("name").s(), Integer.parseInt(item.get("version").n()), item.get("variable").s(),
        item.get("body").s(), item.get("sha256").s(), item.get("changedBy").s(), Instant.parse(item.get("changedAt").s()));
  }

  static String sha256(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Names and versions in force, for a log line: {@code deadline-policy@2 recipients@3}; {@code none} when empty. */
  public static String labels(Iterable<ConfigDocument> documents) {
    List<String> labels = new ArrayList<>();
    documents.forEach(document -> labels.add(document.label()));
    return labels.isEmpty() ? "none" : String.join(" ", labels);
  }
}
