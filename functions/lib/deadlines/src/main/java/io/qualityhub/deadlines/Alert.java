package io.qualityhub.deadlines;

import java.util.Objects;

/**
 * A deadline at an alert level at the time of a run.
 *
 * @param deadline the clock that raised it
 * @param level    how urgent
 * @param used     counted units (in the limit's unit) begun since the clock started: on the due day of a 10-day
 *                 limit this is 10
 * @param late     counted units begun after the due instant: {@code max(0, used - limit)}
 */
public record Alert(OpenDeadline deadline, AlertLevel level, long used, long late) {

    public Alert {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(level, "level");
    }
}
