package io.qualityhub.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.DataKey;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items a claim row is stored as, written out as intake stored them before its row path was made faster
 * (issue 16 item 2): every attribute, name, type and value, the same; ciphertexts and the item tag, which take a
 * random IV, still made over exactly the same bytes (the item stored then verifies and decrypts now).
 */
class RecordItemMapperTest {

  private static final String TABLE = "qualityhub-test-records";
  private static final String HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,decided_at,paid_at,closed_at,amount_claimed,amount_paid,currency,handler_id,"
      + "updated_at,customer_name,customer_id_no,customer_phone,diagnosis";
  private static final String[] ROW = {"C-7", "P-1", "HLT", "health", "simple", "Y", "paid", "2026-11-20T09:00:00+08:00",
      null, "2026-11-21T10:00:00+08:00", "2026-11-22T10:00:00+08:00", null, "1200.50", "1200.00", "TWD", "H-3",
      "2026-11-22T10:00:00+08:00", "陳美玲", "A123456789", "0912-345-678", "骨折"};
  private static final Map<String, String> SENSITIVE = Map.of("customer_name", "陳美玲", "customer_id_no", "A123456789",
      "customer_phone", "0912-345-678", "diagnosis", "骨折");

  /** Row 42 of the file as stored before (commit 6295868), ciphertexts and tag included. */
  private static final List<String> ROW_ITEM_BEFORE = List.of(
      "amount_claimed N 1200.50",
      "amount_paid N 1200.00",
      "biIdNo S gX27m0A_orPG0gtMmq57hg",
      "biPhone S QxV93JYYut8n4n9uFIq0XA",
      "branchCode S TPE-01",
      "businessDate S 2026-11-23",
      "claim_id S C-7",
      "complexity S simple",
      "currency S TWD",
      "customer_id_no B 021b88771fb3319dd89ae5a939dce6cd756ea90b84a89fb883c7f96d138394e8a0d422fadd9a60",
      "customer_name B 0267ef12e526b2ad25c934121bf0c015bfc76380b51525e87e20ef64bd93bc40b2191ea7c8b1",
      "customer_phone B 02528cfd5a8c6e6e71fd02bd9ff0f0c2dfd9cd30852520e1c3f7583cd679c41d5958184496c258468c",
      "dataKey S KEY#gen-1#a",
      "decided_at S 2026-11-21T10:00:00+08:00",
      "diagnosis B 024612249fe6ff56308cbf0fd085b7961a9ae00bde01fb8eb93831b7c14e7a87f26cf3",
      "fileId S TPE-01#claims#2026-11-23",
      "generation S gen-1",
      "green_channel BOOL true",
      "handler_id S H-3",
      "itemTag B 015ae562a30f420c05c7a219d714cf705b0f211e38e8944f60dd5fb2a1",
      "line N 42",
      "paid_at S 2026-11-22T10:00:00+08:00",
      "pk S REC#claims#TPE-01#C-7",
      "policy_id S P-1",
      "product_code S HLT",
      "product_line S health",
      "recordType S claims",
      "reported_at S 2026-11-20T09:00:00+08:00",
      "sk S 2026-11-23#gen-1#2026-11-22T02:00:00Z",
      "status S paid",
      "updated_at S 2026-11-22T10:00:00+08:00"
  );

  /** The state item as stored before (commit 6295868), with the period index's entry it has carried since. */
  private static final List<String> STATE_ITEM_BEFORE = List.of(
      "amount_claimed N 1200.50",
      "amount_paid N 1200.00",
      "branchCode S TPE-01",
      "businessDate S 2026-11-23",
      "claim_id S C-7",
      "complexity S simple",
      "currency S TWD",
      "decided_at S 2026-11-21T10:00:00+08:00",
      "fileId S TPE-01#claims#2026-11-23",
      "generation S gen-1",
      "green_channel BOOL true",
      "handler_id S H-3",
      "paid_at S 2026-11-22T10:00:00+08:00",
      // The period index's entry (since the index, decision 0022): an open claim is undated until it closes.
      "periodKey S claims#8",
      "periodOn S undated",
      "pk S REC#claims#TPE-01#C-7",
      "policy_id S P-1",
      "product_code S HLT",
      "product_line S health",
      "recordType S claims",
      "reported_at S 2026-11-20T09:00:00+08:00",
      "sk S STATE",
      "sourceSk S 2026-11-23#gen-1#2026-11-22T02:00:00Z",
      "status S paid",
      "updated_at S 2026-11-22T10:00:00+08:00",
      "versionMillis N 1795312800000"
  );

  private final FieldCipher cipher = new FieldCipher(new DataKey(bytes(32, 7), bytes(8, 1)));
  private final RecordItemMapper mapper = new RecordItemMapper(TABLE,
      new UploadKey("TPE-01", LocalDate.parse("2026-11-23"), RecordType.CLAIMS, FileFormat.CSV, false),
      "gen-1", cipher, new BlindIndex(bytes(32, 9)), "KEY#gen-1#a");

  @Test
  void aRowIsStoredWithTheSameAttributesAsBefore() {
    Map<String, AttributeValue> item = mapper.toItem(42, values());
    Map<String, AttributeValue> before = item(ROW_ITEM_BEFORE);
    assertEquals(new TreeMap<>(before).keySet(), new TreeMap<>(item).keySet());
    before.forEach((name, value) -> {
      if (value.b() == null) {
        assertEquals(value, item.get(name), name);
      }
    });
    SENSITIVE.forEach((column, clear) -> assertEquals(clear, decrypt(item, column), column));
    new ItemAuthenticator(TABLE, cipher).verify(item);
  }

  @Test
  void anItemStoredBeforeStillVerifiesAndDecrypts() {
    Map<String, AttributeValue> before = item(ROW_ITEM_BEFORE);
    new ItemAuthenticator(TABLE, cipher).verify(before);
    SENSITIVE.forEach((column, clear) -> assertEquals(clear, decrypt(before, column), column));
  }

  @Test
  void aStateIsStoredExactlyAsBefore() {
    assertEquals(item(STATE_ITEM_BEFORE), mapper.toStateItem(values()));
  }

  private String decrypt(Map<String, AttributeValue> item, String column) {
    return cipher.decrypt(item.get(column).b().asByteArray(), new FieldBinding(TABLE, ItemAuthenticator.itemKey(item), column));
  }

  private static String[] values() {
    String[] header = HEADER.split(",");
    String[] values = new String[RecordType.CLAIMS.columns().size()];
    for (int i = 0; i < header.length; i++) {
      values[RecordType.CLAIMS.indexOf(header[i])] = ROW[i];
    }
    return values;
  }

  /** Attributes written {@code name TYPE value}, binary values in hex. */
  private static Map<String, AttributeValue> item(List<String> attributes) {
    Map<String, AttributeValue> item = new HashMap<>();
    for (String attribute : attributes) {
      String[] parts = attribute.split(" ", 3);
      item.put(parts[0], switch (parts[1]) {
        case "S" -> AttributeValue.fromS(parts[2]);
        case "N" -> AttributeValue.fromN(parts[2]);
        case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(parts[2]));
        case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(HexFormat.of().parseHex(parts[2])));
        default -> throw new IllegalArgumentException(attribute);
      });
    }
    return item;
  }

  private static byte[] bytes(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
