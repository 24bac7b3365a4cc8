package io.qualityhub.deadlines;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelScheduleInvariantsTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private static final Instant YEAR_START = Taipei.at("2026-01-01T00:00");
    private static final int MAX_AMOUNT = 60;
    private static final long MAX_START_OFFSET = 365L * 86400;
    private static final long MAX_PROBE = 250L * 86400;
    private static final int CASES = 1000;
    private final AlertLevels levels = new AlertLevels(POLICY);

    private static OpenDeadline deadline(int amount, LimitUnit unit, long startOffsetSeconds) {
        Instant start = YEAR_START.plusSeconds(startOffsetSeconds);
        DeadlineLimit limit = DeadlineLimit.of(amount, unit);
        Instant due = POLICY.counterFor("TPE-01").dueAt(start, limit);
        return new OpenDeadline(ItemType.CLAIM, "CLM-P", "TPE-01", DeadlineClockName.DECISION, start, due, limit,
                "health, simple", "H-1", false);
    }

    private static int rank(Optional<AlertLevel> level) {
        return level.map(Enum::ordinal).orElse(-1);
    }

    /** Every unit at the bounds of amount and start, then seeded random cases so a failure reproduces. */
    static Stream<Arguments> deadlines() {
        List<Arguments> cases = new ArrayList<>();
        for (int amount : new int[] {1, MAX_AMOUNT}) {
            for (LimitUnit unit : LimitUnit.values()) {
                for (long start : new long[] {0, MAX_START_OFFSET}) {
                    cases.add(Arguments.of(amount, unit, start));
                }
            }
        }
        Random random = new Random(20261101L);
        while (cases.size() < CASES) {
            cases.add(Arguments.of(randomAmount(random), randomUnit(random), randomStartOffset(random)));
        }
        return cases.stream();
    }

    /**
     * Bounds of every range, probes at or one second before a level's start (where an off-by-one would show), and
     * seeded random cases.
     */
    static Stream<Arguments> deadlinesAndProbes() {
        List<Arguments> cases = new ArrayList<>();
        for (int amount : new int[] {1, MAX_AMOUNT}) {
            for (LimitUnit unit : LimitUnit.values()) {
                for (long start : new long[] {0, MAX_START_OFFSET}) {
                    for (long probe : new long[] {0, MAX_PROBE}) {
                        cases.add(Arguments.of(amount, unit, start, probe));
                    }
                }
            }
        }
        Random random = new Random(20261102L);
        AlertLevels alertLevels = new AlertLevels(POLICY);
        while (cases.size() < CASES) {
            int amount = randomAmount(random);
            LimitUnit unit = randomUnit(random);
            long start = randomStartOffset(random);
            long probe = random.nextInt(4) == 0
                    ? levelBoundary(random, alertLevels, deadline(amount, unit, start))
                    : random.nextLong(MAX_PROBE + 1);
            cases.add(Arguments.of(amount, unit, start, probe));
        }
        return cases.stream();
    }

    private static int randomAmount(Random random) {
        return 1 + random.nextInt(MAX_AMOUNT);
    }

    private static LimitUnit randomUnit(Random random) {
        return LimitUnit.values()[random.nextInt(LimitUnit.values().length)];
    }

    /** Whole hours a quarter of the time: deadlines starting on the hour meet day and hour edges head on. */
    private static long randomStartOffset(Random random) {
        long seconds = random.nextLong(MAX_START_OFFSET + 1);
        return random.nextInt(4) == 0 ? seconds - seconds % 3600 : seconds;
    }

    /** Seconds from the start to a random level's start, or to one second before it, kept within the probe range. */
    private static long levelBoundary(Random random, AlertLevels alertLevels, OpenDeadline deadline) {
        AlertLevel level = AlertLevel.values()[random.nextInt(AlertLevel.values().length)];
        long seconds = deadline.startedAt().until(alertLevels.schedule(deadline).startOf(level), ChronoUnit.SECONDS)
                - random.nextInt(2);
        return Math.clamp(seconds, 0, MAX_PROBE);
    }

    @ParameterizedTest(name = "{index}: {0} {1} starting {2} s into 2026")
    @MethodSource("deadlines")
    void theLastSecondBeforeTheDueInstantIsDueAndTheDueInstantIsOverdue(
            int amount, LimitUnit unit, long startOffsetSeconds) {
        OpenDeadline deadline = deadline(amount, unit, startOffsetSeconds);
        LevelSchedule schedule = levels.schedule(deadline);

        assertEquals(Optional.of(AlertLevel.DUE), schedule.levelAt(deadline.dueAt().minusSeconds(1)));
        assertEquals(Optional.of(AlertLevel.OVERDUE), schedule.levelAt(deadline.dueAt()));
        assertTrue(!schedule.due().isBefore(deadline.startedAt()), "a 1-hour limit is due from its start");
        assertTrue(schedule.approaching().isBefore(schedule.overdue()));
        assertTrue(schedule.overdue().isBefore(schedule.severelyOverdue()));
    }

    @ParameterizedTest(name = "{index}: {0} {1} starting {2} s into 2026, probed {3} s after the start")
    @MethodSource("deadlinesAndProbes")
    void theNextLevelInstantAlwaysBringsAMoreUrgentLevel(
            int amount, LimitUnit unit, long startOffsetSeconds, long probeSeconds) {
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
