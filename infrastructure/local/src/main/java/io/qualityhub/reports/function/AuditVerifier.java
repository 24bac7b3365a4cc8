package io.qualityhub.reports.function;

import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.AuditChain;
import io.qualityhub.reports.audit.AuditDigest;
import io.qualityhub.reports.audit.ChainVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the stored audit chain and names the first broken link by its position and item key,
 * as {@code ./qualityhub audit verify} reports it; checks that the chain ends at the head; then
 * checks the records against every Object-Locked daily digest, so records removed, rewritten and
 * re-sealed, or the table emptied (head included) are found although what remains hangs together.
 */
public final class AuditVerifier {

  /**
   * @param digestsChecked how many daily digests the records were compared with
   * @param firstBroken    a sentence naming the first broken link or mismatch, empty when the trail holds
   */
  public record Result(int recordsChecked, int digestsChecked, Optional<String> firstBroken) {
    public boolean intact() {
      return firstBroken.isEmpty();
    }
  }

  private final AuditTrail trail;
  private final DigestArchive digests;

  public AuditVerifier(AuditTrail trail, DigestArchive digests) {
    this.trail = trail;
    this.digests = digests;
  }

  public Result verify() {
    List<AccessRecord> records = trail.records();
    List<DigestArchive.Stored> stored = digests.all();
    ChainVerification chain = AuditChain.verify(records);
    if (chain.firstBroken().isPresent()) {
      ChainVerification.BrokenLink link = chain.firstBroken().get();
      return new Result(chain.recordsChecked(), 0, Optional.of(
          "item AUDIT/" + AuditTrail.recordSk(link.index()) + ": " + link.describe()));
    }
    String last = records.isEmpty() ? AccessRecord.GENESIS_HASH : records.get(records.size() - 1).hash();
    Optional<String> head = trail.headHash();
    if (head.isPresent() && !head.get().equals(last)) {
      return new Result(records.size(), 0, Optional.of("item AUDIT/HEAD: the chain head is " + head.get()
          + " but the last record, AUDIT/" + AuditTrail.recordSk(records.size() - 1L) + ", hashes to " + last
          + " (records after it were removed)"));
    }
    List<AuditDigest> readable = new ArrayList<>();
    for (DigestArchive.Stored digest : stored) {
      if (digest.unreadable().isPresent()) {
        return new Result(records.size(), readable.size(), Optional.of(digest.key() + " does not read as a digest: "
            + digest.unreadable().get()));
      }
      readable.add(digest.digest().orElseThrow());
    }
    Optional<String> mismatch = AuditChain.checkAgainstDigests(records, readable);
    return new Result(records.size(), readable.size(), mismatch.map(sentence -> "daily digests: " + sentence));
  }
}
