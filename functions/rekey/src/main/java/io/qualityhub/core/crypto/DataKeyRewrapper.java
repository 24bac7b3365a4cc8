package io.qualityhub.core.crypto;

import io.qualityhub.core.store.ItemKeys;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Moves record data to a new customer-managed key by re-wrapping each stored data key with KMS
 * ReEncrypt: one KMS call per file generation, however many rows it has, and no row item is read or
 * written, because rows are encrypted under the data key, which does not change. Safe to run again:
 * keys already under the destination are skipped, and each update is conditional on the wrapped key
 * it replaces.
 *
 * <p>The wrapped data keys are the items {@code FILE#{file} / KEY#{generation}#{attempt}} intake
 * writes, each with {@code wrappedKey} and {@code kmsKeyArn}; they are found with one scan.
 */
public final class DataKeyRewrapper {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DataKeySource source;
  private final String sourceKeyArn;

  /** @param source unwraps under {@code sourceKeyArn}, the key the data keys are wrapped under now */
  public DataKeyRewrapper(DynamoDbClient dynamoDb, String table, DataKeySource source, String sourceKeyArn) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.source = source;
    this.sourceKeyArn = sourceKeyArn;
  }

  public RewrapResult rewrapTo(String destinationKeyArn) {
    int rewrapped = 0;
    int alreadyThere = 0;
    for (Map<String, AttributeValue> keyItem : dynamoDb.scanPaginator(request -> request
            .tableName(table)
            .consistentRead(true)
            .filterExpression("begins_with(pk, :file) AND begins_with(sk, :key)")
            .expressionAttributeValues(Map.of(":file", AttributeValue.fromS("FILE#"), ":key", AttributeValue.fromS("KEY#")))).items()) {
      String wrappedUnder = keyItem.get("kmsKeyArn").s();
      if (wrappedUnder.equals(destinationKeyArn)) {
        alreadyThere++;
        continue;
      }
      String where = keyItem.get(ItemKeys.PK).s() + "|" + keyItem.get(ItemKeys.SK).s();
      if (!wrappedUnder.equals(sourceKeyArn)) {
        throw new IllegalStateException("data key " + where + " is wrapped under " + wrappedUnder + ", which is neither the source key "
            + sourceKeyArn + " nor the destination; re-wrap from that key first");
      }
      rewrap(keyItem, destinationKeyArn);
      rewrapped++;
    }
    return new RewrapResult(rewrapped, alreadyThere);
  }

  private void rewrap(Map<String, AttributeValue> keyItem, String destinationKeyArn) {
    String fileId = keyItem.get(ItemKeys.PK).s().substring("FILE#".length());
    String sk = keyItem.get(ItemKeys.SK).s();
    String generation = sk.substring("KEY#".length(), sk.lastIndexOf('#'));
    AttributeValue old = keyItem.get("wrappedKey");
    byte[] moved = source.rewrap(old.b().asByteArray(), RecordKeyContext.of(fileId, generation), destinationKeyArn);
    try {
      dynamoDb.updateItem(request -> request
          .tableName(table)
          .key(Map.of(ItemKeys.PK, keyItem.get(ItemKeys.PK), ItemKeys.SK, keyItem.get(ItemKeys.SK)))
          .updateExpression("SET wrappedKey = :moved, kmsKeyArn = :destination")
          .conditionExpression("wrappedKey = :old")
          .expressionAttributeValues(Map.of(
              ":moved", AttributeValue.fromB(SdkBytes.fromByteArray(moved)),
              ":destination", AttributeValue.fromS(destinationKeyArn),
              ":old", old)));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("data key " + keyItem.get(ItemKeys.PK).s() + "|" + sk
          + " changed while it was being re-wrapped; is another re-wrap running? Run it again when that one is done", e);
    }
  }
}
