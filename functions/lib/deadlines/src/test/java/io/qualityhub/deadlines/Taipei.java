package io.qualityhub.deadlines;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test times written as Asia/Taipei wall-clock times, the default company zone. */
final class Taipei {

    static final ZoneId ZONE = ZoneId.of("Asia/Taipei");

    private Taipei() {
    }

    /** {@code "2026-11-02T10:00"} or with seconds, read in Asia/Taipei. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
