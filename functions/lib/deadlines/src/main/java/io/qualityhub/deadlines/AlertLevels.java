package io.qualityhub.deadlines;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how urgent a deadline is at a given moment, under the policy's warning share and severe multiplier and the
 * branch's calendar. The levels, with S the clock start, L the limit and counted time as in {@code docs/deadlines.md}:
 * <ul>
 *   <li>{@code APPROACHING} from the moment counted time reaches warningShare x L;</li>
 *   <li>{@code DUE} from the start of the last counted day of L (for hour limits, the last hour);</li>
 *   <li>{@code OVERDUE} from the due instant (the end of the last counted day, or S + L hours);</li>
 *   <li>{@code SEVERELY_OVERDUE} from the moment counted time reaches severeMultiplier x L.</li>
 * </ul>
 */
public final class AlertLevels {

    private final DeadlinePolicy policy;

    public AlertLevels(DeadlinePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public LevelSchedule schedule(OpenDeadline deadline) {
        DeadlineCounter counter = policy.counterFor(deadline.branch());
        Instant start = deadline.startedAt();
        DeadlineLimit limit = deadline.limit();
        return new LevelSchedule(
                counter.reachedAt(start, limit, policy.warningShare()),
                counter.lastUnitStartsAt(start, limit),
                deadline.dueAt(),
                counter.reachedAt(start, limit, policy.severeMultiplier()));
    }

    /** The alert this deadline raises at {@code now}, or empty while it is not yet approaching. */
    public Optional<Alert> alertAt(OpenDeadline deadline, Instant now) {
        return alertAt(deadline, schedule(deadline), now);
    }

    /** As {@link #alertAt(OpenDeadline, Instant)}, on the deadline's schedule built before. */
    public Optional<Alert> alertAt(OpenDeadline deadline, LevelSchedule schedule, Instant now) {
        return schedule.levelAt(now).map(level -> {
            long used = policy.counterFor(deadline.branch())
                    .unitsBegun(deadline.startedAt(), deadline.limit().unit(), now);
            return new Alert(deadline, level, used, Math.max(0, used - deadline.limit().amount()));
        });
    }

    /** When this deadline next changes level after {@code now}; empty once severely overdue. */
    public Optional<Instant> nextLevelStartsAt(OpenDeadline deadline, Instant now) {
        return schedule(deadline).nextLevelStartsAfter(now);
    }
}
