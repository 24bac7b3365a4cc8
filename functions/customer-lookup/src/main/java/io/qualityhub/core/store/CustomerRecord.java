package io.qualityhub.core.store;

import io.qualityhub.core.format.RecordType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One business record of a customer as the quality department sees it: what it is, where, when,
 * how it stands, and the customer's name in clear (absent when not given or erased).
 *
 * @param date the day the record happened (sold, application received, claim reported,
 *     complaint received), in the branch's own offset
 * @param status claim or complaint status, underwriting decision, {@code sold} for a sale
 */
public record CustomerRecord(
    RecordType type, String branch, String recordId, LocalDate businessDate, LocalDate date, String status,
    String customerName) {

  public CustomerRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(recordId, "recordId");
  }

  /** Everything but the name, so that logging or printing a record never shows it in clear. */
  @Override
  public String toString() {
    return "CustomerRecord[type=" + type + ", branch=" + branch + ", recordId=" + recordId + ", businessDate="
        + businessDate + ", date=" + date + ", status=" + status + ", customerName=" + (customerName == null ? "absent"
        : "(masked)") + "]";
  }
}
