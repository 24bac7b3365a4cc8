package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.core.format.FindingSeverity;
import io.qualityhub.core.format.Verdict;
import io.qualityhub.sampling.domain.CorrectiveAction;
import io.qualityhub.sampling.domain.EffectivenessCheck;
import io.qualityhub.sampling.domain.InspectionResult;
import io.qualityhub.sampling.domain.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FindingsServiceTest {

  @Test
  void theRejectsReportHasIntakesColumnsAndExplainsEachReason() {
    String report = FindingsService.report(List.of(
        new FindingsResult.FindingReject(3, "INS-2611-0101", "UNKNOWN_INSPECTION"),
        new FindingsResult.FindingReject(7, "INS-2026-11-0123456789abcdef", "RESULT_CONFLICT")));

    assertEquals("line,column,reason,message\r\n"
        + "3,inspection_id,UNKNOWN_INSPECTION,\"inspection_id matches no inspection task; copy it from the team's"
        + " task list\"\r\n"
        + "7,inspection_id,RESULT_CONFLICT,\"the inspection already has the opposite result on record; a result is"
        + " recorded once, so ask the quality department's administrator to correct the stored result\"\r\n", report);
    assertEquals("rejects/QA/2026-11-23/findings-inspections.csv",
        FindingsService.rejectsKey(LocalDate.parse("2026-11-23")));
  }

  @Test
  void anActionIsStoredWithTheFormatsWireValues() {
    CorrectiveAction action = new CorrectiveAction("CA-2026-11-5f0c", "INS-2026-11-5f0c", "claims", "TPE-01",
        FindingSeverity.MAJOR, "OWN-1", LocalDate.parse("2026-12-20"), ActionStatus.DONE, Optional.empty(),
        Optional.of(new EffectivenessCheck("EC-2026-11-5f0c", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"),
            Optional.of(new InspectionResult("INSP-2", LocalDate.parse("2026-12-05"), Verdict.FAIL, FindingSeverity.MINOR)))),
        1);

    Map<String, AttributeValue> item = InspectionStore.actionItem(action,
        new InspectionResult("INSP-1", LocalDate.parse("2026-11-23"), Verdict.FAIL, FindingSeverity.MAJOR), "ROW#1", 1L);

    assertEquals(List.of("major", "done", "fail", "minor"), Stream.of("severity", "action_status", "check_verdict",
        "check_severity").map(name -> item.get(name).s()).toList());
  }

  @Test
  void aTaskIdNamesItsPeriodAndAnythingElseNamesNone() {
    assertEquals(Optional.of(Period.parse("2026-11")), InspectionStore.periodOf("INS-2026-11-5f0c1d2e3a4b5c6d"));
    assertEquals(Optional.of(Period.parse("2026-W47")), InspectionStore.periodOf("INS-2026-W47-5f0c1d2e3a4b5c6d"));
    assertEquals(Optional.empty(), InspectionStore.periodOf("INS-2611-0101"));
    assertEquals(Optional.empty(), InspectionStore.periodOf("CA-2026-11-5f0c1d2e3a4b5c6d"));
  }
}
