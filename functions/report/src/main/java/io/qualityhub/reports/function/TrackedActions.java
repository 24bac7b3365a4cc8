package io.qualityhub.reports.function;

import io.qualityhub.core.format.Verdict;
import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.core.store.ActionIndex;
import io.qualityhub.reports.aggregate.CorrectiveActionFact;
import io.qualityhub.reports.report.CorrectiveActionItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The corrective actions as the findings function keeps them, with their latest status: read from the records
 * table's {@link ActionIndex}, one query per branch, never a record; then the action items the entries point at,
 * each used only when its seal holds ({@link SealedItems}). No attribute of an action is sensitive.
 */
final class TrackedActions {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final SealedItems sealed;

  TrackedActions(DynamoDbClient dynamoDb, String table, SealedItems sealed) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.sealed = sealed;
  }

  /**
   * The branch's actions raised by inspections of {@code inspectedRecordTypes} that were open on some day of
   * [from, toInclusive].
   */
  List<CorrectiveActionItem> openDuring(String branch, Set<String> inspectedRecordTypes, LocalDate from,
      LocalDate toInclusive) {
    List<CorrectiveActionItem> actions = new ArrayList<>();
    if (inspectedRecordTypes.isEmpty()) {
      return actions;
    }
    query(branch, "#raisedOn <= :to", Map.of(":to", AttributeValue.fromS(toInclusive.toString()))).forEach(item -> {
      if (inspectedRecordTypes.contains(item.get("inspected_record_type").s())) {
        CorrectiveActionItem action = itemOf(item);
        if (action.openDuring(from, toInclusive)) {
          actions.add(action);
        }
      }
    });
    return actions;
  }

  /**
   * The branch's actions raised by inspections on a day of [from, toInclusive], whatever their status now, each with
   * the day it was raised on.
   */
  List<Raised> raisedBetween(String branch, LocalDate from, LocalDate toInclusive) {
    List<Raised> actions = new ArrayList<>();
    query(branch, "#raisedOn BETWEEN :from AND :to", Map.of(":from", AttributeValue.fromS(from.toString()),
        ":to", AttributeValue.fromS(toInclusive.toString()))).forEach(item -> actions.add(raisedOf(item)));
    return actions;
  }

  /** An action as the aggregates count it, and the day it was raised on, which is the day it counts on. */
  record Raised(LocalDate raisedOn, CorrectiveActionFact fact) {
  }

  /** Reads an action item for the aggregates: its status, with its effectiveness checks passed and failed. */
  static Raised raisedOf(Map<String, AttributeValue> item) {
    CorrectiveActionItem action = itemOf(item);
    AttributeValue checkVerdict = item.get("check_verdict");
    AttributeValue checksFailed = item.get("checks_failed");
    return new Raised(action.raisedOn(), new CorrectiveActionFact(action.branch(), action.status(), action.dueOn(),
        action.closedOn(), action.checkDueOn(),
        checkVerdict != null && Verdict.PASS.wireName().equals(checkVerdict.s()) ? 1 : 0,
        checksFailed == null ? 0 : Integer.parseInt(checksFailed.n())));
  }

  private List<Map<String, AttributeValue>> query(String branch, String raisedOnCondition,
      Map<String, AttributeValue> raisedOnValues) {
    Map<String, AttributeValue> values = new HashMap<>(raisedOnValues);
    values.put(":branch", AttributeValue.fromS(branch));
    QueryRequest query = QueryRequest.builder().tableName(table).indexName(ActionIndex.NAME)
        .keyConditionExpression("#branch = :branch AND " + raisedOnCondition)
        .expressionAttributeNames(Map.of("#branch", ActionIndex.BRANCH, "#raisedOn", ActionIndex.RAISED_ON))
        .expressionAttributeValues(values)
        .build();
    List<Map<String, AttributeValue>> entries = new ArrayList<>();
    dynamoDb.queryPaginator(query).items().forEach(entries::add);
    return sealed.behind(entries);
  }

  /**
   * Reads an action item in the findings function's shape. A missing {@code action_status} means open; a closed
   * action without {@code action_closed_on} counts as closed on the business date of the findings file that said so
   * ({@code versionMillis}), the latest day it can have been closed. A done action's pending effectiveness check
   * ({@code check_id} without {@code check_verdict}) gives its due day.
   */
  static CorrectiveActionItem itemOf(Map<String, AttributeValue> item) {
    AttributeValue statusValue = item.get("action_status");
    ActionStatus status = statusValue == null ? ActionStatus.OPEN
        : ActionStatus.fromWire(statusValue.s());
    AttributeValue closedOn = item.get("action_closed_on");
    LocalDate closed = status == ActionStatus.OPEN ? null
        : closedOn != null ? LocalDate.parse(closedOn.s())
        : LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(item.get("versionMillis").n())), ZoneOffset.UTC);
    return new CorrectiveActionItem(item.get(ActionIndex.BRANCH).s(), item.get("inspection_id").s(),
        item.get("severity").s(), CorrectiveActionItem.printableOwner(item.get("action_owner").s()),
        LocalDate.parse(item.get(ActionIndex.RAISED_ON).s()), LocalDate.parse(item.get("action_due_on").s()),
        status, closed, status == ActionStatus.DONE && item.containsKey("check_id") && !item.containsKey("check_verdict")
            ? LocalDate.parse(item.get("check_due_on").s()) : null);
  }
}
