package io.qualityhub.sampling.domain;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.claim;
import static io.qualityhub.sampling.domain.Fixtures.claimsPlan;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FrozenPopulationTest {

    private static final SamplingPlan PLAN = claimsPlan(0.5, 1, 10);
    private static final PriorIncidents INCIDENTS = new PriorIncidents(Set.of("AG-2", "AG-1"), Set.of("AG-1"));
    private static final List<SamplingUnit> POPULATION = List.of(
            claim("TPE-02", "C2", false), claim("TPE-01", "C1", true), claim("TPE-01", "C0", false));

    @Test
    void whatIsReadBackRedrawsTheSampleExactly() {
        Sample drawn = new Sampler(PLAN).draw(NOVEMBER, secret("nov"), POPULATION, INCIDENTS);

        FrozenPopulation frozen = FrozenPopulation.decode(encode(drawn));

        assertEquals(NOVEMBER, frozen.period());
        assertEquals("test-1", frozen.planVersion());
        assertEquals(drawn.populationFingerprint(), frozen.populationFingerprint());
        assertEquals(INCIDENTS, frozen.incidents());
        assertEquals(drawn, new Sampler(PLAN).draw(NOVEMBER, secret("nov"), frozen.units(), frozen.incidents()));
    }

    @Test
    void theStoredTextNamesEachRecordsStratumAndWeightInRecordOrder() throws IOException {
        Sample drawn = new Sampler(PLAN).draw(NOVEMBER, secret("nov"), POPULATION, INCIDENTS);
        String text;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(encode(drawn)))) {
            text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals("{\"format\":\"qualityhub-frozen-population/1\",\"period\":\"2026-11\",\"planVersion\":\"test-1\","
                + "\"populationFingerprint\":\"" + drawn.populationFingerprint() + "\","
                + "\"priorIncidentStaff\":[\"AG-1\",\"AG-2\"],\"repeatViolators\":[\"AG-1\"],\"units\":["
                + "{\"recordType\":\"claims\",\"branch\":\"TPE-01\",\"recordId\":\"C0\",\"productLine\":\"health\","
                + "\"stratum\":\"claims/TPE-01\",\"weight\":1.0,\"attributes\":{}},"
                + "{\"recordType\":\"claims\",\"branch\":\"TPE-01\",\"recordId\":\"C1\",\"productLine\":\"health\","
                + "\"stratum\":\"claims/TPE-01\",\"weight\":4.0,\"attributes\":{\"flag\":\"Y\"}},"
                + "{\"recordType\":\"claims\",\"branch\":\"TPE-02\",\"recordId\":\"C2\",\"productLine\":\"health\","
                + "\"stratum\":\"claims/TPE-02\",\"weight\":1.0,\"attributes\":{}}]}", text);
    }

    @Test
    void theSamePopulationGivesTheSameBytesAndAnyOtherDifferentOnes() {
        Sample drawn = new Sampler(PLAN).draw(NOVEMBER, secret("nov"), POPULATION, INCIDENTS);
        byte[] once = encode(drawn);

        assertArrayEquals(once, encode(drawn), "no timestamp or map order in the stored bytes");
        List<SamplingUnit> oneMore = new java.util.ArrayList<>(POPULATION);
        oneMore.add(claim("TPE-02", "C3", false));
        Sample larger = new Sampler(PLAN).draw(NOVEMBER, secret("nov"), oneMore, INCIDENTS);
        byte[] other = FrozenPopulation.encode(NOVEMBER, PLAN.version(), larger.populationFingerprint(),
                new Sampler(PLAN).weigh(NOVEMBER, oneMore, INCIDENTS), INCIDENTS);
        assertNotEquals(FrozenPopulation.sha256(once), FrozenPopulation.sha256(other));
        assertEquals(64, FrozenPopulation.sha256(once).length());
    }

    @Test
    void bytesThatAreNotAFrozenPopulationAreRefusedSayingWhy() {
        FrozenPopulation.FrozenPopulationException notGzip = assertThrows(
                FrozenPopulation.FrozenPopulationException.class,
                () -> FrozenPopulation.decode("{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notGzip.getMessage().startsWith("the frozen population cannot be read: it is not gzip'd JSON"),
                notGzip.getMessage());
    }

    private static byte[] encode(Sample drawn) {
        return FrozenPopulation.encode(NOVEMBER, PLAN.version(), drawn.populationFingerprint(),
                new Sampler(PLAN).weigh(NOVEMBER, POPULATION, INCIDENTS), INCIDENTS);
    }
}
