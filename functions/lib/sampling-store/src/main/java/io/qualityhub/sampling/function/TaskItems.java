package io.qualityhub.sampling.function;

import static io.qualityhub.sampling.function.SampleStore.s;

import io.qualityhub.sampling.domain.AdhocRequest;
import io.qualityhub.sampling.domain.Assignment;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RecordKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An inspection task as a table item. The inclusion probability is stored with {@link Double#toString}, which
 * reads back to the same double, so verification compares it bit for bit. Ids and codes only: no record content.
 */
final class TaskItems {

  /** Not {@code inspectorId}, which a result records: who reported it, the first or the second inspector. */
  static final String ASSIGNED_INSPECTOR = "assignedInspectorId";
  /** The ad-hoc order a task came from ({@code orderId}, {@code reason}, {@code requestedBy}, {@code requestedOn}). */
  static final String ADHOC = "adhoc";

  private TaskItems() {}

  static Map<String, AttributeValue> toItem(InspectionTask task) {
    Map<String, AttributeValue> item = SampleStore.key(SampleStore.samplePk(task.period()),
        SampleStore.TASK_SK_PREFIX + task.taskId());
    item.put("taskId", s(task.taskId()));
    item.put("period", s(task.period().toString()));
    item.put("recordType", s("inspections"));
    item.put("inspectedRecordType", s(task.recordType()));
    item.put("branchCode", s(task.branch()));
    item.put("recordId", s(task.record().recordId()));
    if (task.productLine() != null) {
      item.put("productLine", s(task.productLine()));
    }
    item.put("team", s(task.team()));
    item.put("reasons", AttributeValue.fromL(task.reasons().stream().map(AttributeValue::fromS).toList()));
    item.put("inclusionProbability", AttributeValue.fromN(Double.toString(task.inclusionProbability())));
    item.put("dueOn", s(task.dueOn().toString()));
    item.put("status", s("open"));
    if (task.assignment().assigned()) {
      item.put(ASSIGNED_INSPECTOR, s(task.assignment().inspectorId()));
    } else {
      item.put("unassigned", AttributeValue.fromBool(true));
    }
    if (task.assignment().doubleScored()) {
      item.put("secondInspectorId", s(task.assignment().secondInspectorId()));
    }
    if (task.isAdhoc()) {
      item.put(ADHOC, AttributeValue.fromM(Map.of("orderId", s(task.adhoc().orderId()),
          "reason", s(task.adhoc().reason()), "requestedBy", s(task.adhoc().requestedBy()),
          "requestedOn", s(task.adhoc().requestedOn().toString()))));
    }
    return item;
  }

  static InspectionTask fromItem(Map<String, AttributeValue> item) {
    Period period = Period.parse(item.get("period").s());
    RecordKey record = new RecordKey(item.get("inspectedRecordType").s(), item.get("branchCode").s(),
        item.get("recordId").s());
    List<String> reasons = item.get("reasons").l().stream().map(AttributeValue::s).toList();
    return new InspectionTask(item.get("taskId").s(), period, record,
        item.containsKey("productLine") ? item.get("productLine").s() : null, item.get("team").s(), reasons,
        Double.parseDouble(item.get("inclusionProbability").n()), LocalDate.parse(item.get("dueOn").s()),
        item.containsKey(ASSIGNED_INSPECTOR) ? new Assignment(item.get(ASSIGNED_INSPECTOR).s(),
            item.containsKey("secondInspectorId") ? item.get("secondInspectorId").s() : null)
            : Assignment.UNASSIGNED,
        item.containsKey(ADHOC) ? adhoc(item.get(ADHOC).m()) : null);
  }

  private static AdhocRequest adhoc(Map<String, AttributeValue> adhoc) {
    return new AdhocRequest(adhoc.get("orderId").s(), adhoc.get("reason").s(), adhoc.get("requestedBy").s(),
        LocalDate.parse(adhoc.get("requestedOn").s()));
  }
}
