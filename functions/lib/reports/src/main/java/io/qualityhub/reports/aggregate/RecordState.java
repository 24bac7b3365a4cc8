package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one record as one day's file gives it. A record may be carried by many files (a claim once per state
 * change, a sale restated in a later file as a correction); the state that counts is the latest: the highest
 * {@code version} ({@code updated_at} of claims and complaints), then the latest file. A re-upload of a file replaces
 * that file's state; a file that no longer carries the record withdraws its state, and the latest of the others
 * counts again.
 *
 * @param fileDate     the business date of the file that carried this state
 * @param version      the state's {@code updated_at} in epoch milliseconds for types kept by latest state; null for
 *                     types where each row is a record (the later file wins)
 * @param contribution what this state adds to the figures when it is the one that counts
 */
public record RecordState(LocalDate fileDate, Long version, RecordContribution contribution) {

    /** Latest version first among versioned states, then the latest file. */
    public static final Comparator<RecordState> LATEST_LAST = Comparator
            .comparing(RecordState::version, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RecordState::fileDate);

    public RecordState {
        Objects.requireNonNull(fileDate, "fileDate");
        Objects.requireNonNull(contribution, "contribution");
    }

    /** The state that counts among those the files give of one record; empty when no file carries it. */
    public static Optional<RecordState> counted(Collection<RecordState> states) {
        return states.stream().max(LATEST_LAST);
    }
}
