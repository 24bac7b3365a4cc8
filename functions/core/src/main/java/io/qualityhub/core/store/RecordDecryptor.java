package io.qualityhub.core.store;

import io.qualityhub.core.crypto.DataKey;
import io.qualityhub.core.crypto.DataKeySource;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.crypto.RecordKeyContext;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the sensitive values of stored rows back, for the roles that show them to people: finds the
 * row's wrapped data key, unwraps it once with KMS (bound to its file and generation), and decrypts
 * each value against the item it is stored in. Not thread-safe.
 */
public final class RecordDecryptor {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DataKeySource dataKeys;
  private final Map<String, FieldCipher> ciphers = new HashMap<>();

  public RecordDecryptor(DynamoDbClient dynamoDb, String table, DataKeySource dataKeys) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.dataKeys = dataKeys;
  }

  /** The row's sensitive values in clear, by column name, in schema order. */
  public Map<String, String> sensitiveValues(Map<String, AttributeValue> item) {
    RecordType type = RecordType.fromWireName(item.get("recordType").s()).orElseThrow();
    FieldCipher cipher = cipherFor(item);
    String itemKey = item.get(ItemKeys.PK).s() + "|" + item.get(ItemKeys.SK).s();
    Map<String, String> values = new LinkedHashMap<>();
    for (Column column : type.columns()) {
      AttributeValue sealed = item.get(column.name());
      if (column.sensitive() && sealed != null) {
        values.put(column.name(), cipher.decrypt(sealed.b().asByteArray(), new FieldBinding(table, itemKey, column.name())));
      }
    }
    return values;
  }

  private FieldCipher cipherFor(Map<String, AttributeValue> item) {
    String fileId = item.get(RecordItemMapper.FILE_ID).s();
    String keyRef = item.get(RecordItemMapper.DATA_KEY).s();
    return ciphers.computeIfAbsent(fileId + "|" + keyRef, ignored -> {
      Map<String, AttributeValue> keyItem = dynamoDb.getItem(request -> request.tableName(table)
          .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(fileId)), ItemKeys.SK, AttributeValue.fromS(keyRef)))).item();
      if (keyItem == null || keyItem.isEmpty()) {
        throw new IllegalStateException("the data key " + keyRef + " of file " + fileId + " is missing from " + table);
      }
      DataKey key = dataKeys.unwrap(keyItem.get("wrappedKey").b().asByteArray(),
          RecordKeyContext.of(fileId, item.get(RecordItemMapper.GENERATION).s()));
      try {
        return new FieldCipher(key);
      } finally {
        key.destroy();
      }
    });
  }
}
