package io.qualityhub.sampling.domain;

import static io.qualityhub.sampling.domain.Fixtures.claim;
import static io.qualityhub.sampling.domain.Fixtures.claimsPlan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopulationChangesTest {

    private static final SamplingPlan PLAN = claimsPlan(0.5, 1, 10);

    @Test
    void arrivalsDeparturesAndChangedRecordsAreCountedPerStratum() {
        List<SamplingUnit> frozen = List.of(claim("TPE-01", "C1", false), claim("TPE-01", "C2", false),
                claim("TPE-02", "C3", false));
        List<SamplingUnit> now = List.of(claim("TPE-01", "C1", true), claim("TPE-01", "C4", false),
                claim("TPE-02", "C3", false), claim("TPE-02", "C5", false), claim("TPE-02", "C6", false));

        PopulationChanges changes = PopulationChanges.between(PLAN, frozen, now);

        assertEquals(Map.of(new Stratum("claims", "TPE-01", null), 1, new Stratum("claims", "TPE-02", null), 2),
                changes.arrived());
        assertEquals(3, changes.arrivals());
        assertEquals(Map.of(new Stratum("claims", "TPE-01", null), 1), changes.left());
        assertEquals(1, changes.departures());
        assertEquals(Map.of(new Stratum("claims", "TPE-01", null), 1), changes.changed(), "C1 was flagged since");
        assertEquals(1, changes.changes());
    }

    @Test
    void anUnchangedPopulationHasNoChanges() {
        List<SamplingUnit> population = List.of(claim("TPE-01", "C1", false));

        PopulationChanges changes = PopulationChanges.between(PLAN, population, population);

        assertEquals(0, changes.arrivals() + changes.departures() + changes.changes());
    }
    @Test
    void aPlanStratifyingByProductLineCountsChangesPerProductLine() {
        SamplingPlan byLine = new SamplingPlan("test-1", Map.of("claims", new RecordTypePlan("claims",
                PeriodType.MONTHLY, 0.5, 1, 10, true, "claims-quality", 20, List.of(), null, 30)), 0.1);
        List<SamplingUnit> frozen = List.of(new SamplingUnit("claims", "TPE-01", "C1", "health", Map.of()));
        List<SamplingUnit> now = List.of(new SamplingUnit("claims", "TPE-01", "C2", "auto", Map.of()),
                new SamplingUnit("claims", "TPE-01", "C3", "auto", Map.of()));

        PopulationChanges changes = PopulationChanges.between(byLine, frozen, now);

        assertEquals(Map.of(new Stratum("claims", "TPE-01", "auto"), 2), changes.arrived());
        assertEquals(Map.of(new Stratum("claims", "TPE-01", "health"), 1), changes.left());
    }
}
