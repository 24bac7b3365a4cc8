package io.qualityhub.local.faults;

import java.nio.charset.StandardCharsets;

/**
 * Synthetic branch files for the scenarios. Names and id numbers are made up, and are never printed: checks compare
 * them, and report only keys and counts.
 */
final class Data {

  static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,paid_at,amount_claimed,amount_paid,currency,handler_id,updated_at,"
      + "customer_name,customer_id_no,diagnosis\n";

  private Data() {}

  /**
   * {@code rows} rows of 15 paid claims (no deadline clock runs, so none reaches the monitor's index), newest row of
   * each claim first and older ones after it (the state must stay at the newest), every 25th row with a broken date
   * (a reject). Few claims per file keep the state transactions small: the emulator copies the table for each item
   * of a transaction. {@code amountShift} changes the amounts only, as a corrected re-upload with the same
   * timestamps does.
   */
  static byte[] paidClaims(int rows, int amountShift) {
    return paidClaims(rows, amountShift, 15);
  }

  /** As {@link #paidClaims(int, int)} with {@code claims} claims (at most 999, and rows at most 16 per claim). */
  static byte[] paidClaims(int rows, int amountShift, int claims) {
    StringBuilder csv = new StringBuilder(CLAIMS_HEADER);
    for (int i = 1; i <= rows; i++) {
      int claim = 1 + (i - 1) % claims;
      int age = (i - 1) / claims;
      String id = String.format("C-%03d", claim);
      String reported = i % 25 == 0 ? "not-a-time" : "2026-11-01T09:00:00+08:00";
      String updated = String.format("2026-11-09T%02d:00:00+08:00", 15 - age);
      int amount = 1000 + claim * 7 + amountShift - age;
      csv.append(id).append(",P-").append(claim).append(",HLT-1,health,simple,N,paid,").append(reported)
          .append(",2026-11-02T10:00:00+08:00,").append(updated).append(',').append(amount).append(',').append(amount)
          .append(",TWD,H-").append(claim % 4).append(',').append(updated).append(",Customer ").append(id)
          .append(String.format(",A1%08d,fracture%n", claim));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A surveys file: {@code rows} scores, every 9th out of range (a reject). */
  static byte[] surveys(int rows, String date) {
    StringBuilder csv = new StringBuilder("survey_id,surveyed_on,overall_score\n");
    for (int i = 1; i <= rows; i++) {
      csv.append("V-").append(i).append(',').append(date).append(',').append(i % 9 == 0 ? 11 : 1 + i % 5).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
