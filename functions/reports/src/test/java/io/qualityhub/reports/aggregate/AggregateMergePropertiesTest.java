package io.qualityhub.reports.aggregate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Aggregates of any split of a file's facts add up to the aggregate of all of them. */
class AggregateMergePropertiesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-10");

    @Property(tries = 200)
    void mergingTheAggregatesOfTwoPartsEqualsTheAggregateOfTheUnion(
            @ForAll @Size(max = 60) List<@From("claims") ClaimFact> claims, @ForAll @IntRange(min = 0, max = 60) int cut) {
        int split = Math.min(cut, claims.size());
        BranchTallies first = tallies(RecordType.CLAIMS, claims.subList(0, split));
        BranchTallies second = tallies(RecordType.CLAIMS, claims.subList(split, claims.size()));
        assertEquals(tallies(RecordType.CLAIMS, claims), first.merge(second));
    }

    @Property(tries = 200)
    void mergeIsAssociativeAndCommutative(@ForAll @Size(max = 30) List<@From("sales") SaleFact> a,
                                          @ForAll @Size(max = 30) List<@From("violations") ViolationFact> b,
                                          @ForAll @Size(max = 30) List<@From("claims") ClaimFact> c) {
        BranchTallies x = tallies(RecordType.SALES, a);
        BranchTallies y = tallies(RecordType.VIOLATIONS, b);
        BranchTallies z = tallies(RecordType.CLAIMS, c);
        assertEquals(x.merge(y).merge(z), x.merge(y.merge(z)));
        assertEquals(x.merge(y), y.merge(x));
        assertEquals(x, x.merge(BranchTallies.empty()));
    }

    @Property(tries = 100)
    void storedFormReadsBackEqual(@ForAll @Size(max = 40) List<@From("claims") ClaimFact> claims) {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, RecordType.CLAIMS, 7));
        claims.forEach(accumulator::accept);
        DailyAggregate aggregate = accumulator.toAggregate();
        assertEquals(aggregate, AggregateJson.read(AggregateJson.write(aggregate)));
    }

    private static BranchTallies tallies(RecordType type, List<? extends Fact> facts) {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, type, 1));
        facts.forEach(accumulator::accept);
        return accumulator.toAggregate().byBranch().getOrDefault("TPE-01", BranchTallies.empty());
    }

    @Provide
    Arbitrary<ClaimFact> claims() {
        Arbitrary<OffsetDateTime> closedAt = Arbitraries.integers().between(0, 24 * 60 - 1)
                .map(minute -> DAY.atStartOfDay().plusMinutes(minute).atOffset(ZoneOffset.ofHours(8)));
        Arbitrary<Integer> hoursOpen = Arbitraries.integers().between(0, 24 * 400);
        return Combinators.combine(Arbitraries.of(ClaimFact.Complexity.class), Arbitraries.of(true, false),
                Arbitraries.of(ClaimFact.Status.CLOSED, ClaimFact.Status.REJECTED, ClaimFact.Status.WITHDRAWN),
                closedAt, hoursOpen, Arbitraries.of(true, false))
                .as((complexity, green, status, closed, hours, onTime) ->
                        new ClaimFact(complexity, green, status, closed.minusHours(hours), closed, onTime));
    }

    @Provide
    Arbitrary<SaleFact> sales() {
        return Combinators.combine(Arbitraries.of(SaleFact.Channel.class), Arbitraries.of(ProductLine.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(SaleFact::new);
    }

    @Provide
    Arbitrary<ViolationFact> violations() {
        return Combinators.combine(Arbitraries.of(ViolationFact.Department.class),
                Arbitraries.of(ViolationFact.Severity.class), Arbitraries.of(ViolationFact.Sanction.class))
                .as(ViolationFact::new);
    }
}
