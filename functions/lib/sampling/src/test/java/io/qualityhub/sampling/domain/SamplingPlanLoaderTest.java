package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingPlanLoaderTest {

    private static final String MINIMAL = """
            {"version": "v1", "recordTypes": {
              "sales": {"period": "monthly", "baseRate": 0.02, "minPerStratum": 5, "maxPerStratum": 80,
                        "team": "sales-quality", "inspectionDueDays": 20, "riskRules": [
                  {"id": "new_salesperson", "description": "new", "weight": 3,
                   "when": {"tenureBelowMonths": {"startedOn": "salesperson_hired_on", "at": "sold_at", "months": 6}}}]},
              "underwriting": {"period": "monthly", "baseRate": 0.02, "minPerStratum": 5, "maxPerStratum": 60,
                               "team": "underwriting-quality", "inspectionDueDays": 20},
              "claims": {"period": "monthly", "baseRate": 0.03, "minPerStratum": 5, "maxPerStratum": 80,
                         "team": "claims-quality", "inspectionDueDays": 20},
              "complaints": {"period": "weekly", "baseRate": 0.05, "minPerStratum": 3, "maxPerStratum": 30,
                             "team": "service-quality", "inspectionDueDays": 10}}}
            """;

    @Test
    void packagedPlanCoversEveryRecordTypeWithTheIssuesRiskRules() {
        SamplingPlan plan = SamplingPlanLoader.loadDefault();
        assertEquals("2026-12-2", plan.version());
        assertEquals(List.of("claims", "followups", "sales", "underwriting"), plan.recordTypesSampled(PeriodType.MONTHLY));
        assertEquals(List.of("complaints"), plan.recordTypesSampled(PeriodType.WEEKLY));
        assertEquals(List.of("new_salesperson", "disclosure_step_missing", "recording_missing", "premium_above_p95",
                "staff_prior_incidents", "repeat_violator"), ruleIds(plan, "sales"));
        assertEquals(List.of("standard_exception", "high_risk_level", "staff_prior_incidents", "repeat_violator"),
                ruleIds(plan, "underwriting"));
        assertEquals(List.of("claim_amount_above_p95", "claim_rejected", "claim_paid_late", "green_channel",
                "staff_prior_incidents", "repeat_violator"), ruleIds(plan, "claims"));
        assertEquals(List.of("major_complaint", "staff_prior_incidents", "repeat_violator"), ruleIds(plan, "complaints"));
        assertEquals(List.of("followup_not_understood", "staff_prior_incidents", "repeat_violator"),
                ruleIds(plan, "followups"));
        assertTrue(plan.weighsRepeatViolators());
        assertEquals(new RiskCondition.RepeatViolator(List.of("salesperson_id")),
                plan.forType("sales").orElseThrow().riskRules().getLast().when());
        RecordTypePlan sales = plan.forType("sales").orElseThrow();
        assertEquals(0.02, sales.baseRate());
        assertEquals(1, sales.minPerStratum());
        assertEquals(80, sales.maxPerStratum());
        for (String type : List.of("sales", "underwriting", "followups", "claims", "complaints")) {
            assertEquals(new Assurance(0.95, 0.05, 0), plan.forType(type).orElseThrow().assurance(), type);
        }
    }

    @Test
    void everyProblemIsReportedWithItsPathAndFix() {
        String broken = MINIMAL.replace("\"baseRate\": 0.02, \"minPerStratum\": 5, \"maxPerStratum\": 80",
                        "\"baseRat\": 0.02, \"minPerStratum\": 5, \"maxPerStratum\": 4")
                .replace("\"period\": \"weekly\"", "\"period\": \"daily\"")
                .replace("\"months\": 6", "\"months\": 0");
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.parse(broken, "plan.json"));
        assertEquals(List.of(
                        new PlanProblem("$.recordTypes.sales.baseRat", "is not a field the plan knows",
                                "remove it or correct its spelling; the known fields here are [assurance, baseRate, effectivenessCheckDays,"
                                        + " inspectionDueDays, maxPerStratum, minPerStratum, period, riskRules,"
                                        + " stratifyByProductLine, team]"),
                        new PlanProblem("$.recordTypes.sales.baseRate", "is missing",
                                "set it to the share of records to inspect, above 0 and at most 1, e.g. 0.02"),
                        new PlanProblem("$.recordTypes.sales.maxPerStratum", "is 4, below minPerStratum 5",
                                "raise maxPerStratum or lower minPerStratum"),
                        new PlanProblem("$.recordTypes.sales.riskRules[0].when.tenureBelowMonths.months",
                                "is 0, not a whole number from 1 to 600", "set the tenure in months, 1 to 600"),
                        new PlanProblem("$.recordTypes.complaints.period", "is \"daily\"",
                                "set it to \"weekly\" or \"monthly\"")),
                error.problems());
        assertTrue(error.getMessage().startsWith("sampling plan plan.json is not usable (5 problems):\n"
                + "  $.recordTypes.sales.baseRat: is not a field the plan knows; remove it"), error.getMessage());
    }

    @Test
    void missingRecordTypeAndSensitiveColumnsAreRefused() {
        String broken = MINIMAL.replace("\"claims\": {", "\"claimz\": {")
                .replace("\"startedOn\": \"salesperson_hired_on\"", "\"startedOn\": \"customer_id_no\"");
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.parse(broken, "plan.json"));
        assertEquals(List.of("$.recordTypes.claims", "$.recordTypes.sales.riskRules[0].when.tenureBelowMonths.startedOn",
                "$.recordTypes.claimz"), error.problems().stream().map(PlanProblem::path).toList());
        assertEquals("\"customer_id_no\" is a sensitive column, which sampling never reads",
                error.problems().get(1).problem());
    }

    @Test
    void aRiskRuleThatIsNoObjectOrWhoseIdIsMalformedOrTakenIsReportedWithItsPathAndFix() {
        String rule = "{\"id\": \"%s\", \"description\": \"new\", \"weight\": 3, \"when\": {\"tenureBelowMonths\":"
                + " {\"startedOn\": \"salesperson_hired_on\", \"at\": \"sold_at\", \"months\": 6}}}";
        String broken = MINIMAL.replace("\"riskRules\": [", "\"riskRules\": [\"new_salesperson\", "
                + rule.formatted("New-Rule") + ", " + rule.formatted("tenure") + ", " + rule.formatted("tenure") + ", ");
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.parse(broken, "plan.json"));
        assertEquals(List.of(
                        new PlanProblem("$.recordTypes.sales.riskRules[0]", "is not an object",
                                "write the rule as {\"id\", \"description\", \"weight\", \"when\"}"),
                        new PlanProblem("$.recordTypes.sales.riskRules[1].id",
                                "\"New-Rule\" is not lower-case letters, digits and '_'",
                                "rename it, e.g. \"new_salesperson\"; it is printed as a reason on each task"),
                        new PlanProblem("$.recordTypes.sales.riskRules[3].id",
                                "\"tenure\" is used by an earlier rule of this record type", "give each rule its own id")),
                error.problems());
    }

    @Test
    void invalidJsonNamesTheLine() {
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.parse("{\"version\": \"v1\",\n \"recordTypes\": {,}}", "plan.json"));
        assertEquals("$", error.problems().get(0).path());
        assertTrue(error.problems().get(0).problem().startsWith("not valid JSON at line 2, column 18: "),
                error.problems().get(0).problem());
    }

    @Test
    void deploymentOverrideMergesIntoThePackagedPlan() {
        SamplingPlan plan = SamplingPlanLoader.loadDefaultWithOverride("""
                {"version": "2026-11-1+tpe", "recordTypes": {
                   "sales": {"baseRate": 0.05, "riskRules": []},
                   "followups": null}}
                """, "override.json");
        assertEquals("2026-11-1+tpe", plan.version());
        RecordTypePlan sales = plan.forType("sales").orElseThrow();
        assertEquals(0.05, sales.baseRate());
        assertEquals(80, sales.maxPerStratum());
        assertEquals(List.of(), sales.riskRules());
        assertTrue(plan.forType("followups").isEmpty());
        assertEquals(6, plan.forType("claims").orElseThrow().riskRules().size());
    }

    @Test
    void assuranceFillsInTheStatedDefaultsAndReplacesTheFixedMinimum() {
        String withAssurance = MINIMAL
                .replace("\"baseRate\": 0.02, \"minPerStratum\": 5, \"maxPerStratum\": 80,",
                        "\"baseRate\": 0.02, \"maxPerStratum\": 80, \"assurance\": {},")
                .replace("\"baseRate\": 0.03, \"minPerStratum\": 5, \"maxPerStratum\": 80,",
                        "\"baseRate\": 0.03, \"maxPerStratum\": 80,"
                                + " \"assurance\": {\"confidence\": 0.9, \"tolerableDeviationRate\": 0.1},");
        SamplingPlan plan = SamplingPlanLoader.parse(withAssurance, "plan.json");
        assertEquals(new Assurance(0.95, 0.05, 0), plan.forType("sales").orElseThrow().assurance());
        assertEquals(1, plan.forType("sales").orElseThrow().minPerStratum());
        assertEquals(new Assurance(0.9, 0.1, 0), plan.forType("claims").orElseThrow().assurance());
        assertEquals(null, plan.forType("complaints").orElseThrow().assurance());
        assertEquals(3, plan.forType("complaints").orElseThrow().minPerStratum());
    }

    @Test
    void assuranceOutOfRangeAndAMissingMinimumAreRefused() {
        String broken = MINIMAL
                .replace("\"baseRate\": 0.02, \"minPerStratum\": 5, \"maxPerStratum\": 80,",
                        "\"baseRate\": 0.02, \"maxPerStratum\": 80,"
                                + " \"assurance\": {\"tolerableDeviationRate\": 0.04, \"expectedDeviationRate\": 0.03},")
                .replace("\"minPerStratum\": 3, \"maxPerStratum\": 30,", "\"maxPerStratum\": 30,");
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.parse(broken, "plan.json"));
        assertEquals(List.of(
                new PlanProblem("$.recordTypes.sales.assurance.expectedDeviationRate",
                        "is 0.03, more than half the tolerable rate 0.04",
                        "lower it or raise tolerableDeviationRate; beyond half, samples grow without bound"),
                new PlanProblem("$.recordTypes.complaints.minPerStratum", "is missing",
                        "set it to the fewest records inspected per branch (and product line), at least 1, or give"
                                + " the type an \"assurance\" that sets the minimum")), error.problems());
    }

    @Test
    void effectivenessChecksFallDue30DaysAfterDoneUnlessThePlanSaysOtherwise() {
        SamplingPlan plan = SamplingPlanLoader.loadDefaultWithOverride("""
                {"version": "2026-12-1+checks", "recordTypes": {"complaints": {"effectivenessCheckDays": 14}}}
                """, "override.json");
        assertEquals(30, plan.forType("sales").orElseThrow().effectivenessCheckDays());
        assertEquals(14, plan.forType("complaints").orElseThrow().effectivenessCheckDays());
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.loadDefaultWithOverride("""
                        {"version": "2026-12-1+checks", "recordTypes": {"claims": {"effectivenessCheckDays": 0}}}
                        """, "override.json"));
        assertEquals(List.of(new PlanProblem("$.recordTypes.claims.effectivenessCheckDays",
                "is 0, not a whole number from 1 to 366", "set it to the days after a corrective action is done by"
                        + " which its effectiveness check is due, 1 to 366")), error.problems());
    }

    @Test
    void overrideMustNameItsOwnVersion() {
        SamplingPlanException error = assertThrows(SamplingPlanException.class,
                () -> SamplingPlanLoader.loadDefaultWithOverride("{\"recordTypes\": {\"sales\": {\"baseRate\": 0.05}}}",
                        "override.json"));
        assertEquals("override.json", error.source());
        assertEquals(List.of(new PlanProblem("$.version (override)", "missing or equal to the packaged plan's version \""
                + SamplingPlanLoader.loadDefault().version() + "\"", "give the override its own version, e.g. \""
                + SamplingPlanLoader.loadDefault().version() + "+local\", so that every sample records which plan drew it")),
                error.problems());
    }

    private static List<String> ruleIds(SamplingPlan plan, String type) {
        return plan.forType(type).orElseThrow().riskRules().stream().map(RiskRule::id).toList();
    }
}
