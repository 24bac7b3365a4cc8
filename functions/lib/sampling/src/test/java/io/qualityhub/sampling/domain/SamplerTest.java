package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.claim;
import static io.qualityhub.sampling.domain.Fixtures.claims;
import static io.qualityhub.sampling.domain.Fixtures.claimsPlan;
import static io.qualityhub.sampling.domain.Fixtures.fixed;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {

    /** Stratum of 40 claims, 8 flagged (weight 4), sample of 8: pi = 8*4/64 = 0.5 flagged, 8/64 = 0.125 routine. */
    private static final List<SamplingUnit> MIXED_STRATUM = claims("TPE-01", 40, 8);
    private static final Sampler MIXED_SAMPLER = new Sampler(claimsPlan(0.01, 8, 8));
    private static final int PERIODS = 8_000;
    private static final Map<RecordKey, Integer> timesPicked = new HashMap<>();
    private static final Map<RecordKey, Double> statedProbability = new HashMap<>();
    private static final List<String> BRANCHES = List.of("TPE-01", "TPE-02", "KHH-01");
    private static final int MAX_POPULATION = 80;

    @BeforeAll
    static void drawManyPeriods() {
        for (int period = 0; period < PERIODS; period++) {
            Sample sample = MIXED_SAMPLER.draw(NOVEMBER, secret("period-" + period), MIXED_STRATUM, PriorIncidents.NONE);
            for (SelectedUnit unit : sample.selected()) {
                timesPicked.merge(unit.record(), 1, Integer::sum);
                statedProbability.put(unit.record(), unit.inclusionProbability());
            }
        }
    }

    @Test
    void eachRecordIsPickedAsOftenAsItsStatedInclusionProbability() {
        for (SamplingUnit unit : MIXED_STRATUM) {
            double stated = unit.attributes().isEmpty() ? 0.125 : 0.5;
            assertEquals(stated, statedProbability.get(unit.key()), 1e-15, unit.key().toString());
            double frequency = timesPicked.get(unit.key()) / (double) PERIODS;
            double sigma = Math.sqrt(stated * (1 - stated) / PERIODS);
            // 4 sigma (sigma is at most 0.0056); Pareto's own deviation from the stated probability is only 0.0005
            // here (docs/sampling.md).
            assertEquals(stated, frequency, 4 * sigma, unit.key() + " picked in " + frequency + " of periods");
        }
    }

    @Test
    void highRiskRecordsArePickedAtTheirHigherRate() {
        double flagged = pooledFrequency(MIXED_STRATUM.subList(0, 8));
        double routine = pooledFrequency(MIXED_STRATUM.subList(8, 40));
        assertEquals(0.5, flagged, 4 * Math.sqrt(0.5 * 0.5 / (8.0 * PERIODS)));
        assertEquals(0.125, routine, 4 * Math.sqrt(0.125 * 0.875 / (32.0 * PERIODS)));
    }

    @Test
    void everyStratumGetsItsTargetSizeAndAtLeastItsMinimum() {
        List<SamplingUnit> population = new ArrayList<>();
        population.addAll(claims("A-01", 7, 0));
        population.addAll(claims("B-01", 300, 30));
        population.addAll(claims("C-01", 1000, 1000));
        population.addAll(claims("D-01", 2, 1));
        Sample sample = new Sampler(claimsPlan(0.02, 5, 12)).draw(NOVEMBER, secret("s"), population, PriorIncidents.NONE);
        assertEquals(List.of(
                new StratumDraw(new Stratum("claims", "A-01", null), 7, 5, fixed(SizingRule.MINIMUM, 5)),
                new StratumDraw(new Stratum("claims", "B-01", null), 300, 6, fixed(SizingRule.BASE_RATE, 5)),
                new StratumDraw(new Stratum("claims", "C-01", null), 1000, 12, fixed(SizingRule.MAXIMUM, 5)),
                new StratumDraw(new Stratum("claims", "D-01", null), 2, 2, fixed(SizingRule.CENSUS, 5))),
                sample.strata());
        for (StratumDraw draw : sample.strata()) {
            long picked = sample.selected().stream().filter(u -> u.record().branch().equals(draw.stratum().branch())).count();
            assertEquals(draw.sampleSize(), picked, draw.stratum().toString());
        }
    }

    @Test
    void assuranceSetsTheMinimumAndTheBaseRateAddsBeyondIt() {
        List<SamplingUnit> population = new ArrayList<>();
        population.addAll(claims("A-01", 10, 2));
        population.addAll(claims("B-01", 200, 20));
        population.addAll(claims("C-01", 5000, 100));
        population.addAll(claims("D-01", 20000, 0));
        Assurance defaults = Assurance.defaults();
        Sample sample = new Sampler(claimsPlan(0.005, 80, defaults))
                .draw(NOVEMBER, secret("s"), population, PriorIncidents.NONE);
        assertEquals(List.of(
                new StratumDraw(new Stratum("claims", "A-01", null), 10, 10,
                        new StratumSizing(SizingRule.CENSUS, 10, defaults)),
                new StratumDraw(new Stratum("claims", "B-01", null), 200, 51,
                        new StratumSizing(SizingRule.ASSURANCE, 51, defaults)),
                new StratumDraw(new Stratum("claims", "C-01", null), 5000, 59,
                        new StratumSizing(SizingRule.ASSURANCE, 59, defaults)),
                new StratumDraw(new Stratum("claims", "D-01", null), 20000, 80,
                        new StratumSizing(SizingRule.MAXIMUM, 59, defaults))), sample.strata());
        assertEquals(10 + 51 + 59 + 80, sample.selected().size());
        double flaggedShare = sample.selected().stream()
                .filter(unit -> unit.record().branch().equals("C-01") && !unit.reasons().isEmpty()).count() / 59.0;
        // risk weighting still decides which records fill the places: 2% of C-01 is flagged, weight 4
        assertTrue(flaggedShare > 0.02, "flagged share " + flaggedShare);
    }

    @Test
    void stratumSmallerThanItsMinimumIsTakenWholeWithCertainty() {
        List<SamplingUnit> three = claims("TPE-01", 3, 1);
        Sample sample = new Sampler(claimsPlan(0.02, 5, 12)).draw(NOVEMBER, secret("s"), three, PriorIncidents.NONE);
        assertEquals(List.of(
                new SelectedUnit(new RecordKey("claims", "TPE-01", "C0000"), "health", 1, List.of("flagged")),
                new SelectedUnit(new RecordKey("claims", "TPE-01", "C0001"), "health", 1, List.of()),
                new SelectedUnit(new RecordKey("claims", "TPE-01", "C0002"), "health", 1, List.of())), sample.selected());
        assertTrue(sample.strata().get(0).census());
    }

    @ParameterizedTest(name = "case {index}, shuffled with seed {1}")
    @MethodSource("populations")
    void sameSecretAndPopulationGiveTheSameSampleInAnyOrder(List<SamplingUnit> population, long shuffleSeed) {
        Sampler sampler = new Sampler(claimsPlan(0.1, 2, 6));
        List<SamplingUnit> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        assertEquals(sampler.draw(NOVEMBER, secret("november"), population, PriorIncidents.NONE),
                sampler.draw(NOVEMBER, secret("november"), shuffled, PriorIncidents.NONE));
    }

    /**
     * One record, full populations in one branch or spread over all, ids of the shortest and longest length, and
     * extreme shuffle seeds; then seeded random populations of 1 to 80 distinct claims so a failure reproduces.
     */
    static Stream<Arguments> populations() {
        Random random = new Random(20261125L);
        List<SamplingUnit> allBranches = new ArrayList<>();
        for (int i = 0; i < MAX_POPULATION; i++) {
            allBranches.add(claim(BRANCHES.get(i % BRANCHES.size()), "C" + i, i % 3 == 0));
        }
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of(List.of(claim("TPE-01", "C0", false)), 0L),
                Arguments.of(List.of(claim("KHH-01", "C99999", true)), Long.MAX_VALUE),
                Arguments.of(claims("TPE-01", MAX_POPULATION, MAX_POPULATION), Long.MIN_VALUE),
                Arguments.of(claims("TPE-02", MAX_POPULATION, 0), 1L),
                Arguments.of(allBranches, -1L),
                Arguments.of(List.of(claim("TPE-01", "C0", true), claim("TPE-01", "C00", false),
                        claim("TPE-02", "C0", false), claim("TPE-01", "C99999", true)), 42L)));
        while (cases.size() < 200) {
            cases.add(Arguments.of(population(random, 1 + random.nextInt(MAX_POPULATION)), random.nextLong()));
        }
        return cases.stream();
    }

    /** Distinct claims with ids C followed by 1 to 5 digits, in random branches, about half flagged. */
    private static List<SamplingUnit> population(Random random, int size) {
        List<SamplingUnit> population = new ArrayList<>();
        Set<RecordKey> keys = new HashSet<>();
        while (population.size() < size) {
            StringBuilder id = new StringBuilder("C");
            for (int digits = 1 + random.nextInt(5); digits > 0; digits--) {
                id.append(random.nextInt(10));
            }
            String branch = BRANCHES.get(random.nextInt(BRANCHES.size()));
            SamplingUnit unit = claim(branch, id.toString(), random.nextBoolean());
            if (keys.add(unit.key())) {
                population.add(unit);
            }
        }
        return population;
    }

    @Test
    void differentSecretGivesADifferentSample() {
        Sampler sampler = new Sampler(claimsPlan(0.02, 5, 5));
        List<SamplingUnit> population = claims("TPE-01", 200, 20);
        Sample november = sampler.draw(NOVEMBER, secret("secret-a"), population, PriorIncidents.NONE);
        Sample other = sampler.draw(NOVEMBER, secret("secret-b"), population, PriorIncidents.NONE);
        assertEquals(5, november.selected().size());
        assertEquals(5, other.selected().size());
        assertNotEquals(records(november), records(other));
        assertEquals(november.populationFingerprint(), other.populationFingerprint());
    }

    @Test
    void aPlanThatDoesNotWeighRepeatViolatorsDrawsAndFingerprintsAsIfNoneWereKnown() {
        // So a period drawn before repeat violators were read verifies unchanged under its own plan.
        Sampler sampler = new Sampler(claimsPlan(0.02, 5, 5));
        List<SamplingUnit> population = claims("TPE-01", 200, 20);
        Sample without = sampler.draw(NOVEMBER, secret("secret-a"), population, new PriorIncidents(Set.of("E1")));
        Sample with = sampler.draw(NOVEMBER, secret("secret-a"), population,
                new PriorIncidents(Set.of("E1"), Set.of("E1")));
        assertEquals(without, with);
    }

    @Test
    void repeatViolatorsChangeTheFingerprintWhenThePlanWeighsThem() {
        // The packaged plan weighs them (rule repeat_violator).
        Sampler sampler = new Sampler(SamplingPlanLoader.loadDefault());
        List<SamplingUnit> population = claims("TPE-01", 50, 0);
        assertNotEquals(sampler.draw(NOVEMBER, secret("secret-a"), population, new PriorIncidents(Set.of("E1")))
                        .populationFingerprint(),
                sampler.draw(NOVEMBER, secret("secret-a"), population, new PriorIncidents(Set.of("E1"), Set.of("E1")))
                        .populationFingerprint());
    }

    @Test
    void populationThatCannotBeSampledIsRefusedNamingTheRecord() {
        Sampler sampler = new Sampler(claimsPlan(0.02, 5, 12));
        SamplingUnit claim = claim("TPE-01", "C1", false);
        assertEquals("record claims/TPE-01/C1 appears more than once in the population; pass each record once,"
                        + " in its latest state",
                assertThrows(SamplingInputException.class, () -> sampler.draw(NOVEMBER, secret("s"),
                        List.of(claim, claim), PriorIncidents.NONE)).getMessage());
        assertEquals("record claims/TPE-01/C1 is sampled monthly under plan test-1, not in 2026-W47; give each period"
                        + " only the record types sampled at its frequency",
                assertThrows(SamplingInputException.class, () -> sampler.draw(Period.parse("2026-W47"), secret("s"),
                        List.of(claim), PriorIncidents.NONE)).getMessage());
        SamplingUnit sale = new SamplingUnit("sales", "TPE-01", "S1", "life", Map.of());
        assertEquals("record sales/TPE-01/S1 is of a type the sampling plan test-1 does not sample; leave sales records"
                        + " out of the population",
                assertThrows(SamplingInputException.class, () -> sampler.draw(NOVEMBER, secret("s"),
                        List.of(sale), PriorIncidents.NONE)).getMessage());
    }

    @Test
    void shortSecretIsRefusedWithoutRevealingIt() {
        byte[] shortSecret = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Sampler(claimsPlan(0.02, 5, 12)).draw(NOVEMBER, shortSecret, claims("TPE-01", 3, 0),
                        PriorIncidents.NONE));
        assertEquals("the period secret must be at least 32 random bytes (got 16 bytes); derive it from the period's"
                + " key in Secrets Manager or KMS", error.getMessage());
        assertFalse(error.getMessage().contains("0123456789abcdef"));
    }

    private static double pooledFrequency(List<SamplingUnit> units) {
        return units.stream().mapToInt(u -> timesPicked.get(u.key())).sum() / ((double) units.size() * PERIODS);
    }

    private static List<RecordKey> records(Sample sample) {
        return sample.selected().stream().map(SelectedUnit::record).toList();
    }
}
