package io.qualityhub.deadlines;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected branch file whose cutoff has passed, as the daily monitor run finds it.
 *
 * @param slot      branch, type and business date
 * @param cutoff    when it was due
 * @param arrivedAt when intake first took it; empty while it is missing
 * @param alert     the alert it raises now: present while it is missing
 */
public record UploadVerdict(UploadSlot slot, Instant cutoff, Optional<Instant> arrivedAt, Optional<Alert> alert) {

    public UploadVerdict {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(alert, "alert");
    }

    public boolean onTime() {
        return arrivedAt.isPresent() && !arrivedAt.get().isAfter(cutoff);
    }

    /** {@code on_time}, {@code late} (taken after its cutoff) or {@code missing}. */
    public String status() {
        return arrivedAt.isEmpty() ? "missing" : onTime() ? "on_time" : "late";
    }
}
