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
        assertEquals(List.of(
                "$.owner: unknown key; expected one of version, description, indicators (check the spelling)",
                "$.version: missing; add e.g. \"2026-12-1\" and change it with every change of a target",
                "$.indicators.claims.settled_on_time_pct.target: is a percentage and must lie in 0-100, was 120.0",
                "$.indicators.claims.setled_on_time_pct: not an indicator or family id; use one of "
                        + String.join(", ", IndicatorCatalogue.targetableIds()),
                "$.indicators.complaints.major_count.amberMargin: cannot be negative, was -1.0",
                "$.indicators.sales.recording_present_pct.target: missing; add the target in the indicator's unit",
                "$.indicators.satisfaction.mean.colour: unknown key; expected one of target, amberMargin,"
                        + " trendTolerance (check the spelling)",
                "$.indicators.underwriting.exception_pct.target: must be a number; add the target in the indicator's"
                        + " unit, was \"five\""), e.problems());
        assertTrue(e.getMessage().startsWith("indicator-targets.json is invalid (8 problems); fix the JSON and store it"
                + " again:\n  $.owner: unknown key"), e.getMessage());
    }

    @Test
    void anOverrideChangesOnlyWhatItNamesAndANullRemovesATarget() {
        IndicatorTargets targets = IndicatorTargets.withOverride(stream("""
                {"version": "2026-12-1-tpe",
                 "indicators": {"claims.settled_on_time_pct": {"target": 97, "amberMargin": 2},
                                "claims.overdue_open": null,
                                "complaints.major_count": {"trendTolerance": null}}}"""), "indicator-targets");

        assertEquals("2026-12-1-tpe", targets.version());
        // objects merge key by key: the packaged trendTolerance 0.5 stays under the new target and margin
        assertEquals(new IndicatorTarget(97, 2, 0.5),
                targets.targetFor(IndicatorCatalogue.require("claims.settled_on_time_pct")).orElseThrow());
        assertEquals(new IndicatorTarget(90, 5, 0.5),
                targets.targetFor(IndicatorCatalogue.require("complaints.resolved_on_time_pct")).orElseThrow(),
                "an indicator the override does not name keeps the packaged target");
        assertTrue(targets.targetFor(IndicatorCatalogue.require("claims.overdue_open")).isEmpty());
        assertEquals(new IndicatorTarget(0, 1, 0),
                targets.targetFor(IndicatorCatalogue.require("complaints.major_count")).orElseThrow());
    }

    @Test
    void anOverrideWithoutItsOwnVersionIsRefusedByPathWithItsOtherProblems() {
        InvalidIndicatorTargetsException e = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.withOverride(stream("""
                        {"indicators": {"claims.overdue_open": {"target": "none"}}}"""), "indicator-targets"));

        assertEquals(List.of("$.version (override): missing or equal to the packaged targets' version \"2026-12-1\";"
                        + " give the override its own version, e.g. \"2026-12-1-local\", so that reports record which"
                        + " targets rated them",
                "$.indicators.claims.overdue_open.target: must be a number; add the target in the indicator's unit,"
                        + " was \"none\""), e.problems());
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsPosition() {
        InvalidIndicatorTargetsException e = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.withOverride(stream("""
                        {"version": "v2", "indicators": {"claims.overdue_open": {"target": 1, "target": 2}}}"""),
                        "indicator-targets"));

        assertEquals(1, e.problems().size());
        assertTrue(e.problems().getFirst().startsWith("$ (override): not valid JSON at line 1, column "),
                e.problems().getFirst());
        assertTrue(e.problems().getFirst().contains("Duplicate field 'target'"), e.problems().getFirst());
    }

    @Test
    void aNumberNoDoubleHoldsIsRefusedByPath() {
        InvalidIndicatorTargetsException e = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(stream("""
                        {"version": "v2", "indicators": {"claims.overdue_open": {"target": 1e400, "amberMargin": 1}}}"""),
                        "targets.json"));

        assertEquals(List.of("$.indicators.claims.overdue_open.target: must be a finite number, was 1E+400"),
                e.problems());
    }

    @Test
    void brokenJsonNamesTheLine() {
        InvalidIndicatorTargetsException e = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(stream("{\n \"indicators\": {\n  \"x\": \n}"), "targets.json"));
        assertTrue(e.problems().getFirst().startsWith("$: not valid JSON at line 4"), e.problems().getFirst());
    }

    @Test
    void jsonBeyondTheParsersLimitsIsInvalidNotACrash() {
        InvalidIndicatorTargetsException deep = assertThrows(InvalidIndicatorTargetsException.class,
                () -> IndicatorTargets.load(stream("{\"indicators\": " + "[".repeat(1100) + "]".repeat(1100) + "}"),
                        "targets.json"));
        assertTrue(deep.problems().getFirst().startsWith("$: not valid JSON: "), deep.problems().getFirst());
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
