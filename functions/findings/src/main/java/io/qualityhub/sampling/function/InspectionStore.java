package io.qualityhub.sampling.function;

import static io.qualityhub.sampling.function.SampleStore.s;

import io.qualityhub.core.store.ActionIndex;
import io.qualityhub.core.store.InspectionIndex;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.intake.DeadlineItems;
import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.sampling.domain.CorrectiveAction;
import io.qualityhub.sampling.domain.EffectivenessCheck;
import io.qualityhub.core.format.FindingSeverity;
import io.qualityhub.sampling.domain.InspectionResult;
import io.qualityhub.sampling.domain.InspectionState;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.core.format.Verdict;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Inspection state in the records table: the result on the task item (which then carries the key of the branch's
 * {@link InspectionIndex}), the corrective action as a {@code STATE}
 * item under {@code ACTION#<branch>#<actionId>} in the shape the deadline monitor reads ({@link DeadlineItems}),
 * indexed for it like a claim ({@link DeadlineIndexer#withIndex}), with its effectiveness check ({@code check_*}). A
 * verified action leaves that index, but stays in the branch's {@link ActionIndex}, which special reports read.
 */
public final class InspectionStore {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DeadlineIndexer deadlines;
  private final SampleStore tasks;
  private final ItemSeal seal;
  private final IntegrityFailures refused;

  /**
   * @param seal    what task and action items must carry to be used, and what every write puts on them
   * @param refused where a task or action whose seal fails is counted; its inspection is then treated as unknown
   */
  public InspectionStore(DynamoDbClient dynamoDb, DeadlineIndexer deadlines, ItemSeal seal, IntegrityFailures refused) {
    this.dynamoDb = dynamoDb;
    this.table = seal.table();
    this.deadlines = deadlines;
    this.tasks = new SampleStore(dynamoDb, seal, refused);
    this.seal = seal;
    this.refused = refused;
  }

  /** The period a task id names ({@code INS-<period>-<hex>}), if it is shaped like one. */
  static Optional<Period> periodOf(String inspectionId) {
    int last = inspectionId.lastIndexOf('-');
    if (!inspectionId.startsWith("INS-") || last <= 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(Period.parse(inspectionId.substring(4, last)));
    } catch (IllegalArgumentException notAPeriod) {
      return Optional.empty();
    }
  }

  public static String actionPk(String branch, String actionId) {
    return DeadlineItems.ACTION_PK_PREFIX + branch + "#" + actionId;
  }

  /**
   * @param inspectionId a task's id, or an effectiveness check's ({@code EC-...}), which loads the inspection whose
   *                     action it checks
   */
  public Optional<InspectionState> load(String inspectionId) {
    if (EffectivenessCheck.isCheckId(inspectionId)) {
      return EffectivenessCheck.inspectionIdOf(inspectionId).flatMap(this::load);
    }
    Optional<Period> period = periodOf(inspectionId);
    if (period.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = get(SampleStore.samplePk(period.get()), SampleStore.TASK_SK_PREFIX + inspectionId);
    if (item.isEmpty() || !seal.accepts(item, refused)) {
      return Optional.empty();
    }
    InspectionTask task = TaskItems.fromItem(item);
    Optional<InspectionResult> second = Optional.ofNullable(item.get("secondVerdict")).map(verdict ->
        new InspectionResult(task.assignment().secondInspectorId(), LocalDate.parse(item.get("secondInspectedOn").s()),
            Verdict.fromWire(verdict.s()), null));
    if (!item.containsKey("verdict")) {
      return Optional.of(new InspectionState(task, Optional.empty(), Optional.empty(), second));
    }
    Verdict verdict = Verdict.fromWire(item.get("verdict").s());
    InspectionResult result = new InspectionResult(item.get("inspectorId").s(),
        LocalDate.parse(item.get("inspectedOn").s()), verdict,
        item.containsKey("severity") ? FindingSeverity.fromWire(item.get("severity").s()) : null);
    Optional<Map<String, AttributeValue>> actionItem = Optional.ofNullable(item.get("actionId"))
        .map(id -> get(actionPk(task.branch(), id.s()), ItemKeys.STATE_SK))
        .filter(stored -> !stored.isEmpty());
    if (actionItem.isPresent() && !seal.accepts(actionItem.get(), refused)) {
      return Optional.empty();
    }
    Optional<CorrectiveAction> action = actionItem.map(InspectionStore::action);
    return Optional.of(new InspectionState(task, Optional.of(result), action, second));
  }

  /**
   * Stores a changed state: the action first, then the task, so that a run stopped in between leaves the task as it
   * was and a redelivery applies the same finding again to the same result.
   *
   * @param sourceSk the key of the findings row the change came from, kept on the action for tracing
   */
  public void save(InspectionState state, String sourceSk, long versionMillis) {
    if (state.result().isEmpty()) {
      saveSecondResult(state);
      return;
    }
    InspectionResult result = state.result().get();
    state.action().ifPresent(action -> dynamoDb.putItem(request -> request.tableName(table)
        .item(seal.sealed(deadlines.withIndex(actionItem(action, result, sourceSk, versionMillis))))));
    boolean saved = tasks.updateSealed(SampleStore.samplePk(state.task().period()),
        SampleStore.TASK_SK_PREFIX + state.task().taskId(), task -> {
          task.put("status", s(state.status().name().toLowerCase(Locale.ROOT)));
          task.put("verdict", s(result.verdict().wireName()));
          task.put("inspectorId", s(result.inspectorId()));
          task.put(InspectionIndex.INSPECTED_ON, s(result.inspectedOn().toString()));
          task.put(InspectionIndex.BRANCH, s(state.task().branch()));
          if (result.severity() != null) {
            task.put("severity", s(result.severity().wireName()));
          }
          state.action().ifPresent(action -> task.put("actionId", s(action.actionId())));
          state.secondResult().ifPresent(second -> putSecondResult(task, second));
        });
    if (!saved) {
      throw new IllegalStateException("inspection task " + state.task().taskId() + " is gone or fails its seal since it"
          + " was read; the message will be retried");
    }
  }

  /** A double-scored task's second result, before the first inspector's is in: it leaves the task open. */
  private void saveSecondResult(InspectionState state) {
    InspectionResult second = state.secondResult().orElseThrow(() -> new IllegalArgumentException(
        "inspection " + state.task().taskId() + " has no result to store"));
    boolean saved = tasks.updateSealed(SampleStore.samplePk(state.task().period()),
        SampleStore.TASK_SK_PREFIX + state.task().taskId(), task -> putSecondResult(task, second));
    if (!saved) {
      throw new IllegalStateException("inspection task " + state.task().taskId() + " is gone or fails its seal since it"
          + " was read; the message will be retried");
    }
  }

  private static void putSecondResult(Map<String, AttributeValue> task, InspectionResult second) {
    task.put("secondVerdict", s(second.verdict().wireName()));
    task.put("secondInspectedOn", s(second.inspectedOn().toString()));
  }

  static Map<String, AttributeValue> actionItem(CorrectiveAction action, InspectionResult result, String sourceSk,
      long versionMillis) {
    Map<String, AttributeValue> item = SampleStore.key(actionPk(action.branch(), action.actionId()), ItemKeys.STATE_SK);
    item.put("recordType", s(DeadlineItems.ACTIONS));
    item.put("branchCode", s(action.branch()));
    item.put("action_id", s(action.actionId()));
    item.put("inspection_id", s(action.inspectionId()));
    item.put("inspected_record_type", s(action.recordType()));
    item.put("severity", s(action.severity().wireName()));
    item.put("action_owner", s(action.owner()));
    item.put("inspected_on", s(result.inspectedOn().toString()));
    item.put("action_due_on", s(action.dueOn().toString()));
    item.put("action_status", s(action.status().wireName()));
    action.closedOn().ifPresent(closed -> item.put("action_closed_on", s(closed.toString())));
    action.check().ifPresent(check -> {
      item.put("check_id", s(check.checkId()));
      item.put("check_scheduled_on", s(check.scheduledOn().toString()));
      item.put("check_due_on", s(check.dueOn().toString()));
      check.result().ifPresent(checked -> {
        item.put("check_verdict", s(checked.verdict().wireName()));
        item.put("check_inspector_id", s(checked.inspectorId()));
        item.put("check_inspected_on", s(checked.inspectedOn().toString()));
        if (checked.severity() != null) {
          item.put("check_severity", s(checked.severity().wireName()));
        }
      });
    });
    item.put("checks_failed", AttributeValue.fromN(Integer.toString(action.checksFailed())));
    item.put("sourceSk", s(sourceSk));
    item.put("versionMillis", AttributeValue.fromN(Long.toString(versionMillis)));
    ActionIndex.addKeys(item, action.branch(), result.inspectedOn());
    return item;
  }

  private static CorrectiveAction action(Map<String, AttributeValue> item) {
    return new CorrectiveAction(item.get("action_id").s(), item.get("inspection_id").s(),
        item.get("inspected_record_type").s(), item.get("branchCode").s(),
        FindingSeverity.fromWire(item.get("severity").s()), item.get("action_owner").s(),
        LocalDate.parse(item.get("action_due_on").s()),
        ActionStatus.fromWire(item.get("action_status").s()),
        Optional.ofNullable(item.get("action_closed_on")).map(value -> LocalDate.parse(value.s())),
        Optional.ofNullable(item.get("check_id")).map(id -> new EffectivenessCheck(id.s(),
            LocalDate.parse(item.get("check_scheduled_on").s()), LocalDate.parse(item.get("check_due_on").s()),
            Optional.ofNullable(item.get("check_verdict")).map(verdict -> new InspectionResult(
                item.get("check_inspector_id").s(), LocalDate.parse(item.get("check_inspected_on").s()),
                Verdict.fromWire(verdict.s()),
                item.containsKey("check_severity")
                    ? FindingSeverity.fromWire(item.get("check_severity").s()) : null)))),
        item.containsKey("checks_failed") ? Integer.parseInt(item.get("checks_failed").n()) : 0);
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(SampleStore.key(pk, sk))).item();
    return item == null ? Map.of() : item;
  }
}
