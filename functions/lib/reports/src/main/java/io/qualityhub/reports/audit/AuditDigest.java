package io.qualityhub.reports.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The chain head at the end of a day, written daily under Object Lock: anyone holding the digest
 * can later prove that no record up to that head was changed, because the head hash commits to all
 * of them, and that none was removed, because the count says how many there were.
 *
 * <p>Each digest names the seal of the digest before it, so the digests form a chain of their own:
 * a digest cannot be dropped from the sequence or put in unnoticed.
 *
 * @param recordCount    how many records the chain holds up to and including the head
 * @param headHash       the hash of the last record of the day, or of the latest before it when the
 *                       day had none; the genesis hash for an empty chain
 * @param previousSeal   the {@link #seal()} of the digest before this one; the genesis hash for the
 *                       first; null for a digest written in the v1 form, which carried no link
 */
public record AuditDigest(LocalDate day, long recordCount, String headHash, String previousSeal) {

    private static final String FORMAT_V1 = "qualityhub-audit-digest/v1";
    private static final String FORMAT = "qualityhub-audit-digest/v2";

    public AuditDigest {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(headHash, "headHash");
    }

    /**
     * One line to store: format, day, record count, head hash, the previous digest's seal, and this
     * digest's seal (the SHA-256 of the fields before it).
     */
    public String line() {
        return body() + " " + seal();
    }

    /** The SHA-256 of the digest's fields: what the next day's digest links to. */
    public String seal() {
        return AccessRecord.sha256Hex(body().getBytes(StandardCharsets.UTF_8));
    }

    private String body() {
        return previousSeal == null
                ? FORMAT_V1 + " " + day + " " + recordCount + " " + headHash
                : FORMAT + " " + day + " " + recordCount + " " + headHash + " " + previousSeal;
    }

    /**
     * Reads a stored line (v1 or v2) back, checking its seal.
     *
     * @throws MalformedDigestException when the line is not a digest or its seal does not match its
     *                                  fields (the stored digest was altered)
     */
    public static AuditDigest parse(String line) {
        String[] fields = line.strip().split(" ");
        try {
            AuditDigest digest;
            if (fields.length == 5 && fields[0].equals(FORMAT_V1)) {
                digest = new AuditDigest(LocalDate.parse(fields[1]), Long.parseLong(fields[2]), fields[3], null);
            } else if (fields.length == 6 && fields[0].equals(FORMAT)) {
                digest = new AuditDigest(LocalDate.parse(fields[1]), Long.parseLong(fields[2]), fields[3], fields[4]);
            } else {
                throw new MalformedDigestException("it is not a " + FORMAT + " or " + FORMAT_V1 + " line");
            }
            String storedSeal = fields[fields.length - 1];
            if (!digest.seal().equals(storedSeal)) {
                throw new MalformedDigestException("its fields hash to " + digest.seal() + " but it carries seal "
                        + storedSeal + " (the digest was altered)");
            }
            return digest;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MalformedDigestException("its day or record count does not parse", e);
        }
    }

    /** A stored digest that does not read back as one. */
    public static final class MalformedDigestException extends RuntimeException {
        MalformedDigestException(String reason) {
            super(reason);
        }

        MalformedDigestException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
