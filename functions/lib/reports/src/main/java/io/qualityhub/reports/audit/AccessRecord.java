package io.qualityhub.reports.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One look at protected data, chained to the record before it: a report access decision, or a
 * customer lookup, erasure or re-key. {@code hash} is the SHA-256 of this record's canonical form,
 * which includes {@code previousHash}. Changing, removing or reordering any record breaks the chain
 * at that point.
 *
 * @param who        the caller's principal id (e.g. the token subject or an IAM ARN), never a customer
 * @param role       the group or role that granted access, or the caller's groups for a denial
 * @param reportKey  what was looked at: the report's object key, or for the other actions a description
 *                   of the records touched (kinds of identifier, keys), never a value searched for
 * @param time       when the decision was made, to the millisecond as it is stored
 * @param sourceIp   the caller's address as the API saw it
 * @param userAgent  the caller's user agent, as sent
 * @param action     {@link #REPORT_ACCESS}, {@link #LOOKUP}, {@link #ERASE}, {@link #REKEY}, {@link #RESEAL}, {@link #CONFIG} or {@link #ADHOC_INSPECTION}
 * @param records    how many records the action returned or changed; null for a report access
 */
public record AccessRecord(String who, String role, String reportKey, Decision decision, Instant time,
                           String sourceIp, String userAgent, String previousHash, String hash, String action,
                           Long records) {

    public static final String REPORT_ACCESS = "report-access";
    public static final String LOOKUP = "lookup";
    public static final String ERASE = "erase";
    public static final String REKEY = "rekey";
    /** The one-off re-seal pass over items stored before seals ({@code qualityhub reseal}). */
    public static final String RESEAL = "reseal";
    /** A change to the configuration store ({@code qualityhub config put}). */
    public static final String CONFIG = "config";
    /** An ad-hoc inspection order ({@code qualityhub sample adhoc}): order, branch, type, reason, tasks. */
    public static final String ADHOC_INSPECTION = "adhoc-inspection";

    public enum Decision {
        ALLOW, DENY;

        public String wire() {
            return this == ALLOW ? "allow" : "deny";
        }
    }

    /** The previous hash of the first record in a chain. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final String FORMAT = "qualityhub-access-record/v1";
    /** Records of other actions than report access: v1's fields plus action and records. */
    private static final String FORMAT_V2 = "qualityhub-access-record/v2";

    /** A report access record, as every record was before the trail took other actions. */
    public AccessRecord(String who, String role, String reportKey, Decision decision, Instant time,
                        String sourceIp, String userAgent, String previousHash, String hash) {
        this(who, role, reportKey, decision, time, sourceIp, userAgent, previousHash, hash, REPORT_ACCESS, null);
    }

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
        Objects.requireNonNull(action, "action");
    }

    /** A new record chained after the record whose hash is {@code previousHash}. */
    public static AccessRecord next(String previousHash, String who, String role, String reportKey, Decision decision,
                                    Instant time, String sourceIp, String userAgent) {
        AccessRecord unsealed = new AccessRecord(who, role, reportKey, decision, time, sourceIp, userAgent,
                previousHash, "");
        return unsealed.withHash(unsealed.computeHash());
    }

    /** A record of any action chained after the record whose hash is {@code previousHash}. */
    public static AccessRecord next(String previousHash, String action, String who, String role, String subject,
                                    Long records, Decision decision, Instant time, String sourceIp, String userAgent) {
        AccessRecord unsealed = new AccessRecord(who, role, subject, decision, time, sourceIp, userAgent,
                previousHash, "", action, records);
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
     * feeds); the time is ISO-8601 UTC in milliseconds. A report access record keeps the v1 form, so
     * records stored before other actions joined the trail still verify; any other record is v2,
     * which adds {@code action} and {@code records} (empty when there is no count) after the role.
     */
    public byte[] canonicalForm() {
        boolean v1 = REPORT_ACCESS.equals(action) && records == null;
        StringBuilder form = new StringBuilder(v1 ? FORMAT : FORMAT_V2).append('\n');
        field(form, "who", who);
        field(form, "role", role);
        if (!v1) {
            field(form, "action", action);
            field(form, "records", records == null ? "" : records.toString());
        }
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
        return new AccessRecord(who, role, reportKey, decision, time, sourceIp, userAgent, previousHash, newHash, action,
                records);
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
