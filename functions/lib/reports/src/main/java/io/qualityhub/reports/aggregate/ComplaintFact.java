package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.ComplaintSeverity;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A complaint's state as of the latest row for it in one uploaded file.
 *
 * <p>It counts as received on the local date of {@code receivedAt}, and as completed (with its two
 * deadline verdicts) on the local date of {@code resolvedAt}, once, from its latest state whichever
 * file carried it ({@link RecordContribution}).
 *
 * @param firstResponseOnTime the monitor's verdict, required once resolved
 * @param resolvedOnTime      the monitor's verdict, required once resolved
 */
public record ComplaintFact(ComplaintSeverity severity, OffsetDateTime receivedAt, OffsetDateTime resolvedAt,
                            Boolean firstResponseOnTime, Boolean resolvedOnTime) implements Fact {

    public ComplaintFact {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
