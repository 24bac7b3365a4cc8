package io.qualityhub.reports.function;

import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.AuditChain;
import io.qualityhub.reports.audit.ChainVerification;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the stored audit chain and names the first broken link by its position and item key,
 * as {@code ./qualityhub audit verify} reports it. Also checks that the chain ends at the head, so a
 * removed last record is found too.
 */
public final class AuditVerifier {

  /** @param firstBroken a sentence naming the first broken link, empty when the chain holds */
  public record Result(int recordsChecked, Optional<String> firstBroken) {
    public boolean intact() {
      return firstBroken.isEmpty();
    }
  }

  private final AuditTrail trail;

  public AuditVerifier(AuditTrail trail) {
    this.trail = trail;
  }

  public Result verify() {
    List<AccessRecord> records = trail.records();
    ChainVerification chain = AuditChain.verify(records);
    if (chain.firstBroken().isPresent()) {
      ChainVerification.BrokenLink link = chain.firstBroken().get();
      return new Result(chain.recordsChecked(), Optional.of(
          "item AUDIT/" + AuditTrail.recordSk(link.index()) + ": " + link.describe()));
    }
    String last = records.isEmpty() ? AccessRecord.GENESIS_HASH : records.get(records.size() - 1).hash();
    Optional<String> head = trail.headHash();
    if (head.isPresent() && !head.get().equals(last)) {
      return new Result(records.size(), Optional.of("item AUDIT/HEAD: the chain head is " + head.get()
          + " but the last record, AUDIT/" + AuditTrail.recordSk(records.size() - 1L) + ", hashes to " + last
          + " (records after it were removed)"));
    }
    return new Result(records.size(), Optional.empty());
  }
}
