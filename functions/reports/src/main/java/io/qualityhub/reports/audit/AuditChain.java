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
     */
    public static AuditDigest dailyDigest(List<AccessRecord> records, LocalDate day, ZoneId zone) {
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
        return new AuditDigest(day, count, head);
    }

    private static ChainVerification broken(int index, ChainVerification.BrokenLink.Problem problem, String expected,
                                            String actual) {
        return new ChainVerification(index,
                Optional.of(new ChainVerification.BrokenLink(index, problem, expected, actual)));
    }
}
