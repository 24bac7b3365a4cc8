package io.qualityhub.core.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * CPU cost of sealing and checking one claim state item (decision 0008); prints {@code name: value} lines.
 * Run: {@code java -cp <core classes, test classes and dependencies> io.qualityhub.core.store.ItemSealBenchmark}.
 */
public final class ItemSealBenchmark {

  private ItemSealBenchmark() {}

  public static void main(String[] args) {
    ItemSeal seal = new ItemSeal("qualityhub-local-records", new byte[32]);
    Map<String, AttributeValue> state = new HashMap<>();
    String[][] columns = {{"pk", "REC#claims#TPE-01#CLM-000123"}, {"sk", "STATE"}, {"recordType", "claims"},
        {"branchCode", "TPE-01"}, {"claim_id", "CLM-000123"}, {"policy_id", "P-998877"}, {"product_code", "HLT-1"},
        {"product_line", "health"}, {"complexity", "simple"}, {"status", "under_review"},
        {"reported_at", "2026-11-01T09:00:00+08:00"}, {"documents_complete_at", "2026-11-02T10:00:00+08:00"},
        {"currency", "TWD"}, {"handler_id", "CH-1"}, {"updated_at", "2026-11-02T10:00:00+08:00"},
        {"sourceSk", "2026-11-02#v1#2026-11-02T02:00:00Z"}, {"fileId", "TPE-01#2026-11-02#claims"}, {"generation", "v1"},
        {"dueShard", "DUE#2"}, {"dueAt", "2026-11-10T16:00:00Z"}};
    for (String[] column : columns) {
      state.put(column[0], AttributeValue.fromS(column[1]));
    }
    state.put("amount_claimed", AttributeValue.fromN("5000"));
    state.put("green_channel", AttributeValue.fromBool(false));
    state.put("versionMillis", AttributeValue.fromN("1762048800000"));
    Map<String, AttributeValue> sealed = seal.sealed(state);
    int rounds = 15;
    int perRound = 20_000;
    double[] sealNanos = new double[rounds];
    double[] verifyNanos = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        seal.sealOf(state);
      }
      sealNanos[round] = (System.nanoTime() - start) / (double) perRound;
      start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        seal.verify(sealed);
      }
      verifyNanos[round] = (System.nanoTime() - start) / (double) perRound;
    }
    java.util.Arrays.sort(sealNanos);
    java.util.Arrays.sort(verifyNanos);
    System.out.printf("seal one claim state item (us): %.2f%n", sealNanos[rounds / 2] / 1000);
    System.out.printf("check one claim state item's seal (us): %.2f%n", verifyNanos[rounds / 2] / 1000);
    System.out.printf("seal attribute size (bytes, name + value): %d%n",
        ItemSeal.ATTRIBUTE.length() + sealed.get(ItemSeal.ATTRIBUTE).b().asByteArray().length);
  }
}
