package io.qualityhub.reports.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Checking a chain of access records and taking its daily digest. */
public final class AuditChain {

    private AuditChain() {
    }

    /**
     * Recomputes every record's hash and link in order and reports the first that fails. A record
     * whose content was changed is reported as CONTENT_ALTERED; a record whose previous hash does
     * not match the record before it (one removed, inserted or reordered) as LINK_BROKEN.
     */
    public static ChainVerification verify(List<AccessRecord> records) {
        String expectedPrevious = AccessRecord.GENESIS_HASH;
        for (int i = 0; i < records.size(); i++) {
            AccessRecord record = records.get(i);
            String recomputed = record.computeHash();
            if (!recomputed.equals(record.hash())) {
                return broken(i, ChainVerification.BrokenLink.Problem.CONTENT_ALTERED, recomputed, record.hash());
            }
            if (!record.previousHash().equals(expectedPrevious)) {
                return broken(i, ChainVerification.BrokenLink.Problem.LINK_BROKEN, expectedPrevious,
                        record.previousHash());
            }
            expectedPrevious = record.hash();
        }
        return new ChainVerification(records.size(), Optional.empty());
    }

    /**
     * The digest of the chain at the end of {@code day} in {@code zone}: its head is the last
     * record stamped before the next day began. Records must be in chain order.
     *
     * @param previous the latest digest stored before this day's, which this one links to; null for the first
     */
    public static AuditDigest dailyDigest(List<AccessRecord> records, LocalDate day, ZoneId zone, AuditDigest previous) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        String head = AccessRecord.GENESIS_HASH;
        long count = 0;
        for (AccessRecord record : records) {
            if (!record.time().isBefore(endOfDay)) {
                break;
            }
            head = record.hash();
            count++;
        }
        return new AuditDigest(day, count, head, previous == null ? AccessRecord.GENESIS_HASH : previous.seal());
    }

    /**
     * Checks the records against the locked daily digests, oldest first: every digest must link to
     * the one before it, the records must still number at least what each digest counted, and the
     * record at each digest's count must still hash to the head it locked. So records removed
     * (anywhere, the last included), rewritten and re-sealed, or the whole table emptied, are found
     * even when the remaining chain holds together. A digest taken during its day keeps holding
     * while later records are appended.
     *
     * @return a sentence naming the first mismatch, empty when the records match every digest
     */
    public static Optional<String> checkAgainstDigests(List<AccessRecord> records, List<AuditDigest> digests) {
        AuditDigest previous = null;
        for (AuditDigest digest : digests) {
            if (digest.previousSeal() != null) {
                String expected = previous == null ? AccessRecord.GENESIS_HASH : previous.seal();
                if (!digest.previousSeal().equals(expected)) {
                    String before = previous == null ? "it is the first, which links to the genesis hash"
                            : "the digest before it, of " + previous.day() + ", has seal";
                    return Optional.of("the digest of " + digest.day() + " links to seal " + digest.previousSeal()
                            + " but " + before + " " + expected + ": a daily digest is missing or was put in");
                }
            }
            if (digest.recordCount() > records.size()) {
                return Optional.of("the digest of " + digest.day() + " locked " + digest.recordCount()
                        + " records but the trail holds " + records.size()
                        + (records.isEmpty() ? ": the trail was emptied" : ": records were removed"));
            }
            if (digest.recordCount() > 0) {
                int index = (int) digest.recordCount() - 1;
                String actual = records.get(index).hash();
                if (!actual.equals(digest.headHash())) {
                    return Optional.of("record " + index + " hashes to " + actual + " but the digest of " + digest.day()
                            + " locked head " + digest.headHash() + ": records up to it were removed or rewritten");
                }
            }
            previous = digest;
        }
        return Optional.empty();
    }

    private static ChainVerification broken(int index, ChainVerification.BrokenLink.Problem problem, String expected,
                                            String actual) {
        return new ChainVerification(index,
                Optional.of(new ChainVerification.BrokenLink(index, problem, expected, actual)));
    }
}
