package io.qualityhub.sampling.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SHA-256 over a canonical text of the sorted population and the prior-incident staff ids. Every string is written
 * as its length in chars, a colon and the string ({@code -} for an absent product line), so no two populations
 * share an encoding.
 */
final class PopulationFingerprint {

    private static final int FLUSH_AT = 1 << 16;

    private PopulationFingerprint() {
    }

    /** @param sortedUnits the population in {@link RecordKey} order */
    static String of(List<SamplingUnit> sortedUnits, PriorIncidents incidents) {
        MessageDigest sha256 = sha256();
        StringBuilder text = new StringBuilder(FLUSH_AT + 1024);
        text.append("units:").append(sortedUnits.size()).append(';');
        for (SamplingUnit unit : sortedUnits) {
            write(text, unit.recordType());
            write(text, unit.branch());
            write(text, unit.recordId());
            if (unit.productLine() == null) {
                text.append('-');
            } else {
                write(text, unit.productLine());
            }
            Map<String, String> attributes = new TreeMap<>(unit.attributes());
            text.append(attributes.size()).append(';');
            attributes.forEach((name, value) -> {
                write(text, name);
                write(text, value);
            });
            if (text.length() >= FLUSH_AT) {
                flush(text, sha256);
            }
        }
        TreeSet<String> staff = new TreeSet<>(incidents.staffIds());
        text.append("staff:").append(staff.size()).append(';');
        staff.forEach(staffId -> write(text, staffId));
        if (!incidents.repeatViolators().isEmpty()) {
            // Only when there are any, so populations drawn before repeat violators counted fingerprint as before.
            TreeSet<String> repeat = new TreeSet<>(incidents.repeatViolators());
            text.append("repeat:").append(repeat.size()).append(';');
            repeat.forEach(staffId -> write(text, staffId));
        }
        flush(text, sha256);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void write(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }

    private static void flush(StringBuilder text, MessageDigest sha256) {
        sha256.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java platform must provide", e);
        }
    }
}
