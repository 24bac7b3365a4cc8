package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.RecordType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Aggregates of any split of a file's facts add up to the aggregate of all of them. */
class AggregateMergePropertiesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-10");

    private static final int MAX_CLAIMS_TO_SPLIT = 60;
    private static final int MAX_CUT = 60;
    private static final int MAX_FACTS_TO_MERGE = 30;
    private static final int MAX_CLAIMS_TO_STORE = 40;
    private static final int LAST_MINUTE_OF_DAY = 24 * 60 - 1;
    private static final int MAX_HOURS_OPEN = 24 * 400;

    /** Empty and full lists cut at both ends and the middle, then seeded random cases so a failure reproduces. */
    static Stream<Arguments> claimsAndCut() {
        Random random = new Random(20261010L);
        List<Arguments> cases = new ArrayList<>();
        for (int cut : new int[] {0, MAX_CUT}) {
            cases.add(Arguments.of(List.of(), cut));
        }
        List<ClaimFact> full = claims(random, MAX_CLAIMS_TO_SPLIT);
        for (int cut : new int[] {0, 1, MAX_CLAIMS_TO_SPLIT / 2, MAX_CLAIMS_TO_SPLIT - 1, MAX_CUT}) {
            cases.add(Arguments.of(full, cut));
        }
        while (cases.size() < 200) {
            cases.add(Arguments.of(claims(random, random.nextInt(MAX_CLAIMS_TO_SPLIT + 1)),
                    random.nextInt(MAX_CUT + 1)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "case {index}, cut at {1}")
    @MethodSource("claimsAndCut")
    void mergingTheAggregatesOfTwoPartsEqualsTheAggregateOfTheUnion(List<ClaimFact> claims, int cut) {
        int split = Math.min(cut, claims.size());
        BranchTallies first = tallies(AggregateOrigin.of(RecordType.CLAIMS), claims.subList(0, split));
        BranchTallies second = tallies(AggregateOrigin.of(RecordType.CLAIMS), claims.subList(split, claims.size()));
        assertEquals(tallies(AggregateOrigin.of(RecordType.CLAIMS), claims), first.merge(second));
    }

    /**
     * Three tallies of the same branch and type, so their counters and histograms overlap, each with
     * or without a gauge reading from one of three days with a small value, so readings tie on day
     * and on value: all empty, all full, each alone, then seeded random cases.
     */
    static Stream<Arguments> overlappingTallies() {
        Random random = new Random(20261011L);
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of(BranchTallies.empty(), BranchTallies.empty(), BranchTallies.empty()),
                Arguments.of(withGauge(random, MAX_FACTS_TO_MERGE), withGauge(random, MAX_FACTS_TO_MERGE),
                        withGauge(random, MAX_FACTS_TO_MERGE)),
                Arguments.of(withGauge(random, MAX_FACTS_TO_MERGE), BranchTallies.empty(), BranchTallies.empty()),
                Arguments.of(BranchTallies.empty(), withGauge(random, MAX_FACTS_TO_MERGE), BranchTallies.empty()),
                Arguments.of(BranchTallies.empty(), BranchTallies.empty(), withGauge(random, MAX_FACTS_TO_MERGE))));
        while (cases.size() < 200) {
            cases.add(Arguments.of(someTallies(random), someTallies(random), someTallies(random)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("overlappingTallies")
    void mergeIsAssociativeCommutativeAndKeepsTheLatestGaugeReading(BranchTallies x, BranchTallies y, BranchTallies z) {
        assertEquals(x.merge(y).merge(z), x.merge(y.merge(z)));
        assertEquals(x.merge(y), y.merge(x));
        assertEquals(x, x.merge(BranchTallies.empty()));

        BranchTallies all = x.merge(y).merge(z);
        for (CounterKey key : all.counters().keySet()) {
            assertEquals(x.counters().getOrDefault(key, 0L) + y.counters().getOrDefault(key, 0L)
                    + z.counters().getOrDefault(key, 0L), all.counters().get(key), "counter " + key + " adds up");
        }
        GaugeReading latest = Stream.of(x, y, z).map(t -> t.gauge(Gauge.OVERDUE_OPEN_CLAIMS)).filter(r -> r != null)
                .max(java.util.Comparator.comparing(GaugeReading::asOf).thenComparingLong(GaugeReading::value)).orElse(null);
        assertEquals(latest, all.gauge(Gauge.OVERDUE_OPEN_CLAIMS), "the latest day's reading, the larger on a tie");
        assertEquals(all, all.merge(all.gauges().isEmpty() ? BranchTallies.empty()
                : new BranchTallies(java.util.Map.of(), java.util.Map.of(), all.gauges())), "a reading merged again changes nothing");
    }

    private static BranchTallies someTallies(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> BranchTallies.empty();
            case 1 -> tallies(AggregateOrigin.of(RecordType.CLAIMS), claims(random, random.nextInt(MAX_FACTS_TO_MERGE + 1)));
            default -> withGauge(random, random.nextInt(MAX_FACTS_TO_MERGE + 1));
        };
    }

    private static BranchTallies withGauge(Random random, int claims) {
        BranchTallies counted = tallies(AggregateOrigin.of(RecordType.CLAIMS), claims(random, claims));
        GaugeReading reading = new GaugeReading(DAY.plusDays(random.nextInt(3) - 1), random.nextInt(4));
        return new BranchTallies(counted.counters(), counted.claimCycleTimes(),
                java.util.Map.of(Gauge.OVERDUE_OPEN_CLAIMS, reading));
    }

    /** Empty, full, and seeded random lists. */
    static Stream<List<ClaimFact>> claimLists() {
        Random random = new Random(20261012L);
        List<List<ClaimFact>> cases = new ArrayList<>(List.of(List.of(), claims(random, MAX_CLAIMS_TO_STORE)));
        while (cases.size() < 100) {
            cases.add(claims(random, random.nextInt(MAX_CLAIMS_TO_STORE + 1)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("claimLists")
    void storedFormReadsBackEqual(List<ClaimFact> claims) {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, AggregateOrigin.of(RecordType.CLAIMS), 7));
        claims.forEach(accumulator::accept);
        DailyAggregate aggregate = accumulator.toAggregate();
        assertEquals(aggregate, AggregateJson.read(AggregateJson.write(aggregate)));
    }

    private static BranchTallies tallies(AggregateOrigin type, List<? extends Fact> facts) {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, type, 1));
        facts.forEach(accumulator::accept);
        return accumulator.toAggregate().byBranch().getOrDefault("TPE-01", BranchTallies.empty());
    }

    private static List<ClaimFact> claims(Random random, int size) {
        return Stream.generate(() -> claim(random)).limit(size).toList();
    }

    /**
     * Closed within {@link #DAY} after 0 to 400 days open. The first and last minute of the day and the shortest and
     * longest time open each come a twentieth of the time, as they are where a day or histogram bucket could be
     * miscounted.
     */
    private static ClaimFact claim(Random random) {
        OffsetDateTime closed = DAY.atStartOfDay().plusMinutes(intBetween(random, 0, LAST_MINUTE_OF_DAY))
                .atOffset(ZoneOffset.ofHours(8));
        int hoursOpen = intBetween(random, 0, MAX_HOURS_OPEN);
        ClaimStatus[] finished = {ClaimStatus.CLOSED, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN};
        return new ClaimFact(oneOf(random, Complexity.values()), random.nextBoolean(),
                oneOf(random, finished), closed.minusHours(hoursOpen), closed, random.nextBoolean());
    }

    private static int intBetween(Random random, int min, int max) {
        return switch (random.nextInt(20)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }

    private static <T> T oneOf(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
