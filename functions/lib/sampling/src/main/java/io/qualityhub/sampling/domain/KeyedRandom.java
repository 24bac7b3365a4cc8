package io.qualityhub.sampling.domain;

import io.qualityhub.core.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random number of a record in a period: HMAC-SHA256 under the period secret of {@code type|branch|id},
 * first 53 bits mapped to the open interval (0, 1). Type and branch cannot contain '|', so the input names the
 * record unambiguously. Holds the key only inside the {@link Mac}; never prints it.
 */
final class KeyedRandom {

    static final int MIN_SECRET_BYTES = 32;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final Mac mac;

    KeyedRandom(byte[] periodSecret) {
        if (periodSecret == null || periodSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the period secret must be at least " + MIN_SECRET_BYTES
                    + " random bytes (got " + (periodSecret == null ? "none" : periodSecret.length + " bytes")
                    + "); derive it from the period's key in Secrets Manager or KMS");
        }
        mac = HmacSha256.newMac(new SecretKeySpec(periodSecret, "HmacSHA256"));
    }

    double uniform(RecordKey key) {
        return toUniform(mac.doFinal((key.recordType() + "|" + key.branch() + "|" + key.recordId())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A random number for a decision other than the draw, e.g. {@code ("assign", taskId, inspectorId)}. The purpose
     * ends in '#', which no record type contains, so these never coincide with a record's number.
     */
    double uniform(String purpose, String... parts) {
        return toUniform(mac.doFinal((purpose + "#|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8)));
    }

    private static double toUniform(byte[] digest) {
        long bits = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        bits >>>= 11;
        return (bits + 0.5) * TWO_POW_MINUS_53;
    }
}
