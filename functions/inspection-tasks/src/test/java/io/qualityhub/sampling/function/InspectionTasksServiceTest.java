package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.sampling.domain.AdhocRequest;
import io.qualityhub.sampling.domain.Assignment;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RecordKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectionTasksServiceTest {

  private static final Period NOVEMBER = Period.parse("2026-11");
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final Map<String, String> QUALITY = Map.of("sub", "u-1", "cognito:username", "qa-chen",
      "cognito:groups", "[quality]", "exp", "1796097600");
  private static final InspectionTask DRAWN = new InspectionTask("INS-2026-11-00000000000000b2", NOVEMBER,
      new RecordKey("claims", "TPE-01", "CLM-2026-0001"), "auto", "team-north", List.of("random"), 0.25,
      LocalDate.parse("2026-12-15"), Assignment.UNASSIGNED);
  private static final InspectionTask ORDERED = new InspectionTask("INS-2026-11-00000000000000a1", NOVEMBER,
      new RecordKey("complaints", "KHH-02", "CMP-2026-0042"), "health", "team-south", List.of("adhoc"), 1.0,
      LocalDate.parse("2026-12-10"), Assignment.UNASSIGNED,
      new AdhocRequest("ADHOC-7", "customer called twice", "qa-lin", LocalDate.parse("2026-11-28")));

  private final InspectionTasksService service = new InspectionTasksService(period -> period.equals(NOVEMBER)
      ? Optional.of(new InspectionTasksService.DrawnSample("plan-v3", 480, List.of(ORDERED, DRAWN)))
      : Optional.empty());

  @Test
  void theQualityDepartmentSeesThePeriodsTasksByTeamWithoutCustomerData() {
    Map<String, Object> drawn = new LinkedHashMap<>();
    drawn.put("task", "INS-2026-11-00000000000000b2");
    drawn.put("team", "team-north");
    drawn.put("recordType", "claims");
    drawn.put("branch", "TPE-01");
    drawn.put("record", "CLM-2026-0001");
    drawn.put("reasons", List.of("random"));
    drawn.put("dueOn", "2026-12-15");
    drawn.put("adhoc", false);
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("task", "INS-2026-11-00000000000000a1");
    ordered.put("team", "team-south");
    ordered.put("recordType", "complaints");
    ordered.put("branch", "KHH-02");
    ordered.put("record", "CMP-2026-0042");
    ordered.put("reasons", List.of("adhoc"));
    ordered.put("dueOn", "2026-12-10");
    ordered.put("adhoc", true);
    ordered.put("adhocReason", "customer called twice");
    ordered.put("requestedBy", "qa-lin");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", "2026-11");
    body.put("planVersion", "plan-v3");
    body.put("populationSize", 480);
    body.put("tasks", List.of(drawn, ordered));

    assertEquals(new InspectionTasksService.Answer(200, body), service.list(QUALITY, "2026-11", NOW));
  }

  @Test
  void eachRefusalSaysWhatWasWrong() {
    assertEquals(InspectionTasksService.Answer.refused(401, "no valid sign-in; sign in again"),
        service.list(Map.of(), "2026-11", NOW));
    assertEquals(InspectionTasksService.Answer.refused(401, "no valid sign-in; sign in again"),
        service.list(Map.of("sub", "u-1", "cognito:groups", "[quality]", "exp", "1764554400"), "2026-11", NOW),
        "a token that expired at 2025-12-01T02:00:00Z");
    assertEquals(InspectionTasksService.Answer.refused(403, "inspection samples are for the quality department"),
        service.list(Map.of("sub", "u-2", "cognito:groups", "[branch-manager:TPE-01]"), "2026-11", NOW));
    assertEquals(InspectionTasksService.Answer.refused(400, "period 'November' is not a month (2026-11) or a week (2026-W47)"),
        service.list(QUALITY, "November", NOW));
    assertEquals(InspectionTasksService.Answer.refused(404, "no sample drawn for 2026-10 yet"),
        service.list(QUALITY, "2026-10", NOW));
  }
}
