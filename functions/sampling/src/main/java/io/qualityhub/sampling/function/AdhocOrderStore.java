package io.qualityhub.sampling.function;

import static io.qualityhub.sampling.function.SampleStore.n;
import static io.qualityhub.sampling.function.SampleStore.s;

import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.sampling.domain.AdhocOrder;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Roster;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Ad-hoc orders in their period's sample partition ({@code SAMPLE#<period>}), one sealed item each under
 * {@code ADHOC#<orderId>}, put only if absent: the same order given twice is stored once. Outside the {@code TASK#}
 * keys, so the period's tasks query never mistakes an order for a task. An order whose seal fails is counted and
 * left out, like a task.
 */
public final class AdhocOrderStore {

  static final String ORDER_SK_PREFIX = "ADHOC#";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;
  private final IntegrityFailures refused;

  public AdhocOrderStore(DynamoDbClient dynamoDb, ItemSeal seal, IntegrityFailures refused) {
    this.dynamoDb = dynamoDb;
    this.table = seal.table();
    this.seal = seal;
    this.refused = refused;
  }

  /** @return false when the order was stored before */
  public boolean putIfAbsent(AdhocOrderRecord stored) {
    AdhocOrder order = stored.order();
    Map<String, AttributeValue> item = SampleStore.key(SampleStore.samplePk(order.period()),
        ORDER_SK_PREFIX + order.orderId());
    item.put("orderId", s(order.orderId()));
    item.put("period", s(order.period().toString()));
    item.put("branchCode", s(order.branch()));
    item.put("inspectedRecordType", s(order.recordType()));
    item.put("reason", s(order.reason()));
    item.put("requestedBy", s(order.requestedBy()));
    item.put("requestedOn", s(order.requestedOn().toString()));
    item.put("count", n(order.count()));
    item.put("recordIds", AttributeValue.fromL(order.recordIds().stream().map(AttributeValue::fromS).toList()));
    item.put("planVersion", s(stored.planVersion()));
    item.put("planJson", s(stored.planJson()));
    if (stored.planOverrideJson() != null) {
      item.put("planOverrideJson", s(stored.planOverrideJson()));
    }
    if (stored.roster().uploaded()) {
      item.put("rosterDate", s(stored.roster().businessDate().toString()));
      item.put("roster", AttributeValue.fromL(stored.roster().inspectors().stream().map(SampleStore::inspector)
          .toList()));
    }
    Map<String, AttributeValue> held = new HashMap<>();
    stored.alreadyAssigned().forEach((inspector, tasks) -> held.put(inspector, n(tasks)));
    item.put("alreadyAssigned", AttributeValue.fromM(held));
    item.put("taskIds", AttributeValue.fromL(stored.taskIds().stream().map(AttributeValue::fromS).toList()));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item))
          .conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  public Optional<AdhocOrderRecord> get(Period period, String orderId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(SampleStore.key(SampleStore.samplePk(period), ORDER_SK_PREFIX + orderId))).item();
    if (item == null || item.isEmpty() || !seal.accepts(item, refused)) {
      return Optional.empty();
    }
    return Optional.of(fromItem(period, item));
  }

  /** The period's orders, in order id order. */
  public List<AdhocOrderRecord> orders(Period period) {
    List<AdhocOrderRecord> orders = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = dynamoDb.query(request -> {
        request.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :order)")
            .expressionAttributeValues(Map.of(":pk", s(SampleStore.samplePk(period)), ":order", s(ORDER_SK_PREFIX)));
        if (exclusiveStart != null) {
          request.exclusiveStartKey(exclusiveStart);
        }
      });
      for (Map<String, AttributeValue> item : page.items()) {
        if (seal.accepts(item, refused)) {
          orders.add(fromItem(period, item));
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return orders;
  }

  private static AdhocOrderRecord fromItem(Period period, Map<String, AttributeValue> item) {
    AdhocOrder order = new AdhocOrder(period, item.get("branchCode").s(), item.get("inspectedRecordType").s(),
        item.get("reason").s(), item.get("requestedBy").s(), LocalDate.parse(item.get("requestedOn").s()),
        Integer.parseInt(item.get("count").n()), item.get("recordIds").l().stream().map(AttributeValue::s).toList());
    Roster roster = item.containsKey("rosterDate") ? new Roster(LocalDate.parse(item.get("rosterDate").s()),
        item.get("roster").l().stream().map(SampleStore::inspector).toList()) : Roster.NONE;
    Map<String, Integer> held = new TreeMap<>();
    item.get("alreadyAssigned").m().forEach((inspector, tasks) -> held.put(inspector, Integer.parseInt(tasks.n())));
    return new AdhocOrderRecord(order, item.get("planVersion").s(), item.get("planJson").s(),
        item.containsKey("planOverrideJson") ? item.get("planOverrideJson").s() : null, roster, held,
        item.get("taskIds").l().stream().map(AttributeValue::s).toList());
  }
}
