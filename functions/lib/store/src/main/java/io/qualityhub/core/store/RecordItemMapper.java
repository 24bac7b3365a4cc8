package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.Timestamps;
import io.qualityhub.core.format.UploadKey;
import java.time.Instant;
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
  private final FieldCipher cipher;
  private final ItemAuthenticator authenticator;
  private final BlindIndex blindIndex;
  private final int idIndex;
  private final int versionIndex;
  /** Per column, what the row item holds of it; and the parts every item of the file shares, made once. */
  private final Column[] columns;
  private final BlindIndexedColumn[] blindIndexed;
  private final String pkPrefix;
  private final String skPrefix;
  private final Map<String, AttributeValue> provenance;
  private final AttributeValue dataKeyValue;

  /**
   * @param dataKeyRef the sort key, in the file's partition, of the item holding the wrapped data key
   *     {@code cipher} uses; stored on each item so a reader knows which key to unwrap
   */
  public RecordItemMapper(String table, UploadKey key, String generation, FieldCipher cipher, BlindIndex blindIndex,
      String dataKeyRef) {
    this.table = table;
    this.type = key.type();
    this.cipher = cipher;
    this.authenticator = cipher == null ? null : new ItemAuthenticator(table, cipher);
    this.blindIndex = blindIndex;
    this.idIndex = type.idIndex();
    this.versionIndex = type.versionColumn().map(type::indexOf).orElse(-1);
    this.columns = type.columns().toArray(Column[]::new);
    this.blindIndexed = new BlindIndexedColumn[columns.length];
    for (int i = 0; i < columns.length; i++) {
      blindIndexed[i] = BlindIndexedColumn.forColumn(columns[i].name()).orElse(null);
    }
    this.pkPrefix = ItemKeys.recordPk(type, key.branch(), "");
    this.skPrefix = ItemKeys.rowSk(key.businessDate(), generation, null);
    this.provenance = new HashMap<>(8);
    provenance.put("recordType", s(type.wireName()));
    provenance.put("branchCode", s(key.branch()));
    provenance.put("businessDate", s(key.businessDate().toString()));
    provenance.put(FILE_ID, s(key.fileId()));
    provenance.put(GENERATION, s(generation));
    this.dataKeyValue = dataKeyRef == null ? null : s(dataKeyRef);
  }

  /** The primary key of the item a row is stored as; enough to delete it. */
  public Map<String, AttributeValue> keyOf(String[] values) {
    Map<String, AttributeValue> itemKey = new HashMap<>(4);
    putKey(itemKey, values);
    return itemKey;
  }

  /** Puts the item key's two attributes and returns it as {@code pk|sk} ({@link ItemAuthenticator#itemKey}). */
  private String putKey(Map<String, AttributeValue> item, String[] values) {
    String pk = pkPrefix + values[idIndex];
    Instant version = version(values);
    // ItemKeys.rowSk, with the prefix shared by every row of the file made once.
    String sk = version == null ? skPrefix : skPrefix + "#" + version;
    item.put(ItemKeys.PK, s(pk));
    item.put(ItemKeys.SK, s(sk));
    return pk + "|" + sk;
  }

  public Map<String, AttributeValue> toItem(int line, String[] values) {
    // Sized for a claim's 21 columns, 2 blind-index terms and 9 more attributes, so the map never grows.
    Map<String, AttributeValue> item = new HashMap<>(64);
    String itemKey = putKey(item, values);
    item.putAll(provenance);
    item.put(LINE, n(Integer.toString(line)));
    item.put(DATA_KEY, dataKeyValue);
    for (int i = 0; i < columns.length; i++) {
      String value = values[i];
      if (value == null) {
        continue;
      }
      Column column = columns[i];
      if (column.sensitive()) {
        byte[] sealed = cipher.encrypt(value, new FieldBinding(table, itemKey, column.name()));
        item.put(column.name(), AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(sealed)));
        if (blindIndex != null && blindIndexed[i] != null) {
          item.put(blindIndexed[i].termAttribute(), s(blindIndex.term(blindIndexed[i].domain(), value)));
        }
      } else {
        item.put(column.name(), plain(column, value));
      }
    }
    if (!type.keepsLatestState()) {
      PeriodIndex.addEntry(type, item); // claims and complaints are in the period index by their state item
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
    PeriodIndex.addEntry(type, item);
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
    state.put(VERSION_MILLIS, n(Long.toString(Timestamps.parse(rowItem.get(versionColumn).s()).toInstant().toEpochMilli())));
    PeriodIndex.addEntry(type, state);
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
    return versionIndex < 0 ? null : Timestamps.parse(values[versionIndex]).toInstant();
  }

  private void provenance(Map<String, AttributeValue> item) {
    item.putAll(provenance);
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
