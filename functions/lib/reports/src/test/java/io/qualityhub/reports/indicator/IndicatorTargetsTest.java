package io.qualityhub.reports.indicator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorTargetsTest {

    @Test
    void packagedTargetsLoadAndFamilyEntriesApplyToMembers() {
        IndicatorTargets targets = IndicatorTargets.loadDefault();
        assertEquals(new IndicatorTarget(95, 5, 0.5),
                targets.targetFor(IndicatorCatalogue.require("claims.settled_on_time_pct")).orElseThrow());
        assertEquals(new IndicatorTarget(90, 5, 1),
                targets.targetFor(IndicatorCatalogue.require("inspections.pass_rate_pct.complaint")).orElseThrow());
        // the member's own entry wins over its family's
        assertEquals(new IndicatorTarget(0, 0, 0),
                targets.targetFor(IndicatorCatalogue.require("violations.count.claims.severe")).orElseThrow());
        assertEquals(new IndicatorTarget(0, 2, 0),
                targets.targetFor(IndicatorCatalogue.require("violations.count.claims.minor")).orElseThrow());
        assertTrue(targets.targetFor(IndicatorCatalogue.require("actions.open")).isEmpty());
        assertEquals("2026-12-1", targets.version());
    }

    @Test
    void everyProblemInTheFileIsReportedWithItsEntry() {
        String json = """
                {
                  "indicators": {
                    "claims.settled_on_time_pct": { "target": 120, "amberMargin": 5 },
                    "claims.setled_on_time_pct": { "target": 95, "amberMargin": 5 },
                    "complaints.major_count": { "target": 0, "amberMargin": -1 },
                    "sales.recording_present_pct": { "amberMargin": 1 },
                    "satisfaction.mean": { "target": 4, "amberMargin": 0.3, "colour": "red" },
                    "underwriting.exception_pct": { "target": "five", "amberMargin": 1 }
                  },
                  "owner": "quality"
                }
                """;
        InvalidIndicatorTargetsException e = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(stream(json), "indicator-targets.json"));
        List<String> problems = e.problems();
        assertEquals(8, problems.size(), String.join("\n", problems));
        assertTrue(problems.contains("the file needs a 'version' string, e.g. \"2026-12-1\"; change it with every change"
                + " of a target"), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("unknown top-level field 'owner'")));
        assertTrue(problems.contains("'claims.settled_on_time_pct': target 120.0 is a percentage and must lie in 0-100"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("'claims.setled_on_time_pct' is not an indicator or family id")));
        assertTrue(problems.contains("'complaints.major_count': amberMargin -1.0 cannot be negative"));
        assertTrue(problems.contains("'sales.recording_present_pct' needs a numeric 'target'"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("'satisfaction.mean' has unknown field 'colour'")));
        assertTrue(problems.contains("'underwriting.exception_pct': 'target' must be a finite number, got \"five\""));
        assertTrue(e.getMessage().startsWith("indicator-targets.json is invalid; fix these entries and redeploy:"));
    }

    @Test
    void brokenJsonNamesTheLine() {
        InvalidIndicatorTargetsException e = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(stream("{\n \"indicators\": {\n  \"x\": \n}"), "targets.json"));
        assertTrue(e.problems().getFirst().startsWith("not valid JSON at line 4"), e.problems().getFirst());
    }

    @Test
    void jsonBeyondTheParsersLimitsIsInvalidNotACrash() {
        InvalidIndicatorTargetsException deep = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(stream("{\"indicators\": " + "[".repeat(1100) + "]".repeat(1100) + "}"),
                        "targets.json"));
        assertTrue(deep.problems().getFirst().startsWith("not valid JSON: "), deep.problems().getFirst());
        InvalidIndicatorTargetsException notUnicode = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(new ByteArrayInputStream(
                        new byte[] {0, 0, 0, '{', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}), "targets.json"));
        assertTrue(notUnicode.problems().getFirst().contains("not UTF-8, UTF-16 or UTF-32"),
                notUnicode.problems().getFirst());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
