package io.qualityhub.deadlines;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When each level of one deadline begins. A level lasts until the next one begins; a level whose start is not before
 * the next level's start never happens (a one-day limit is due as soon as it is approaching, so it skips approaching).
 *
 * @param approaching      the warning share of the limit's counted time is used
 * @param due              the last counted day begins (for hour limits, the last hour)
 * @param overdue          the limit runs out: the due instant
 * @param severelyOverdue  the severe multiple of the limit's counted time is used
 */
public record LevelSchedule(Instant approaching, Instant due, Instant overdue, Instant severelyOverdue) {

    public LevelSchedule {
        Objects.requireNonNull(approaching, "approaching");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(overdue, "overdue");
        Objects.requireNonNull(severelyOverdue, "severelyOverdue");
    }

    public Instant startOf(AlertLevel level) {
        return switch (level) {
            case APPROACHING -> approaching;
            case DUE -> due;
            case OVERDUE -> overdue;
            case SEVERELY_OVERDUE -> severelyOverdue;
        };
    }

    /** The most urgent level begun at {@code now}, if any. */
    public Optional<AlertLevel> levelAt(Instant now) {
        AlertLevel[] levels = AlertLevel.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            if (!now.isBefore(startOf(levels[i]))) {
                return Optional.of(levels[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * When the next more urgent level begins after {@code now}: the time to write into the open-deadline index. Empty
     * once severely overdue, when nothing further can happen to this deadline.
     */
    public Optional<Instant> nextLevelStartsAfter(Instant now) {
        int current = levelAt(now).map(Enum::ordinal).orElse(-1);
        Instant next = null;
        for (AlertLevel level : AlertLevel.values()) {
            if (level.ordinal() > current && (next == null || startOf(level).isBefore(next))) {
                next = startOf(level);
            }
        }
        return Optional.ofNullable(next);
    }
}
