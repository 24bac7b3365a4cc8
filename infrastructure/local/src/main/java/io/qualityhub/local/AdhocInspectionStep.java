package io.qualityhub.local;

import io.qualityhub.core.store.ItemSeal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.sampling.domain.AdhocOrder;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import io.qualityhub.sampling.domain.RecordKey;
import io.qualityhub.sampling.function.AdhocOutcome;
import io.qualityhub.sampling.function.SampleStore;
import io.qualityhub.sampling.function.SamplingWiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ad-hoc inspection (policy II.2.2) as the quality department orders it with {@code qualityhub sample adhoc}: two
 * of TPE-01's sales of the month (with other data, two records of the first stratum drawn), picked under the month's
 * secret after a complaint. Its tasks join the month's task
 * lists (rewritten into {@code OUT/samples/<period>/}) marked {@code adhoc Y}, and the order goes on the audit trail;
 * {@code summary.json} gets {@code samples.<period>.adhocOrders}. Runs after the draw, so the tasks are balanced with
 * the drawn ones.
 */
final class AdhocInspectionStep implements DemoStep {

  static final String BRANCH = "TPE-01";
  static final String REASON = "示範：客訴 CMP-DEMO-1 疑似誤導銷售";

  @Override
  public String name() {
    return "ad-hoc inspection";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    LocalDeployment local = context.local();
    Period period = Period.containing(context.asOf(), PeriodType.MONTHLY);
    // TPE-01's sales when the data has them drawn (the packaged data), else the first stratum drawn (other --data).
    List<RecordKey> drawn = new SampleStore(local.clients().dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", 
        local.settingsOf("SamplingFunction"), local.clients()), refused -> { throw refused; }).tasks(period).stream()
        .map(SampleStore.StoredTask::task).filter(task -> !task.isAdhoc()).map(InspectionTask::record).sorted().toList();
    if (drawn.isEmpty()) {
      context.out().println("  No record drawn in " + period + ", so no ad-hoc order either.");
      return;
    }
    RecordKey target = drawn.stream().filter(record -> record.branch().equals(BRANCH)
        && record.recordType().equals("sales")).findFirst().orElse(drawn.getFirst());
    AdhocOrder order = new AdhocOrder(period, target.branch(), target.recordType(), REASON,
        CliAudit.principal(local).who(), context.asOf(), 2, List.of());
    AdhocOutcome outcome = SamplingWiring.adhocOrders(local.settingsOf("SamplingFunction"),
        local.clientsFor("SamplingFunction"), refused -> { throw refused; },
        (unassignedPeriod, roster, tasks) -> context.out().println("  WARNING: " + tasks.size()
            + " ad-hoc tasks have no eligible inspector")).order(order);
    if (!outcome.orderedBefore()) {
      SampleCommand.audit(local, order, outcome);
    }
    Path dir = context.outDir().resolve("samples").resolve(period.toString());
    Files.createDirectories(dir);
    String bucket = local.physicalId("IntakeBucket");
    for (String key : outcome.taskLists()) {
      Files.write(dir.resolve(key.substring(key.lastIndexOf('/') + 1)),
          local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
    }
    context.out().printf("  Ad-hoc order %s: %d %s tasks at %s (%s), on the audit trail%n", outcome.orderId(),
        outcome.tasks().size(), order.recordType(), order.branch(), outcome.tasks().stream().map(task -> task.record().recordId() + " to "
            + task.assignment().inspectorId()).collect(Collectors.joining(", ")));
    ArrayNode orders = object(object(context.summary(), "samples"), period.toString()).putArray("adhocOrders");
    ObjectNode node = orders.addObject();
    node.put("orderId", outcome.orderId());
    node.put("branch", order.branch());
    node.put("recordType", order.recordType());
    node.put("reason", REASON);
    ArrayNode tasks = node.putArray("tasks");
    for (InspectionTask task : outcome.tasks()) {
      ObjectNode row = tasks.addObject();
      row.put("taskId", task.taskId());
      row.put("recordId", task.record().recordId());
      row.put("inspectorId", task.assignment().inspectorId());
      row.put("secondInspectorId", task.assignment().secondInspectorId());
      row.put("dueOn", task.dueOn().toString());
    }
  }

  private static ObjectNode object(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }
}
