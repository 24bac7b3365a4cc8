package io.qualityhub.core.crypto;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The blind-index key: 256 random bits made once by KMS under the index key, stored wrapped in the
 * records table ({@code KEY#blind-index / v1}), unwrapped once per function start.
 *
 * <p>It is created once, by deployment (docs/operations/deploy.md) or the local bootstrap, through
 * {@link #createIfAbsent()}; nothing else ever creates it. When it is missing or unreadable,
 * {@link #load()} fails closed with {@link BlindIndexKeyMissingException}: a key minted in its place
 * would make terms that never match those already stored (docs/decisions/0005).
 */
public final class BlindIndexKeyStore {

  /** The version of the blind-index key terms are made with; stored with terms kept for audit. */
  public static final String VERSION = "v1";
  /** The item's partition key; its sort key is {@link #VERSION}. */
  public static final String PK = "KEY#blind-index";
  private static final Map<String, String> CONTEXT = Map.of("purpose", "qualityhub-blind-index", "version", VERSION);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DataKeySource indexKeys;

  public BlindIndexKeyStore(DynamoDbClient dynamoDb, String table, DataKeySource indexKeys) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.indexKeys = indexKeys;
  }

  /**
   * The blind index of the stored key.
   *
   * @throws BlindIndexKeyMissingException when the key item is missing, malformed or cannot be unwrapped
   */
  public BlindIndex load() {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).key(key()).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      throw new BlindIndexKeyMissingException("the blind-index key item (pk " + PK + ", sk " + VERSION + ") is missing from table "
          + table + ". Nothing creates a replacement, because a new key would never match the terms already stored."
          + " Restore the item from a backup of the table (point-in-time recovery); only on a deployment that has never stored"
          + " a record, create it once as docs/operations/deploy.md says.");
    }
    AttributeValue wrapped = item.get("wrappedKey");
    if (wrapped == null || wrapped.b() == null || wrapped.b().asByteArrayUnsafe().length == 0) {
      throw new BlindIndexKeyMissingException("the blind-index key item (pk " + PK + ", sk " + VERSION + ") in table " + table
          + " has no binary wrappedKey attribute, so it is unreadable. Restore the item from a backup of the table"
          + " (point-in-time recovery); do not create a new one over it.");
    }
    DataKey key;
    try {
      key = indexKeys.unwrap(wrapped.b().asByteArray(), CONTEXT);
    } catch (KeyRefusedException e) {
      throw unwrapRefused(e.errorCode(), e);
    } catch (WrappedKeyRejectedException e) {
      throw unwrapRefused(e.errorCode(), e);
    }
    try {
      return new BlindIndex(key.plaintext());
    } finally {
      key.destroy();
    }
  }

  private BlindIndexKeyMissingException unwrapRefused(String errorCode, RuntimeException cause) {
    return new BlindIndexKeyMissingException("KMS refused to unwrap the blind-index key item (pk " + PK + ", sk " + VERSION
        + ") of table " + table + " (" + errorCode + "). Check that the index key (INDEX_KEY_ARN) is enabled, that this role"
        + " may kms:Decrypt with it, and that the item was not replaced; restore it from a backup if it was.", cause);
  }

  /**
   * Creates the key when the table holds none, and otherwise leaves the one there alone: the one
   * deliberate creation, run by the local bootstrap when it creates the records table, and once by
   * an operator on a new AWS deployment.
   *
   * @return whether this call created it
   */
  public boolean createIfAbsent() {
    Map<String, AttributeValue> existing = dynamoDb.getItem(request -> request.tableName(table).key(key()).consistentRead(true)).item();
    if (existing != null && !existing.isEmpty()) {
      return false;
    }
    byte[] wrapped = indexKeys.generateWrapped(CONTEXT);
    Map<String, AttributeValue> item = key();
    item.put("wrappedKey", AttributeValue.fromB(SdkBytes.fromByteArray(wrapped)));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false; // created by another run in between: that one stays
    }
  }

  private static Map<String, AttributeValue> key() {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("pk", AttributeValue.fromS(PK));
    key.put("sk", AttributeValue.fromS(VERSION));
    return key;
  }
}
