package io.qualityhub.sampling.function;

import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Inspector;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RepeatViolator;
import io.qualityhub.sampling.domain.RepeatViolators;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.core.format.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A period's sample in the records table: one partition {@code SAMPLE#<period>} holding the header ({@code sk}
 * {@code SAMPLE}), one item per task ({@code sk} {@code TASK#<taskId>}) and, for a month, its repeat violators
 * ({@code sk} {@code REPEAT_VIOLATORS}). Task ids name their period, so a
 * finding finds its task with one read, and the period's tasks are one query. Puts are conditional on absence,
 * so drawing a period again adds nothing. Every item is sealed ({@link ItemSeal}); a task whose seal fails is left out of
 * what is read (counted by {@code refused}), a header whose seal fails stops the run: the sample cannot be trusted.
 */
public final class SampleStore {

  static final String HEADER_SK = "SAMPLE";
  static final String TASK_SK_PREFIX = "TASK#";
  static final String QUEUED = "queued";
  static final String REPEAT_VIOLATORS_SK = "REPEAT_VIOLATORS";
  static final String FROZEN_KEY = "frozenPopulationKey";
  static final String FROZEN_VERSION = "frozenPopulationVersion";
  static final String FROZEN_SHA256 = "frozenPopulationSha256";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;
  private final IntegrityFailures refused;

  public SampleStore(DynamoDbClient dynamoDb, ItemSeal seal, IntegrityFailures refused) {
    this.dynamoDb = dynamoDb;
    this.table = seal.table();
    this.seal = seal;
    this.refused = refused;
  }

  public String table() {
    return table;
  }

  static String samplePk(Period period) {
    return "SAMPLE#" + period;
  }

  /** @return false when the period already has a header (it was drawn before) */
  public boolean putHeaderIfAbsent(SampleHeader header) {
    Map<String, AttributeValue> item = key(samplePk(header.period()), HEADER_SK);
    item.put("period", s(header.period().toString()));
    item.put("planVersion", s(header.planVersion()));
    item.put("populationFingerprint", s(header.populationFingerprint()));
    item.put("populationSize", n(header.populationSize()));
    item.put("selectedCount", n(header.selectedCount()));
    item.put("planJson", s(header.planJson()));
    if (header.planOverrideJson() != null) {
      item.put("planOverrideJson", s(header.planOverrideJson()));
    }
    item.put("strata", AttributeValue.fromL(header.strata().stream().map(StratumItems::toAttribute).toList()));
    if (header.roster().uploaded()) {
      item.put("rosterDate", s(header.roster().businessDate().toString()));
      item.put("roster", AttributeValue.fromL(header.roster().inspectors().stream().map(SampleStore::inspector)
          .toList()));
    }
    header.frozenPopulation().ifPresent(frozen -> {
      item.put(FROZEN_KEY, s(frozen.key()));
      item.put(FROZEN_VERSION, s(frozen.versionId()));
      item.put(FROZEN_SHA256, s(frozen.sha256()));
    });
    return putIfAbsent(item);
  }

  public Optional<SampleHeader> header(Period period) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(key(samplePk(period), HEADER_SK))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    try {
      seal.verify(item);
    } catch (TamperedValueException e) {
      refused.record(e);
      throw e;
    }
    return Optional.of(new SampleHeader(period, item.get("planVersion").s(), item.get("populationFingerprint").s(),
        Integer.parseInt(item.get("populationSize").n()), Integer.parseInt(item.get("selectedCount").n()),
        item.get("planJson").s(), item.containsKey("planOverrideJson") ? item.get("planOverrideJson").s() : null,
        item.containsKey("strata") ? item.get("strata").l().stream().map(StratumItems::fromAttribute).toList()
            : List.of(),
        item.containsKey("rosterDate") ? new Roster(LocalDate.parse(item.get("rosterDate").s()),
            item.get("roster").l().stream().map(SampleStore::inspector).toList()) : Roster.NONE,
        item.containsKey(FROZEN_KEY) ? Optional.of(new FrozenPopulationReference(item.get(FROZEN_KEY).s(),
            item.get(FROZEN_VERSION).s(), item.get(FROZEN_SHA256).s())) : Optional.empty()));
  }

  static AttributeValue inspector(Inspector inspector) {
    return AttributeValue.fromM(Map.of("inspectorId", s(inspector.inspectorId()),
        "homeBranch", s(inspector.homeBranch()), "team", s(inspector.team()), "capacity", n(inspector.capacity()),
        "active", AttributeValue.fromBool(inspector.active())));
  }

  static Inspector inspector(AttributeValue value) {
    Map<String, AttributeValue> map = value.m();
    return new Inspector(map.get("inspectorId").s(), map.get("homeBranch").s(), map.get("team").s(),
        Integer.parseInt(map.get("capacity").n()), map.get("active").bool());
  }

  /**
   * Stores, sealed, the month's repeat violators as of {@code asOf} (staff id, department, branches, count: never
   * customer data), for the reports. Each run replaces the list, as it replaces the list's CSV: late violations count.
   */
  public void putRepeatViolators(Period period, LocalDate asOf, List<RepeatViolator> flagged) {
    Map<String, AttributeValue> item = key(samplePk(period), REPEAT_VIOLATORS_SK);
    item.put("period", s(period.toString()));
    item.put("windowFrom", s(RepeatViolators.windowStart(asOf).toString()));
    item.put("asOf", s(asOf.toString()));
    item.put("violators", AttributeValue.fromL(flagged.stream().map(violator -> AttributeValue.fromM(Map.of(
        "staffId", s(violator.staffId()), "department", s(violator.department()),
        "branches", AttributeValue.fromL(violator.branches().stream().map(SampleStore::s).toList()),
        "violations", n(violator.violations())))).toList()));
    dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item)));
  }

  /** @return false when the task was stored before */
  public boolean putTaskIfAbsent(InspectionTask task) {
    return putIfAbsent(TaskItems.toItem(task));
  }

  /** The period's tasks, each with whether its message was sent. */
  public List<StoredTask> tasks(Period period) {
    List<StoredTask> tasks = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = dynamoDb.query(request -> {
        request.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :task)")
            .expressionAttributeValues(Map.of(":pk", s(samplePk(period)), ":task", s(TASK_SK_PREFIX)));
        if (exclusiveStart != null) {
          request.exclusiveStartKey(exclusiveStart);
        }
      });
      for (Map<String, AttributeValue> item : page.items()) {
        if (!seal.accepts(item, refused)) {
          continue;
        }
        tasks.add(new StoredTask(TaskItems.fromItem(item), item.containsKey(QUEUED), item.get("status").s(),
            Optional.ofNullable(item.get("secondVerdict")).map(verdict -> Verdict.fromWire(verdict.s()))));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return tasks;
  }

  /** Marks a task sent, sealed again; a task whose seal fails is counted and left as it is. */
  public void markQueued(InspectionTask task) {
    updateSealed(samplePk(task.period()), TASK_SK_PREFIX + task.taskId(),
        item -> item.put(QUEUED, AttributeValue.fromBool(true)));
  }

  /**
   * Reads an item, checks its seal, changes it and puts it back sealed, on condition that it still carries the seal
   * read (nothing changed it meanwhile). Returns false, having written nothing, when the item is missing or refused.
   */
  boolean updateSealed(String pk, String sk, java.util.function.Consumer<Map<String, AttributeValue>> change) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(key(pk, sk))).item();
    if (item == null || item.isEmpty() || !seal.accepts(item, refused)) {
      return false;
    }
    Map<String, AttributeValue> changed = new HashMap<>(item);
    change.accept(changed);
    dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(changed))
        .conditionExpression("#seal = :seal")
        .expressionAttributeNames(Map.of("#seal", ItemSeal.ATTRIBUTE))
        .expressionAttributeValues(Map.of(":seal", item.get(ItemSeal.ATTRIBUTE))));
    return true;
  }

  /**
   * A task as stored, with whether its message has gone to the inspection queue.
   *
   * @param status        {@code open}, {@code passed} or {@code failed}
   * @param secondVerdict the second inspector's result on a double-scored task, once in
   */
  public record StoredTask(InspectionTask task, boolean queued, String status, Optional<Verdict> secondVerdict) {

    /** The result on record, if any. */
    public Optional<Verdict> verdict() {
      return switch (status) {
        case "passed" -> Optional.of(Verdict.PASS);
        case "failed" -> Optional.of(Verdict.FAIL);
        default -> Optional.empty();
      };
    }
  }

  private boolean putIfAbsent(Map<String, AttributeValue> item) {
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item)).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(ItemKeys.PK, s(pk));
    key.put(ItemKeys.SK, s(sk));
    return key;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
