package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a valid row into DynamoDB items: sensitive columns encrypted (bound to table, item key and
 * attribute), ID number and phone also as blind-index terms, amounts and scores as numbers,
 * booleans as booleans, and provenance (file, generation, line) on every item. Each row item ends
 * with an integrity tag over all its attributes ({@link ItemAuthenticator}).
 */
public final class RecordItemMapper {

  public static final String BLIND_ID_NO = "biIdNo";
  public static final String BLIND_PHONE = "biPhone";
  public static final String LINE = "line";
  public static final String DATA_KEY = "dataKey";
  public static final String SOURCE_SK = "sourceSk";
  public static final String VERSION_MILLIS = "versionMillis";
  public static final String FILE_ID = "fileId";
  public static final String GENERATION = "generation";

  private final String table;
  private final RecordType type;
  private final UploadKey key;
  private final String generation;
  private final FieldCipher cipher;
  private final ItemAuthenticator authenticator;
  private final BlindIndex blindIndex;
  private final String dataKeyRef;
  private final int idIndex;
  private final int versionIndex;

  /**
   * @param dataKeyRef the sort key, in the file's partition, of the item holding the wrapped data key
   *     {@code cipher} uses; stored on each item so a reader knows which key to unwrap
   */
  public RecordItemMapper(String table, UploadKey key, String generation, FieldCipher cipher, BlindIndex blindIndex,
      String dataKeyRef) {
    this.table = table;
    this.type = key.type();
    this.key = key;
    this.generation = generation;
    this.cipher = cipher;
    this.authenticator = cipher == null ? null : new ItemAuthenticator(table, cipher);
    this.blindIndex = blindIndex;
    this.dataKeyRef = dataKeyRef;
    this.idIndex = type.idIndex();
    this.versionIndex = type.versionColumn().map(type::indexOf).orElse(-1);
  }

  /** The primary key of the item a row is stored as; enough to delete it. */
  public Map<String, AttributeValue> keyOf(String[] values) {
    Map<String, AttributeValue> itemKey = new HashMap<>(4);
    itemKey.put(ItemKeys.PK, s(ItemKeys.recordPk(type, key.branch(), values[idIndex])));
    itemKey.put(ItemKeys.SK, s(ItemKeys.rowSk(key.businessDate(), generation, version(values))));
    return itemKey;
  }

  public Map<String, AttributeValue> toItem(int line, String[] values) {
    Map<String, AttributeValue> item = keyOf(values);
    String itemKey = ItemAuthenticator.itemKey(item);
    provenance(item);
    item.put(LINE, n(Integer.toString(line)));
    item.put(DATA_KEY, s(dataKeyRef));
    List<Column> columns = type.columns();
    for (int i = 0; i < columns.size(); i++) {
      String value = values[i];
      if (value == null) {
        continue;
      }
      Column column = columns.get(i);
      if (column.sensitive()) {
        byte[] sealed = cipher.encrypt(value, new FieldBinding(table, itemKey, column.name()));
        item.put(column.name(), AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(sealed)));
        addBlindIndex(item, column.name(), value);
      } else {
        item.put(column.name(), plain(column, value));
      }
    }
    item.put(ItemAuthenticator.TAG, authenticator.tagFor(item));
    return item;
  }

  /**
   * The latest-state item of a claim or complaint: its non-sensitive columns only (monitoring and
   * reports need no customer data), the instant of the state, and which row it came from.
   */
  public Map<String, AttributeValue> toStateItem(String[] values) {
    Map<String, AttributeValue> item = new HashMap<>();
    Map<String, AttributeValue> rowKey = keyOf(values);
    item.put(ItemKeys.PK, rowKey.get(ItemKeys.PK));
    item.put(ItemKeys.SK, s(ItemKeys.STATE_SK));
    item.put(SOURCE_SK, rowKey.get(ItemKeys.SK));
    item.put(VERSION_MILLIS, n(Long.toString(version(values).toEpochMilli())));
    provenance(item);
    List<Column> columns = type.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      if (values[i] != null && !column.sensitive()) {
        item.put(column.name(), plain(column, values[i]));
      }
    }
    return item;
  }

  /**
   * The latest-state item rebuilt from a stored row item, for when the row the state came from is
   * withdrawn: the same attributes {@link #toStateItem} writes, taken from the item.
   */
  public static Map<String, AttributeValue> stateFromRowItem(Map<String, AttributeValue> rowItem, RecordType type) {
    Map<String, AttributeValue> state = new HashMap<>();
    rowItem.forEach((name, value) -> {
      // Never a personal attribute, even one an erasure left as its marker: states hold none.
      int column = type.indexOf(name);
      boolean sensitive = column >= 0 && type.column(column).sensitive();
      if (value.b() == null && !sensitive && !name.equals(LINE) && !name.equals(DATA_KEY) && !isBlindIndexTerm(name)
          && !name.equals(ErasureMarker.ERASURE_ID)) {
        state.put(name, value);
      }
    });
    String versionColumn = type.versionColumn().orElseThrow();
    state.put(ItemKeys.SK, s(ItemKeys.STATE_SK));
    state.put(SOURCE_SK, rowItem.get(ItemKeys.SK));
    state.put(VERSION_MILLIS, n(Long.toString(OffsetDateTime.parse(rowItem.get(versionColumn).s()).toInstant().toEpochMilli())));
    return state;
  }

  private static boolean isBlindIndexTerm(String attribute) {
    for (BlindIndexedColumn indexed : BlindIndexedColumn.values()) {
      if (indexed.termAttribute().equals(attribute)) {
        return true;
      }
    }
    return false;
  }

  public Instant version(String[] values) {
    return versionIndex < 0 ? null : OffsetDateTime.parse(values[versionIndex]).toInstant();
  }

  private void provenance(Map<String, AttributeValue> item) {
    item.put("recordType", s(type.wireName()));
    item.put("branchCode", s(key.branch()));
    item.put("businessDate", s(key.businessDate().toString()));
    item.put(FILE_ID, s(key.fileId()));
    item.put(GENERATION, s(generation));
  }

  private void addBlindIndex(Map<String, AttributeValue> item, String column, String value) {
    if (blindIndex == null) {
      return;
    }
    BlindIndexedColumn.forColumn(column)
        .ifPresent(indexed -> item.put(indexed.termAttribute(), s(blindIndex.term(indexed.domain(), value))));
  }

  private static AttributeValue plain(Column column, String value) {
    return switch (column.type()) {
      case AMOUNT, SCORE, COUNT -> n(value);
      case BOOLEAN -> AttributeValue.fromBool(value.equals("Y"));
      default -> s(value);
    };
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
