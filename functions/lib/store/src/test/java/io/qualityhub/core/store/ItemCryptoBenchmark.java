package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.DataKey;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Our own per-item cryptography cost, without storage (docs/decisions/0003-field-encryption.md):
 * CPU time per sensitive field encrypted, per claim row turned into an item (4 sensitive fields,
 * 2 blind-index terms, the item tag), and per item checked and decrypted on read. Not a JMH
 * benchmark: warm-up rounds, then the median of measured rounds of thread CPU time. Run with
 * {@code -XX:TieredStopAtLevel=1} for what Lambda's default JIT gives.
 */
public final class ItemCryptoBenchmark {

  private static final int ROUNDS = 15;
  private static final int WARM_UP_ROUNDS = 10;
  private static final int OPERATIONS = 20_000;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static long sink;

  private ItemCryptoBenchmark() {}

  public static void main(String[] args) {
    byte[] keyBytes = new byte[32];
    new SecureRandom().nextBytes(keyBytes);
    FieldCipher cipher = new FieldCipher(new DataKey(keyBytes, new byte[8]));
    String table = "qualityhub-bench-records";
    RecordItemMapper mapper = new RecordItemMapper(table,
        new UploadKey("TPE-01", LocalDate.parse("2026-11-23"), RecordType.CLAIMS, FileFormat.CSV, false),
        "gen-1", cipher, new BlindIndex(keyBytes), "KEY#gen-1#a");
    ItemAuthenticator authenticator = new ItemAuthenticator(table, cipher);
    String[] row = claimRow();
    Map<String, AttributeValue> item = mapper.toItem(2, row);
    String itemKey = ItemAuthenticator.itemKey(item);
    FieldBinding binding = new FieldBinding(table, itemKey, "customer_name");
    byte[] sealedName = cipher.encrypt("陳美玲", binding);

    System.out.printf("Item cryptography, CPU per operation (median of %d rounds of %,d), %s, %s%n", ROUNDS, OPERATIONS,
        System.getProperty("java.vm.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
    print("encrypt one sensitive field (9 bytes UTF-8)", () -> sink += cipher.encrypt("陳美玲", binding).length);
    print("decrypt one sensitive field", () -> sink += cipher.decrypt(sealedName, binding).length());
    BlindIndex blindIndex = new BlindIndex(keyBytes);
    print("blind-index term (NFKC, HMAC-SHA-256)", () -> sink += blindIndex.term("id_no", "A123456789").length());
    print("item tag over the whole claim item (GMAC)", () -> sink += authenticator.tagFor(item).b().asByteArrayUnsafe().length);
    print("write: claim row -> item (4 fields, 2 terms, tag)", () -> sink += mapper.toItem(2, row).size());
    print("read: verify tag + decrypt 4 fields", () -> {
      authenticator.verify(item);
      for (String column : new String[] {"customer_name", "customer_id_no", "customer_phone", "diagnosis"}) {
        sink += cipher.decrypt(item.get(column).b().asByteArrayUnsafe(), new FieldBinding(table, itemKey, column)).length();
      }
    });
    System.out.println("(checksum " + sink + ")");
  }

  private static void print(String what, Runnable operation) {
    long[] rounds = new long[ROUNDS];
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      long start = CPU.getCurrentThreadCpuTime();
      for (int i = 0; i < OPERATIONS; i++) {
        operation.run();
      }
      if (round >= 0) {
        rounds[round] = CPU.getCurrentThreadCpuTime() - start;
      }
    }
    java.util.Arrays.sort(rounds);
    System.out.printf("  %-52s %8.2f us%n", what, rounds[ROUNDS / 2] / 1000.0 / OPERATIONS);
  }

  private static String[] claimRow() {
    Map<String, String> values = new java.util.HashMap<>(Map.of(
        "claim_id", "CLM-TPE-2611-0107", "policy_id", "P-TPE-2508-01422", "product_code", "AC-PA10", "product_line", "accident",
        "complexity", "simple", "green_channel", "N", "status", "paid", "reported_at", "2026-11-10T08:50:00+08:00",
        "amount_claimed", "35200", "currency", "TWD"));
    values.putAll(Map.of("amount_paid", "35200", "handler_id", "CH-118", "updated_at", "2026-11-23T10:05:00+08:00",
        "paid_at", "2026-11-23T10:00:00+08:00", "customer_name", "林志明", "customer_id_no", "F123456782",
        "customer_phone", "0933-221-908", "diagnosis", "右手腕遠端橈骨骨折"));
    String[] row = new String[RecordType.CLAIMS.columns().size()];
    values.forEach((column, value) -> row[RecordType.CLAIMS.indexOf(column)] = value);
    return row;
  }
}
