package io.qualityhub.deadlines;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelScheduleInvariantsTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private static final Instant YEAR_START = Taipei.at("2026-01-01T00:00");
    private final AlertLevels levels = new AlertLevels(POLICY);

    private static OpenDeadline deadline(int amount, LimitUnit unit, long startOffsetSeconds) {
        Instant start = YEAR_START.plusSeconds(startOffsetSeconds);
        DeadlineLimit limit = DeadlineLimit.of(amount, unit);
        Instant due = POLICY.counterFor("TPE-01").dueAt(start, limit);
        return new OpenDeadline(ItemType.CLAIM, "CLM-P", "TPE-01", DeadlineClockName.SETTLEMENT, start, due, limit,
                "health, simple", "H-1", false);
    }

    private static int rank(Optional<AlertLevel> level) {
        return level.map(Enum::ordinal).orElse(-1);
    }

    @Property
    void theLastSecondBeforeTheDueInstantIsDueAndTheDueInstantIsOverdue(
            @ForAll @IntRange(min = 1, max = 60) int amount, @ForAll LimitUnit unit,
            @ForAll @LongRange(min = 0, max = 365L * 86400) long startOffsetSeconds) {
        OpenDeadline deadline = deadline(amount, unit, startOffsetSeconds);
        LevelSchedule schedule = levels.schedule(deadline);

        assertEquals(Optional.of(AlertLevel.DUE), schedule.levelAt(deadline.dueAt().minusSeconds(1)));
        assertEquals(Optional.of(AlertLevel.OVERDUE), schedule.levelAt(deadline.dueAt()));
        assertTrue(!schedule.due().isBefore(deadline.startedAt()), "a 1-hour limit is due from its start");
        assertTrue(schedule.approaching().isBefore(schedule.overdue()));
        assertTrue(schedule.overdue().isBefore(schedule.severelyOverdue()));
    }

    @Property
    void theNextLevelInstantAlwaysBringsAMoreUrgentLevel(
            @ForAll @IntRange(min = 1, max = 60) int amount, @ForAll LimitUnit unit,
            @ForAll @LongRange(min = 0, max = 365L * 86400) long startOffsetSeconds,
            @ForAll @LongRange(min = 0, max = 250L * 86400) long probeSeconds) {
        OpenDeadline deadline = deadline(amount, unit, startOffsetSeconds);
        Instant now = deadline.startedAt().plusSeconds(probeSeconds);
        LevelSchedule schedule = levels.schedule(deadline);

        Optional<Instant> next = levels.nextLevelStartsAt(deadline, now);

        if (next.isEmpty()) {
            assertEquals(Optional.of(AlertLevel.SEVERELY_OVERDUE), schedule.levelAt(now));
        } else {
            assertTrue(next.get().isAfter(now));
            assertTrue(rank(schedule.levelAt(next.get())) > rank(schedule.levelAt(now)));
            assertEquals(schedule.levelAt(now), schedule.levelAt(next.get().minusSeconds(1)),
                    "nothing changes before the instant written to the index");
        }
    }
}
