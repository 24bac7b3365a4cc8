package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.InspectionFact;
import io.qualityhub.reports.aggregate.InspectionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FindingsReaderTest {

  private static final Map<String, FindingsReader.InspectedRecord> TASKS = Map.of(
      "INS-2026-11-0000000000000001", new FindingsReader.InspectedRecord("TPE-01", "sales"),
      "INS-2026-11-0000000000000002", new FindingsReader.InspectedRecord("KHH-02", "claims"),
      "INS-2026-11-0000000000000003", new FindingsReader.InspectedRecord("TXG-03", "followups"));

  @Test
  void aPassAndAFailCountForTheInspectedBranchesAndAnUnknownInspectionForNone() {
    List<Fact> facts = read(List.of(
        row("INS-2026-11-0000000000000001", "pass", null, null, null),
        row("INS-2026-11-0000000000000002", "fail", "2026-12-01", null, null),
        row("INS-2026-11-ffffffffffffffff", "fail", "2026-12-01", null, null)));

    assertEquals(List.of(
        new InspectionFact("TPE-01", InspectionType.SALES_RECORDING, true),
        new InspectionFact("KHH-02", InspectionType.CLAIM_FILE, false)), facts,
        "the fail's corrective action is counted from the action index, not from the file");
  }

  @Test
  void aFollowUpInspectionGivesNoFactForReportsHaveNoFollowUpInspectionType() {
    assertEquals(List.of(),
        read(List.<String[]>of(row("INS-2026-11-0000000000000003", "fail", "2026-12-01", "open", null))));
  }

  @Test
  void tasksAreLookedUpAHundredAtATimeAndEveryRowCountsOnce() {
    Map<String, FindingsReader.InspectedRecord> tasks = new HashMap<>();
    List<String[]> rows = new ArrayList<>();
    IntStream.range(0, 250).forEach(i -> {
      String id = String.format("INS-2026-11-%016x", i);
      tasks.put(id, new FindingsReader.InspectedRecord("B-" + (i % 3), "underwriting"));
      rows.add(row(id, i % 5 == 0 ? "fail" : "pass", "2026-12-01", null, null));
    });
    List<Integer> lookups = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    FindingsReader reader = new FindingsReader(ids -> {
      lookups.add(ids.size());
      Map<String, FindingsReader.InspectedRecord> found = new HashMap<>(tasks);
      found.keySet().retainAll(ids);
      return found;
    }, facts::add);
    rows.forEach(reader::accept);
    reader.finish();

    assertEquals(List.of(100, 100, 50), lookups);
    assertEquals(250, facts.stream().filter(InspectionFact.class::isInstance).count());
    assertEquals(200, facts.stream().filter(fact -> fact instanceof InspectionFact inspection && inspection.passed()).count());
    assertEquals(250, facts.size(), "one inspection fact per row and nothing else");
  }

  @Test
  void aTaskIdNamesItsSamplePartitionAndOtherIdsNameNone() {
    assertEquals(Optional.of(Map.of("pk", AttributeValue.fromS("SAMPLE#2026-11"),
            "sk", AttributeValue.fromS("TASK#INS-2026-11-5f0c1a2b3c4d5e6f"))),
        SampledTasks.keyOf("INS-2026-11-5f0c1a2b3c4d5e6f"));
    assertEquals("SAMPLE#2026-W47", SampledTasks.keyOf("INS-2026-W47-5f0c1a2b3c4d5e6f").orElseThrow().get("pk").s());
    assertEquals(Optional.empty(), SampledTasks.keyOf("INS-2611-0101"));
    assertEquals(Optional.empty(), SampledTasks.keyOf("INS-2026-11-5F0C1A2B3C4D5E6F-x"));
  }

  private static List<Fact> read(List<String[]> rows) {
    List<Fact> facts = new ArrayList<>();
    FindingsReader reader = new FindingsReader(ids -> {
      Map<String, FindingsReader.InspectedRecord> found = new HashMap<>(TASKS);
      found.keySet().retainAll(ids);
      return found;
    }, facts::add);
    rows.forEach(reader::accept);
    reader.finish();
    return facts;
  }

  /** An accepted findings row as the scanner hands it over; free-text columns hold values the reader must ignore. */
  private static String[] row(String inspectionId, String result, String dueOn, String status, String closedOn) {
    RecordType type = RecordType.FINDINGS;
    String[] values = new String[type.columns().size()];
    values[type.indexOf("inspection_id")] = inspectionId;
    values[type.indexOf("inspector_id")] = "QA-01";
    values[type.indexOf("inspected_on")] = "2026-11-16";
    values[type.indexOf("result")] = result;
    if ("fail".equals(result)) {
      values[type.indexOf("severity")] = "major";
      values[type.indexOf("finding")] = "告知不完整";
      values[type.indexOf("corrective_action")] = "重新告知";
      values[type.indexOf("action_owner")] = "TPE-01 主管";
      values[type.indexOf("action_due_on")] = dueOn;
      values[type.indexOf("action_status")] = status;
      values[type.indexOf("action_closed_on")] = closedOn;
    }
    return values;
  }
}
