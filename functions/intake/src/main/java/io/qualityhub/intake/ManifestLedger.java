package io.qualityhub.intake;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.manifest.BranchManifest;
import io.qualityhub.core.manifest.ManifestParser;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The branch manifests in force, one per branch and day ({@code MANIFEST#{branch}#{date}} / {@code CURRENT}),
 * with a batch record per upload of the manifest ({@code GEN#{generation}}). The manifest's own bytes are kept
 * and read again by the one parser, so what a stored manifest means never drifts from what intake accepted.
 * The files the manifest in force names are also noted, sealed, in the arrivals ledger ({@link ItemKeys#manifestNamedSk}):
 * the monitor expects them by the day's cutoff (docs/uploads.md).
 */
final class ManifestLedger {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;

  /** @param seal seals the expectation entries: the monitor acts only on sealed arrivals-ledger entries */
  ManifestLedger(DynamoDbClient dynamoDb, String table, ItemSeal seal) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.seal = seal;
  }

  /** The manifest in force for the day, if the branch sent one. */
  Optional<BranchManifest> inForce(ManifestKey key) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(itemKey(key, ItemKeys.CURRENT_SK))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    byte[] content = item.get("content").s().getBytes(StandardCharsets.UTF_8);
    try {
      return Optional.of(ManifestParser.parse(content, key));
    } catch (FileRefusedException e) {
      throw new IllegalStateException("the stored manifest of " + key.objectKey() + " no longer parses: "
          + e.getMessage(), e);
    }
  }

  /**
   * Puts the manifest in force unless a later upload of it already is (by intake's order token); an equal token
   * is the same upload again. Returns whether this upload is the one in force.
   */
  boolean putInForce(ManifestKey key, String generation, String orderToken, byte[] content, BranchManifest manifest) {
    Map<String, AttributeValue> item = itemKey(key, ItemKeys.CURRENT_SK);
    // The names alone, for readers that only ask which files the day should bring (the upload calendar).
    item.put("files", AttributeValue.fromL(manifest.files().stream().map(file -> AttributeValue.fromS(file.name())).toList()));
    item.put("generation", AttributeValue.fromS(generation));
    item.put("orderToken", AttributeValue.fromS(orderToken));
    item.put("objectKey", AttributeValue.fromS(key.objectKey()));
    item.put("content", AttributeValue.fromS(new String(content, StandardCharsets.UTF_8)));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk) OR orderToken <= :token")
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(orderToken))));
      return true;
    } catch (ConditionalCheckFailedException laterInForce) {
      return false;
    }
  }

  /**
   * Notes in the arrivals ledger which files the manifest names, replacing what an earlier upload of it named,
   * unless a later upload's entry is already there (by intake's order token, as {@link #putInForce}): one entry per
   * branch and day, so a replaced manifest's expectations are replaced whole, never mixed with the new ones.
   */
  void putNamedFiles(BranchManifest manifest, String orderToken) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ItemKeys.PK, AttributeValue.fromS(ItemKeys.uploadsPk(manifest.businessDate())));
    item.put(ItemKeys.SK, AttributeValue.fromS(ItemKeys.manifestNamedSk(manifest.branch())));
    item.put(ItemKeys.NAMED_TYPES, AttributeValue.fromL(manifest.files().stream()
        .map(file -> AttributeValue.fromS(file.type().wireName())).toList()));
    item.put("orderToken", AttributeValue.fromS(orderToken));
    Map<String, AttributeValue> sealed = seal.sealed(item);
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(sealed)
          .conditionExpression("attribute_not_exists(pk) OR orderToken <= :token")
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(orderToken))));
    } catch (ConditionalCheckFailedException laterNamed) {
      // A later upload of the manifest is in force and has named its own files.
    }
  }

  Optional<BatchProgress> batchRecord(ManifestKey key, String generation) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(itemKey(key, ItemKeys.batchSk(generation)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BatchRecords.progress(item));
  }

  void putBatchRecord(ManifestKey key, String generation, BatchRecord record) {
    Map<String, AttributeValue> item = BatchRecords.item(record);
    item.putAll(itemKey(key, ItemKeys.batchSk(generation)));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> itemKey(ManifestKey key, String sk) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ItemKeys.PK, AttributeValue.fromS(ItemKeys.manifestPk(key.branch(), key.businessDate())));
    item.put(ItemKeys.SK, AttributeValue.fromS(sk));
    return item;
  }
}
