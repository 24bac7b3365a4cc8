package io.qualityhub.core.store;

import io.qualityhub.core.crypto.DataKey;
import io.qualityhub.core.crypto.DataKeySource;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.crypto.RecordKeyContext;
import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.crypto.WrappedKeyRejectedException;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads stored rows back, for the roles that show them to people: finds the row's wrapped data key,
 * unwraps it once with KMS (bound to its file and generation), checks the item's integrity tag, and
 * decrypts each sensitive value against the item it is stored in. Every failed check is recorded
 * with {@link IntegrityFailures} and fails the read with {@link TamperedValueException}. Not
 * thread-safe.
 */
public final class RecordDecryptor {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DataKeySource dataKeys;
  private final IntegrityFailures failures;
  private final Map<String, FieldCipher> ciphers = new HashMap<>();

  public RecordDecryptor(DynamoDbClient dynamoDb, String table, DataKeySource dataKeys, IntegrityFailures failures) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.dataKeys = dataKeys;
    this.failures = failures;
  }

  /**
   * The row's sensitive values in clear, by column name, in schema order, after its integrity check;
   * erased values (see {@link ErasureMarker}) are left out.
   */
  public Map<String, String> sensitiveValues(Map<String, AttributeValue> item) {
    RecordType type = RecordType.fromWireName(item.get("recordType").s()).orElseThrow();
    String itemKey = ItemAuthenticator.itemKey(item);
    Map<String, String> values = new LinkedHashMap<>();
    try {
      FieldCipher cipher = cipherFor(item);
      new ItemAuthenticator(table, cipher).verify(item);
      for (Column column : type.columns()) {
        AttributeValue sealed = item.get(column.name());
        if (!column.sensitive() || sealed == null || ErasureMarker.isErased(sealed)) {
          continue;
        }
        if (sealed.b() == null) {
          throw new TamperedValueException(itemKey, TamperedValueException.Check.ENCRYPTED_VALUE, column.name(),
              "attribute " + column.name() + " of " + itemKey + " is sensitive but not encrypted");
        }
        values.put(column.name(), cipher.decrypt(sealed.b().asByteArray(), new FieldBinding(table, itemKey, column.name())));
      }
    } catch (TamperedValueException e) {
      failures.record(e);
      throw e;
    }
    return values;
  }

  /** Checks the item's integrity tag only. */
  public void verify(Map<String, AttributeValue> item) {
    try {
      new ItemAuthenticator(table, cipherFor(item)).verify(item);
    } catch (TamperedValueException e) {
      failures.record(e);
      throw e;
    }
  }

  /**
   * The item with a new integrity tag, for a change an authorised process makes on purpose (an
   * erasure, a blind-index key rotation) after it checked the item as it was.
   */
  public Map<String, AttributeValue> retagged(Map<String, AttributeValue> changed) {
    Map<String, AttributeValue> item = new HashMap<>(changed);
    item.remove(ItemAuthenticator.TAG);
    item.put(ItemAuthenticator.TAG, new ItemAuthenticator(table, cipherFor(changed)).tagFor(item));
    return item;
  }

  private FieldCipher cipherFor(Map<String, AttributeValue> item) {
    String itemKey = ItemAuthenticator.itemKey(item);
    String fileId = text(item, RecordItemMapper.FILE_ID);
    String keyRef = text(item, RecordItemMapper.DATA_KEY);
    String generation = text(item, RecordItemMapper.GENERATION);
    if (fileId == null || keyRef == null || generation == null) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.DATA_KEY, null,
          "item " + itemKey + " in " + table + " lacks the fileId, generation or dataKey that name its data key");
    }
    FieldCipher cached = ciphers.get(fileId + "|" + keyRef);
    if (cached != null) {
      return cached;
    }
    Map<String, AttributeValue> keyItem = dynamoDb.getItem(request -> request.tableName(table)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(fileId)), ItemKeys.SK, AttributeValue.fromS(keyRef)))).item();
    if (keyItem == null || keyItem.isEmpty() || keyItem.get("wrappedKey") == null) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.DATA_KEY, null,
          "item " + itemKey + " names data key " + keyRef + " of file " + fileId + ", which is not in " + table);
    }
    DataKey key;
    try {
      key = dataKeys.unwrap(keyItem.get("wrappedKey").b().asByteArray(), RecordKeyContext.of(fileId, generation));
    } catch (WrappedKeyRejectedException e) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.DATA_KEY, null,
          "the data key " + keyRef + " named by item " + itemKey + " does not unwrap for file " + fileId + " and its generation", e);
    }
    try {
      FieldCipher cipher = new FieldCipher(key);
      ciphers.put(fileId + "|" + keyRef, cipher);
      return cipher;
    } finally {
      key.destroy();
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
