package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.SampleAssurance;
import io.qualityhub.reports.report.SampleAssurance.RepeatViolator;
import io.qualityhub.reports.report.SampleAssurance.StratumStatement;
import io.qualityhub.reports.report.SampleAssurance.TeamAgreement;
import io.qualityhub.sampling.domain.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sample as the sampling function stores it, and what a report states from it. */
class SampleAssurancesTest {

  /**
   * Sales at TPE-01: 59 of 5,000, 2 failed. Sales at KHH-02: all 3, 1 failed. Claims at TPE-01: 51 of 200, one
   * result missing. Sales-quality double-scored 5 tasks (4 with both results: pass/pass, fail/fail, pass/fail,
   * pass/pass); claims-quality 2 (both pass/pass).
   */
  private static List<Map<String, AttributeValue>> sample() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> header = new HashMap<>();
    header.put("pk", s("SAMPLE#2026-10"));
    header.put("sk", s("SAMPLE"));
    header.put("strata", AttributeValue.fromL(List.of(stratum("sales", "TPE-01", 5000, 59, "ASSURANCE"),
        stratum("sales", "KHH-02", 3, 3, "CENSUS"), stratum("claims", "TPE-01", 200, 51, "ASSURANCE"))));
    items.add(header);
    for (int i = 0; i < 59; i++) {
      items.add(task("S-TPE-" + i, "sales", "TPE-01", "sales-quality", i < 2 ? "fail" : "pass"));
    }
    items.add(task("S-KHH-0", "sales", "KHH-02", "sales-quality", "fail"));
    items.add(task("S-KHH-1", "sales", "KHH-02", "sales-quality", "pass"));
    items.add(task("S-KHH-2", "sales", "KHH-02", "sales-quality", "pass"));
    for (int i = 0; i < 51; i++) {
      items.add(task("C-TPE-" + i, "claims", "TPE-01", "claims-quality", i == 0 ? null : "pass"));
    }
    doubleScore(items, "S-TPE-10", "pass");
    doubleScore(items, "S-TPE-0", "fail");
    doubleScore(items, "S-TPE-11", "fail");
    doubleScore(items, "S-KHH-1", "pass");
    doubleScore(items, "S-TPE-12", null);
    doubleScore(items, "C-TPE-1", "pass");
    doubleScore(items, "C-TPE-2", "pass");
    return items;
  }

  @Test
  void aCompanyReportStatesEachStratumsUpperDeviationLimitAndEachTeamsAgreement() {
    SampleAssurance assurance = SampleAssurances.assuranceOf("2026-10", sample(), ReportScope.company()).orElseThrow();

    assertEquals(List.of(
        new StratumStatement("sales", "TPE-01", null, 5000, 59, 59, 2, "2 deviations in 59: at most 10.3% at 95%"),
        new StratumStatement("sales", "KHH-02", null, 3, 3, 3, 1, "1 deviation in 3 (all): exactly 33.3%"),
        new StratumStatement("claims", "TPE-01", null, 200, 51, 50, 0, null)), assurance.strata(),
        "no statement while one of the 51 lacks its result");
    assertEquals(List.of(
        new TeamAgreement("claims-quality", 2, 2, null, List.of()),
        // p_o = 3/4; pass rates 3/4 and 2/4, so p_e = 3/8 + 1/8 = 1/2 and kappa = (3/4 - 1/2) / (1/2)
        new TeamAgreement("sales-quality", 4, 3, 0.5, List.of("INS-S-TPE-11"))), assurance.agreement());
    assertEquals(75.0, assurance.agreement().get(1).percentAgreement());
  }

  @Test
  void adHocTasksInAStratumLeaveItsDeviationLimitAsTheDrawMadeIt() {
    List<Map<String, AttributeValue>> items = sample();
    Map<String, AttributeValue> adhoc = task("S-KHH-9", "sales", "KHH-02", "sales-quality", "fail");
    adhoc.put("adhoc", AttributeValue.fromM(Map.of("orderId", s("ADHOC-1"), "reason", s("complaint trend"))));
    items.add(adhoc);

    SampleAssurance assurance = SampleAssurances.assuranceOf("2026-10", items, ReportScope.branch("KHH-02"))
        .orElseThrow();

    assertEquals(List.of(new StratumStatement("sales", "KHH-02", null, 3, 3, 3, 1,
        "1 deviation in 3 (all): exactly 33.3%")), assurance.strata());
  }

  @Test
  void aBranchReportStatesItsOwnStrataAndNoTeam() {
    SampleAssurance assurance = SampleAssurances.assuranceOf("2026-10", sample(), ReportScope.branch("KHH-02"))
        .orElseThrow();

    assertEquals(List.of(new StratumStatement("sales", "KHH-02", null, 3, 3, 3, 1,
        "1 deviation in 3 (all): exactly 33.3%")), assurance.strata());
    assertEquals(List.of(), assurance.agreement());
  }

  /** AG-R1 at TPE-01 and KHH-02, AG-R2 at KHH-02 only, UW-R3 at TPE-01 only, as the month's run stored them. */
  private static List<Map<String, AttributeValue>> sampleWithRepeatViolators() {
    List<Map<String, AttributeValue>> items = new ArrayList<>(sample());
    Map<String, AttributeValue> list = new HashMap<>();
    list.put("pk", s("SAMPLE#2026-10"));
    list.put("sk", s("REPEAT_VIOLATORS"));
    list.put("violators", AttributeValue.fromL(List.of(violator("AG-R1", "sales", 3, "KHH-02", "TPE-01"),
        violator("AG-R2", "sales", 2, "KHH-02"), violator("UW-R3", "underwriting", 2, "TPE-01"))));
    items.add(list);
    return items;
  }

  @Test
  void aCompanyReportListsEveryRepeatViolatorOfTheMonth() {
    SampleAssurance assurance = SampleAssurances.assuranceOf("2026-10", sampleWithRepeatViolators(),
        ReportScope.company()).orElseThrow();

    assertEquals(List.of(new RepeatViolator("AG-R1", "sales", List.of("KHH-02", "TPE-01"), 3),
        new RepeatViolator("AG-R2", "sales", List.of("KHH-02"), 2),
        new RepeatViolator("UW-R3", "underwriting", List.of("TPE-01"), 2)), assurance.repeatViolators());
  }

  @Test
  void aBranchReportListsOnlyTheRepeatViolatorsWithAViolationAtTheBranchAndNamesNoOtherBranch() {
    SampleAssurance assurance = SampleAssurances.assuranceOf("2026-10", sampleWithRepeatViolators(),
        ReportScope.branch("TPE-01")).orElseThrow();

    assertEquals(List.of(new RepeatViolator("AG-R1", "sales", List.of("TPE-01"), 3),
        new RepeatViolator("UW-R3", "underwriting", List.of("TPE-01"), 2)), assurance.repeatViolators());
  }

  @Test
  void aSampleWithoutAStoredListNamesNoRepeatViolator() {
    assertEquals(List.of(), SampleAssurances.assuranceOf("2026-10", sample(), ReportScope.company()).orElseThrow()
        .repeatViolators());
  }

  @Test
  void aPeriodWithoutASampleStatesNothing() {
    assertEquals(Optional.empty(), SampleAssurances.assuranceOf("2026-10", List.of(), ReportScope.company()));
  }

  @Test
  void aMonthsReportCoversItsMonthsSampleAndTheWeeksEndingInIt() {
    assertEquals(List.of("2026-10", "2026-W40", "2026-W41", "2026-W42", "2026-W43"),
        SampleAssurances.samplesEndingWithin(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")).stream()
            .map(Period::toString).toList());
  }

  private static AttributeValue stratum(String type, String branch, int population, int size, String rule) {
    return AttributeValue.fromM(Map.of("recordType", s(type), "branch", s(branch), "population", n(population),
        "size", n(size), "rule", s(rule), "minimum", n(size), "confidence", AttributeValue.fromN("0.95"),
        "tolerableDeviationRate", AttributeValue.fromN("0.05"), "expectedDeviationRate", AttributeValue.fromN("0.0")));
  }

  /** A task as the sampling function stores it; its record's product line is kept though sales are not stratified. */
  private static Map<String, AttributeValue> task(String record, String type, String branch, String team,
      String verdict) {
    Map<String, AttributeValue> task = new HashMap<>();
    task.put("pk", s("SAMPLE#2026-10"));
    task.put("sk", s("TASK#INS-" + record));
    task.put("taskId", s("INS-" + record));
    task.put("inspectedRecordType", s(type));
    task.put("branchCode", s(branch));
    task.put("productLine", s("life"));
    task.put("team", s(team));
    if (verdict != null) {
      task.put("verdict", s(verdict));
    }
    return task;
  }

  private static void doubleScore(List<Map<String, AttributeValue>> items, String record, String secondVerdict) {
    Map<String, AttributeValue> task = items.stream().filter(item -> item.get("sk").s().equals("TASK#INS-" + record))
        .findFirst().orElseThrow();
    task.put("secondInspectorId", s("QA-2"));
    if (secondVerdict != null) {
      task.put("secondVerdict", s(secondVerdict));
    }
  }

  private static AttributeValue violator(String staffId, String department, int violations, String... branches) {
    return AttributeValue.fromM(Map.of("staffId", s(staffId), "department", s(department),
        "branches", AttributeValue.fromL(java.util.Arrays.stream(branches).map(SampleAssurancesTest::s).toList()),
        "violations", n(violations)));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
