package io.qualityhub.core.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The blind-index key: 256 random bits made once by KMS under the index key, stored wrapped in the
 * records table, unwrapped once per function start. Whichever function needs it first creates it,
 * with a conditional write so that two first runs agree on one key.
 */
public final class BlindIndexKeyStore {

  /** The version of the blind-index key terms are made with; stored with terms kept for audit. */
  public static final String VERSION = "v1";
  private static final Map<String, String> CONTEXT = Map.of("purpose", "qualityhub-blind-index", "version", VERSION);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DataKeySource indexKeys;

  public BlindIndexKeyStore(DynamoDbClient dynamoDb, String table, DataKeySource indexKeys) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.indexKeys = indexKeys;
  }

  /** The blind index, its key created first when there is none yet (intake, the first writer). */
  public BlindIndex load() {
    byte[] wrapped = readWrapped();
    return unwrap(wrapped == null ? create() : wrapped);
  }

  /** The blind index, for readers: empty when no key exists yet, which means nothing was indexed. */
  public Optional<BlindIndex> loadExisting() {
    return Optional.ofNullable(readWrapped()).map(this::unwrap);
  }

  private BlindIndex unwrap(byte[] wrapped) {
    DataKey key = indexKeys.unwrap(wrapped, CONTEXT);
    try {
      return new BlindIndex(key.plaintext());
    } finally {
      key.destroy();
    }
  }

  private byte[] create() {
    byte[] wrapped = indexKeys.generateWrapped(CONTEXT);
    Map<String, AttributeValue> item = key();
    item.put("wrappedKey", AttributeValue.fromB(SdkBytes.fromByteArray(wrapped)));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return wrapped;
    } catch (ConditionalCheckFailedException e) {
      return readWrapped(); // another function created it first: use that one
    }
  }

  private byte[] readWrapped() {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).key(key()).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item.get("wrappedKey").b().asByteArray();
  }

  private static Map<String, AttributeValue> key() {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("pk", AttributeValue.fromS("KEY#blind-index"));
    key.put("sk", AttributeValue.fromS(VERSION));
    return key;
  }
}
