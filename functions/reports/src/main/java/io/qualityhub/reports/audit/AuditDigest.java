package io.qualityhub.reports.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The chain head at the end of a day, written daily under Object Lock: anyone holding the digest
 * can later prove that no record up to that head was changed, because the head hash commits to all
 * of them.
 *
 * @param recordCount how many records the chain holds up to and including the head
 * @param headHash    the hash of the last record of the day, or of the latest before it when the
 *                    day had none; the genesis hash for an empty chain
 */
public record AuditDigest(LocalDate day, long recordCount, String headHash) {

    private static final String FORMAT = "qualityhub-audit-digest/v1";

    public AuditDigest {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(headHash, "headHash");
    }

    /** One line to store: format, day, record count, head hash, and the SHA-256 of those. */
    public String line() {
        String body = FORMAT + " " + day + " " + recordCount + " " + headHash;
        return body + " " + AccessRecord.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    }
}
