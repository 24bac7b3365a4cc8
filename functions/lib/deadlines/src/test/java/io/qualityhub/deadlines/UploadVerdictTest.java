package io.qualityhub.deadlines;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status an expected branch file shows: taken by its cutoff (the cutoff itself included), after it, or not yet. */
class UploadVerdictTest {

    private static final UploadSlot SLOT = new UploadSlot("TPE-01", "claims", LocalDate.parse("2026-11-20"));
    private static final Instant CUTOFF = Instant.parse("2026-11-21T04:00:00Z");

    private static UploadVerdict arrived(String at) {
        return new UploadVerdict(SLOT, CUTOFF, Optional.of(Instant.parse(at)), Optional.empty());
    }

    @Test
    void aFileTakenByItsCutoffIsOnTimeAndOneTakenASecondLaterIsLate() {
        assertTrue(arrived("2026-11-21T03:59:59Z").onTime());
        assertEquals("on_time", arrived("2026-11-21T03:59:59Z").status());
        assertTrue(arrived("2026-11-21T04:00:00Z").onTime());
        assertEquals("on_time", arrived("2026-11-21T04:00:00Z").status());
        assertFalse(arrived("2026-11-21T04:00:01Z").onTime());
        assertEquals("late", arrived("2026-11-21T04:00:01Z").status());
    }

    @Test
    void aFileNotTakenIsMissingAndNotOnTime() {
        UploadVerdict missing = new UploadVerdict(SLOT, CUTOFF, Optional.empty(), Optional.empty());

        assertFalse(missing.onTime());
        assertEquals("missing", missing.status());
    }
}
