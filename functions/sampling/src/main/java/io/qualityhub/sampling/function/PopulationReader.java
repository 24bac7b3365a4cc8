package io.qualityhub.sampling.function;

import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.PeriodIndex;
import io.qualityhub.sampling.domain.Inspector;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PriorIncidents;
import io.qualityhub.sampling.domain.RepeatViolators;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.domain.SamplingUnit;
import io.qualityhub.sampling.domain.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads a period's population from the records table: every record of the sampled types whose membership date
 * ({@link PeriodMembership}) falls in the period, once, in its latest state. Claims and complaints are their
 * {@code STATE} items (intake keeps them on the latest row of a current file); other types are the rows of
 * current file generations, the latest business date winning when a record was sent on two days. Staff with prior
 * incidents are those named by violations that occurred, or complaints received, before the period began.
 *
 * <p>It queries the period index ({@link PeriodIndex}), every shard of each type it needs, over the dates it needs:
 * the period for the sampled types, everything before the period's end for violations and before its start for
 * complaints as incidents, every date for the roster (and for an ad-hoc order open to any period). The index
 * projects only non-sensitive attributes. Rows are then checked against their file's {@code CURRENT} pointer (a
 * batch get of the pointers of the files seen), since a generation's rows are in the index before it becomes
 * current. {@code maxItemsRead} bounds the read, and it fails rather than sample a truncated population.
 */
public final class PopulationReader {

  static final String COMPLAINTS = "complaints";
  static final String VIOLATIONS = "violations";
  static final String INSPECTORS = "inspectors";

  /** Queries in flight at once: enough to hide the round trips of a type's shards, few enough for a small function. */
  private static final int PARALLEL_QUERIES = 8;
  private static final int BATCH_GET_KEYS = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final long maxItemsRead;

  public PopulationReader(DynamoDbClient dynamoDb, String table, long maxItemsRead) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.maxItemsRead = maxItemsRead;
  }

  public Population read(Period period, Collection<String> sampledTypes) {
    return read(period, sampledTypes, true, (type, attributes) -> PeriodMembership.belongs(type, attributes, period));
  }

  /**
   * What an ad-hoc order may take: the branch's records of one type in their latest state, only those of the period
   * when {@code periodOnly}, any period's otherwise; and the latest roster.
   */
  public Population readBranch(Period period, String recordType, String branch, boolean periodOnly) {
    Population all = read(period, List.of(recordType), periodOnly, (type, attributes) -> !periodOnly
        || PeriodMembership.belongs(type, attributes, period));
    return new Population(all.units().stream().filter(unit -> unit.branch().equals(branch)).toList(),
        all.incidents(), all.itemsRead(), all.roster(), all.repeatViolators());
  }

  private Population read(Period period, Collection<String> sampledTypes, boolean periodOnly,
      java.util.function.BiPredicate<String, Map<String, String>> member) {
    Map<String, DateRange> ranges = new LinkedHashMap<>();
    DateRange sampled = periodOnly ? new DateRange(period.start(), period.end()) : DateRange.ALL;
    sampledTypes.forEach(type -> ranges.merge(type, sampled, DateRange::union));
    ranges.merge(COMPLAINTS, new DateRange(null, period.start().minusDays(1)), DateRange::union);
    ranges.merge(VIOLATIONS, new DateRange(null, period.end()), DateRange::union);
    ranges.merge(INSPECTORS, DateRange.ALL, DateRange::union);
    IndexRead indexed = read(ranges);
    TreeMap<LocalDate, List<Inspector>> rosters = new TreeMap<>();
    Map<String, String> currentGenerations = indexed.currentGenerations();

    Map<String, Map<String, AttributeValue>> latest = new TreeMap<>();
    Set<String> staff = new HashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (Map<String, AttributeValue> item : indexed.records()) {
      String type = text(item, "recordType");
      RecordType recordType = RecordType.fromWireName(type).orElseThrow();
      boolean state = ItemKeys.STATE_SK.equals(text(item, ItemKeys.SK));
      if (recordType.keepsLatestState() != state) {
        continue; // claim and complaint history rows: their state item stands for them
      }
      if (!state) {
        String fileId = text(item, "branchCode") + "#" + type + "#" + text(item, "businessDate");
        if (!text(item, "generation").equals(currentGenerations.get(fileId))) {
          continue; // staged, replaced or withdrawn generation
        }
      }
      if (type.equals(INSPECTORS)) {
        rosters.computeIfAbsent(LocalDate.parse(text(item, "businessDate")), date -> new ArrayList<>())
            .add(inspector(item));
        continue;
      }
      collectIncident(type, item, period, staff);
      if (type.equals(VIOLATIONS)) {
        violation(item).ifPresent(violations::add);
      }
      if (sampledTypes.contains(type)) {
        latest.merge(text(item, ItemKeys.PK), item, PopulationReader::laterBusinessDate);
      }
    }
    List<SamplingUnit> units = new ArrayList<>();
    for (Map<String, AttributeValue> item : latest.values()) {
      String type = text(item, "recordType");
      Map<String, String> attributes = attributes(RecordType.fromWireName(type).orElseThrow(), item);
      if (member.test(type, attributes)) {
        units.add(unit(type, item, attributes));
      }
    }
    Roster roster = rosters.isEmpty() ? Roster.NONE
        : new Roster(rosters.lastKey(), rosters.lastEntry().getValue().stream()
            .sorted(Comparator.comparing(Inspector::inspectorId)).toList());
    Set<String> repeatBefore = RepeatViolators.staffIds(RepeatViolators.asOf(period.start().minusDays(1), violations));
    return new Population(units, new PriorIncidents(staff, repeatBefore), indexed.itemsRead(), roster,
        RepeatViolators.asOf(period.end(), violations));
  }

  /** A violation row as the repeat-violator rule reads it; one without a readable date counts for nothing. */
  private static Optional<Violation> violation(Map<String, AttributeValue> item) {
    String staffId = text(item, "staff_id");
    String recordId = text(item, "record_id");
    if (staffId == null || recordId == null) {
      return Optional.empty();
    }
    String department = text(item, "department");
    return PeriodMembership.localDate(text(item, "occurred_on")).map(day -> new Violation(staffId,
        department == null ? "" : department, text(item, "branchCode"), recordId, day));
  }

  /** A roster row as intake stored it: capacity a number, active a boolean. */
  static Inspector inspector(Map<String, AttributeValue> item) {
    return new Inspector(text(item, "inspector_id"), text(item, "home_branch"), text(item, "team"),
        Integer.parseInt(item.get("capacity").n()), item.get("active").bool());
  }

  private static void collectIncident(String type, Map<String, AttributeValue> item, Period period, Set<String> staff) {
    String dateColumn = switch (type) {
      case VIOLATIONS -> "occurred_on";
      case COMPLAINTS -> "received_at";
      default -> null;
    };
    if (dateColumn == null || !item.containsKey("staff_id")) {
      return;
    }
    PeriodMembership.localDate(text(item, dateColumn))
        .filter(date -> date.isBefore(period.start()))
        .ifPresent(date -> staff.add(text(item, "staff_id")));
  }

  private static SamplingUnit unit(String type, Map<String, AttributeValue> item, Map<String, String> attributes) {
    RecordType recordType = RecordType.fromWireName(type).orElseThrow();
    String id = text(item, recordType.idColumn());
    if (type.equals("sales")) {
      attributes.put("recording_id_present", attributes.containsKey("recording_id") ? "Y" : "N");
    }
    return new SamplingUnit(type, text(item, "branchCode"), id, attributes.get("product_line"), attributes);
  }

  /** The record's non-sensitive columns as the sampling plan's rules read them: booleans Y/N, numbers as decimals. */
  static Map<String, String> attributes(RecordType type, Map<String, AttributeValue> item) {
    Map<String, String> attributes = new HashMap<>();
    for (Column column : type.columns()) {
      AttributeValue value = item.get(column.name());
      if (column.sensitive() || value == null || column.name().equals(RecordType.BRANCH_COLUMN)) {
        continue;
      }
      if (value.bool() != null) {
        attributes.put(column.name(), value.bool() ? "Y" : "N");
      } else if (value.n() != null) {
        attributes.put(column.name(), value.n());
      } else if (value.s() != null) {
        attributes.put(column.name(), value.s());
      }
    }
    return attributes;
  }

  private static Map<String, AttributeValue> laterBusinessDate(Map<String, AttributeValue> kept,
      Map<String, AttributeValue> other) {
    return LocalDate.parse(text(other, "businessDate")).isAfter(LocalDate.parse(text(kept, "businessDate")))
        ? other : kept;
  }

  private record IndexRead(List<Map<String, AttributeValue>> records, Map<String, String> currentGenerations,
      long itemsRead) {}

  /**
   * The dates of a type's index entries to read: {@code from} null for no lower bound, {@code to} null for no upper
   * one (undated entries included).
   */
  private record DateRange(LocalDate from, LocalDate to) {

    static final DateRange ALL = new DateRange(null, null);

    DateRange union(DateRange other) {
      LocalDate lower = from == null || other.from == null ? null : from.isBefore(other.from) ? from : other.from;
      LocalDate upper = to == null || other.to == null ? null : to.isAfter(other.to) ? to : other.to;
      return new DateRange(lower, upper);
    }
  }

  private IndexRead read(Map<String, DateRange> ranges) {
    AtomicLong read = new AtomicLong();
    List<Callable<List<Map<String, AttributeValue>>>> queries = new ArrayList<>();
    ranges.forEach((type, range) -> {
      List<String> attributes = projectedAttributes(type);
      for (int shard = 0; shard < PeriodIndex.SHARDS; shard++) {
        String key = PeriodIndex.key(type, shard);
        queries.add(() -> query(key, range, attributes, read));
      }
    });
    List<Map<String, AttributeValue>> records = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_QUERIES)) {
      for (Future<List<Map<String, AttributeValue>>> done : pool.invokeAll(queries)) {
        records.addAll(done.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reading the population of the records table " + table + " was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("reading the population of the records table " + table + " failed", e.getCause());
    }
    // Shards answer in any order; the population does not depend on it (the sampler sorts), the violations' list
    // does where two tie on a day, so the order is fixed here.
    records.sort(Comparator.comparing((Map<String, AttributeValue> item) -> text(item, ItemKeys.PK))
        .thenComparing(item -> text(item, ItemKeys.SK)));
    Map<String, String> current = currentGenerations(records, read);
    return new IndexRead(records, current, read.get());
  }

  /** Provenance and the type's columns without (S): what the index projects for it. */
  private static List<String> projectedAttributes(String type) {
    Set<String> attributes = new LinkedHashSet<>(List.of(ItemKeys.PK, ItemKeys.SK, "generation", "recordType",
        "branchCode", "businessDate"));
    RecordType.fromWireName(type).orElseThrow().columns().stream().filter(column -> !column.sensitive())
        .map(Column::name).forEach(attributes::add);
    return List.copyOf(attributes);
  }

  private List<Map<String, AttributeValue>> query(String key, DateRange range, List<String> attributes,
      AtomicLong read) {
    Map<String, String> names = new HashMap<>();
    List<String> projected = new ArrayList<>();
    for (String attribute : attributes) {
      String placeholder = "#a" + names.size();
      names.put(placeholder, attribute);
      projected.add(placeholder);
    }
    names.put("#k", PeriodIndex.KEY);
    if (range.from() != null || range.to() != null) {
      names.put("#d", PeriodIndex.DATE); // DynamoDB refuses a name the expressions do not use
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":k", AttributeValue.fromS(key));
    String condition = "#k = :k";
    if (range.from() != null) {
      values.put(":from", AttributeValue.fromS(range.from().toString()));
    }
    if (range.to() != null) {
      values.put(":to", AttributeValue.fromS(range.to().toString()));
    }
    if (range.from() != null && range.to() != null) {
      condition += " AND #d BETWEEN :from AND :to";
    } else if (range.from() != null) {
      condition += " AND #d >= :from";
    } else if (range.to() != null) {
      condition += " AND #d <= :to";
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      // Said explicitly: the role may only query for specific attributes (template.yaml, ReadPopulation).
      QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(PeriodIndex.NAME)
          .select(Select.SPECIFIC_ATTRIBUTES).keyConditionExpression(condition)
          .projectionExpression(String.join(", ", projected))
          .expressionAttributeNames(names).expressionAttributeValues(values);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      QueryResponse page = dynamoDb.query(request.build());
      if (read.addAndGet(page.scannedCount()) > maxItemsRead) {
        throw new PopulationTooLargeException(table, maxItemsRead);
      }
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  /** The current generation of each file whose rows were read, from its {@code CURRENT} pointer. */
  private Map<String, String> currentGenerations(List<Map<String, AttributeValue>> records, AtomicLong read) {
    Set<String> fileIds = new TreeSet<>();
    for (Map<String, AttributeValue> item : records) {
      if (!ItemKeys.STATE_SK.equals(text(item, ItemKeys.SK))) {
        fileIds.add(text(item, "branchCode") + "#" + text(item, "recordType") + "#" + text(item, "businessDate"));
      }
    }
    Map<String, String> current = new HashMap<>();
    List<String> ids = List.copyOf(fileIds);
    for (int from = 0; from < ids.size(); from += BATCH_GET_KEYS) {
      List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_KEYS)).stream()
          .map(fileId -> Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(fileId)),
              ItemKeys.SK, AttributeValue.fromS(ItemKeys.CURRENT_SK)))
          .toList();
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
          .consistentRead(true).projectionExpression("#p, #g")
          .expressionAttributeNames(Map.of("#p", ItemKeys.PK, "#g", "generation")).build());
      while (!request.isEmpty()) {
        BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
        for (Map<String, AttributeValue> pointer : response.responses().getOrDefault(table, List.of())) {
          read.incrementAndGet();
          current.put(text(pointer, ItemKeys.PK).substring("FILE#".length()), text(pointer, "generation"));
        }
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return current;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
