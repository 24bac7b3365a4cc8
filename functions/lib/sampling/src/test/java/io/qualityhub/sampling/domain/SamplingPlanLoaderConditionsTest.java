package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Malformed record-type entries and risk conditions: each reported with its path and fix, none dropped. */
class SamplingPlanLoaderConditionsTest {

    private static final String KINDS = "one of anyEquals, tenureBelowMonths, daysBetweenAbove, aboveStratumPercentile,"
            + " staffWithPriorIncidents, repeatViolator, allOf, anyOf";
    private static final String RULES = "$.recordTypes.sales.riskRules[0]";

    @Test
    void aRecordTypeThatIsNoObjectIsReported() {
        assertEquals(List.of(new PlanProblem("$.recordTypes.sales", "is not an object",
                "describe the sampling of sales as a JSON object")), problems(plan("\"weekly\"", "")));
    }

    @Test
    void stratifyingByProductLineTakesABooleanAndATypeWithProductLines() {
        assertEquals(List.of(
                        new PlanProblem("$.recordTypes.sales.stratifyByProductLine", "is not true or false",
                                "set it to true or false"),
                        new PlanProblem("$.recordTypes.complaints.stratifyByProductLine",
                                "complaints records have no product line", "remove it or set it to false")),
                problems(plan(sales("\"stratifyByProductLine\": \"yes\", \"riskRules\": []"),
                        "\"stratifyByProductLine\": true,")));
        SamplingPlan plan = SamplingPlanLoader.parse(plan(sales("\"stratifyByProductLine\": true, \"riskRules\": []"),
                "\"stratifyByProductLine\": false,"), "plan.json");
        assertTrue(plan.forType("sales").orElseThrow().stratifyByProductLine());
    }

    @Test
    void aTeamNameThatCannotNameAFileIsReported() {
        String sales = sales("\"riskRules\": []").replace("\"sales-quality\"", "\"Sales Quality\"");
        assertEquals(List.of(new PlanProblem("$.recordTypes.sales.team",
                        "\"Sales Quality\" is not a team name of lower-case letters, digits and '-'",
                        "rename it, e.g. \"claims-quality\" (it names the team's task-list file)")),
                problems(plan(sales, "")));
    }

    @Test
    void riskRulesThatAreNoArrayAreReported() {
        assertEquals(List.of(new PlanProblem("$.recordTypes.sales.riskRules", "is not an array",
                "list the risk rules as a JSON array, or [] for none")), problems(plan(sales("\"riskRules\": {}"), "")));
    }

    @Test
    void aRuleWithoutExactlyOneConditionIsReported() {
        PlanProblem expected = new PlanProblem(RULES + ".when", "is not an object with exactly one condition",
                "write {\"<kind>\": ...} with " + KINDS);
        assertEquals(List.of(expected), problems(plan(sales(rules("\"weight\": 2")), "")));
        assertEquals(List.of(expected), problems(plan(sales(rules(
                "\"weight\": 2, \"when\": {\"anyOf\": [{\"repeatViolator\": {\"attributes\": [\"salesperson_id\"]}}],"
                        + " \"allOf\": [{\"repeatViolator\": {\"attributes\": [\"salesperson_id\"]}}]}")), "")));
    }

    @Test
    void anUnknownKindOfConditionIsReported() {
        assertEquals(List.of(new PlanProblem(RULES + ".when.noneOf", "is not a known condition", "use " + KINDS)),
                problems(plan(sales(rules("\"weight\": 2, \"when\": {\"noneOf\": []}")), "")));
    }

    @Test
    void combinedConditionsNeedANonEmptyArrayAndReportTheirPartsProblems() {
        PlanProblem empty = new PlanProblem(RULES + ".when.allOf", "is not a non-empty array of conditions",
                "list at least one condition");
        assertEquals(List.of(empty), problems(plan(sales(rules("\"weight\": 2, \"when\": {\"allOf\": []}")), "")));
        assertEquals(List.of(empty), problems(plan(sales(rules("\"weight\": 2, \"when\": {\"allOf\": \"x\"}")), "")));
        assertEquals(List.of(new PlanProblem(RULES + ".when.anyOf[1]", "is not an object with exactly one condition",
                        "write {\"<kind>\": ...} with " + KINDS)),
                problems(plan(sales(rules("\"weight\": 2, \"when\": {\"anyOf\": ["
                        + "{\"repeatViolator\": {\"attributes\": [\"salesperson_id\"]}}, 7]}")), "")));
    }

    @Test
    void allOfAndAnyOfAreReadAsTheirOwnKindWithEveryPart() {
        RiskCondition violator = new RiskCondition.RepeatViolator(List.of("salesperson_id"));
        RiskCondition signed = new RiskCondition.AnyEquals(List.of("customer_signed"), Set.of("N"));
        String parts = "[{\"repeatViolator\": {\"attributes\": [\"salesperson_id\"]}},"
                + " {\"anyEquals\": {\"attributes\": [\"customer_signed\"], \"values\": [\"N\"]}}]";
        assertEquals(new RiskCondition.AllOf(List.of(violator, signed)),
                onlyCondition(rules("\"weight\": 2, \"when\": {\"allOf\": " + parts + "}")));
        assertEquals(new RiskCondition.AnyOf(List.of(violator, signed)),
                onlyCondition(rules("\"weight\": 2, \"when\": {\"anyOf\": " + parts + "}")));
    }

    @Test
    void anyEqualsNeedsNonEmptyValuesAndColumnNames() {
        assertEquals(List.of(new PlanProblem(RULES + ".when.anyEquals.values",
                        "is missing or not a non-empty array of strings", "list the values that mark the risk, e.g. [\"Y\"]")),
                problems(plan(sales(rules("\"weight\": 2, \"when\": {\"anyEquals\":"
                        + " {\"attributes\": [\"customer_signed\"], \"values\": []}}")), "")));
        assertEquals(List.of(new PlanProblem(RULES + ".when.anyEquals.values[1]", "is not a non-empty string",
                        "list the values that mark the risk, e.g. [\"Y\"]")),
                problems(plan(sales(rules("\"weight\": 2, \"when\": {\"anyEquals\":"
                        + " {\"attributes\": [\"customer_signed\"], \"values\": [\"N\", \"\"]}}")), "")));
        assertEquals(List.of(new PlanProblem(RULES + ".when.anyEquals.attributes[0]", "\"Customer Signed\" is not a"
                        + " column name", "use the upload column name, e.g. \"sold_at\"")),
                problems(plan(sales(rules("\"weight\": 2, \"when\": {\"anyEquals\":"
                        + " {\"attributes\": [\"Customer Signed\"], \"values\": [\"N\"]}}")), "")));
    }

    @Test
    void aConditionBodyThatIsNoObjectIsReported() {
        List<PlanProblem> problems = problems(plan(sales(rules("\"weight\": 2, \"when\": {\"repeatViolator\": 5}")), ""));
        assertEquals(List.of(RULES + ".when.repeatViolator", RULES + ".when.repeatViolator.attributes"),
                problems.stream().map(PlanProblem::path).toList());
        assertEquals("is not an object", problems.get(0).problem());
        assertTrue(problems.get(0).fix().startsWith("write it as a JSON object with the fields "), problems.get(0).fix());
    }

    @Test
    void aConditionOnColumnsKeepsTheColumnsItNames() {
        assertEquals(new RiskCondition.DaysBetweenAbove("sold_at", "cooling_off_ends_at", 15), onlyCondition(rules(
                "\"weight\": 2, \"when\": {\"daysBetweenAbove\": {\"from\": \"sold_at\","
                        + " \"to\": \"cooling_off_ends_at\", \"days\": 15}}")));
        assertEquals(new RiskCondition.TenureBelowMonths("agent_started_on", "sold_at", 6), onlyCondition(rules(
                "\"weight\": 2, \"when\": {\"tenureBelowMonths\": {\"startedOn\": \"agent_started_on\","
                        + " \"at\": \"sold_at\", \"months\": 6}}")));
        assertEquals(new RiskCondition.AboveStratumPercentile("premium", 95), onlyCondition(rules(
                "\"weight\": 2, \"when\": {\"aboveStratumPercentile\": {\"attribute\": \"premium\","
                        + " \"percentile\": 95}}")));
    }

    private static RiskCondition onlyCondition(String sales) {
        return SamplingPlanLoader.parse(plan(sales(sales), ""), "plan.json").forType("sales").orElseThrow()
                .riskRules().getFirst().when();
    }

    private static List<PlanProblem> problems(String planJson) {
        return assertThrows(SamplingPlanException.class, () -> SamplingPlanLoader.parse(planJson, "plan.json"))
                .problems();
    }

    private static String rules(String ruleFields) {
        return "\"riskRules\": [{\"id\": \"rule\", \"description\": \"a rule under test\", " + ruleFields + "}]";
    }

    private static String sales(String extraFields) {
        return "{\"period\": \"monthly\", \"baseRate\": 0.02, \"minPerStratum\": 5, \"maxPerStratum\": 80,"
                + " \"team\": \"sales-quality\", \"inspectionDueDays\": 20, " + extraFields + "}";
    }

    private static String plan(String sales, String complaintsExtra) {
        return """
                {"version": "v1", "recordTypes": {
                  "sales": %s,
                  "underwriting": {"period": "monthly", "baseRate": 0.02, "minPerStratum": 5, "maxPerStratum": 60,
                                   "team": "underwriting-quality", "inspectionDueDays": 20},
                  "claims": {"period": "monthly", "baseRate": 0.03, "minPerStratum": 5, "maxPerStratum": 80,
                             "team": "claims-quality", "inspectionDueDays": 20},
                  "complaints": {"period": "weekly", "baseRate": 0.05, "minPerStratum": 3, "maxPerStratum": 30, %s
                                 "team": "service-quality", "inspectionDueDays": 10}}}
                """.formatted(sales, complaintsExtra);
    }
}
