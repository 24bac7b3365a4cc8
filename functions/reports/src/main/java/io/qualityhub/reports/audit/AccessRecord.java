package io.qualityhub.reports.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One report access decision, chained to the record before it: {@code hash} is the SHA-256 of
 * this record's canonical form, which includes {@code previousHash}. Changing, removing or
 * reordering any record breaks the chain at that point.
 *
 * @param who        the caller's principal id (e.g. the token subject), never a customer
 * @param role       the group that granted access, or the caller's groups for a denial
 * @param reportKey  the report's object key
 * @param time       when the decision was made, to the millisecond as it is stored
 * @param sourceIp   the caller's address as the API saw it
 * @param userAgent  the caller's user agent, as sent
 */
public record AccessRecord(String who, String role, String reportKey, Decision decision, Instant time,
                           String sourceIp, String userAgent, String previousHash, String hash) {

    public enum Decision {
        ALLOW, DENY;

        public String wire() {
            return this == ALLOW ? "allow" : "deny";
        }
    }

    /** The previous hash of the first record in a chain. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final String FORMAT = "qualityhub-access-record/v1";

    public AccessRecord {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reportKey, "reportKey");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** A new record chained after the record whose hash is {@code previousHash}. */
    public static AccessRecord next(String previousHash, String who, String role, String reportKey, Decision decision,
                                    Instant time, String sourceIp, String userAgent) {
        AccessRecord unsealed = new AccessRecord(who, role, reportKey, decision, time, sourceIp, userAgent,
                previousHash, "");
        return unsealed.withHash(unsealed.computeHash());
    }

    /** A record chained after {@code previous}, or the first of a chain when it is null. */
    public static AccessRecord after(AccessRecord previous, String who, String role, String reportKey,
                                     Decision decision, Instant time, String sourceIp, String userAgent) {
        return next(previous == null ? GENESIS_HASH : previous.hash(), who, role, reportKey, decision, time, sourceIp,
                userAgent);
    }

    /**
     * The bytes that are hashed: a format tag, then every field but {@code hash} in a fixed order,
     * each as {@code name:length:value} and a line feed, length in UTF-8 bytes. Length prefixes
     * make the form unambiguous whatever a field contains (a user agent may hold colons or line
     * feeds); the time is ISO-8601 UTC in milliseconds.
     */
    public byte[] canonicalForm() {
        StringBuilder form = new StringBuilder(FORMAT).append('\n');
        field(form, "who", who);
        field(form, "role", role);
        field(form, "reportKey", reportKey);
        field(form, "decision", decision.wire());
        field(form, "time", Instant.ofEpochMilli(time.toEpochMilli()).toString());
        field(form, "sourceIp", sourceIp);
        field(form, "userAgent", userAgent);
        field(form, "previousHash", previousHash);
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of {@link #canonicalForm()}, lower-case hex. */
    public String computeHash() {
        return sha256Hex(canonicalForm());
    }

    public AccessRecord withHash(String newHash) {
        return new AccessRecord(who, role, reportKey, decision, time, sourceIp, userAgent, previousHash, newHash);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static void field(StringBuilder form, String name, String value) {
        form.append(name).append(':').append(value.getBytes(StandardCharsets.UTF_8).length).append(':')
                .append(value).append('\n');
    }
}
