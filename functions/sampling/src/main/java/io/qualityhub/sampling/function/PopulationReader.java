package io.qualityhub.sampling.function;

import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.store.ItemKeys;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads a period's population from the records table: every record of the sampled types whose membership date
 * ({@link PeriodMembership}) falls in the period, once, in its latest state. Claims and complaints are their
 * {@code STATE} items (intake keeps them on the latest row of a current file); other types are the rows of
 * current file generations, the latest business date winning when a record was sent on two days. Staff with prior
 * incidents are those named by violations that occurred, or complaints received, before the period began.
 *
 * <p>The table is keyed by record, not by period, so this is one filtered scan that projects only non-sensitive
 * attributes; {@code maxItemsRead} bounds it, and the read fails rather than sampling a truncated population.
 * A period index (GSI on the membership month) would turn it into queries; see docs/sampling.md, "Wiring".
 */
public final class PopulationReader {

  static final String COMPLAINTS = "complaints";
  static final String VIOLATIONS = "violations";
  static final String INSPECTORS = "inspectors";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final long maxItemsRead;

  public PopulationReader(DynamoDbClient dynamoDb, String table, long maxItemsRead) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.maxItemsRead = maxItemsRead;
  }

  public Population read(Period period, Collection<String> sampledTypes) {
    return read(period, sampledTypes, (type, attributes) -> PeriodMembership.belongs(type, attributes, period));
  }

  /**
   * What an ad-hoc order may take: the branch's records of one type in their latest state, only those of the period
   * when {@code periodOnly}, any period's otherwise; and the latest roster.
   */
  public Population readBranch(Period period, String recordType, String branch, boolean periodOnly) {
    Population all = read(period, List.of(recordType), (type, attributes) -> !periodOnly
        || PeriodMembership.belongs(type, attributes, period));
    return new Population(all.units().stream().filter(unit -> unit.branch().equals(branch)).toList(),
        all.incidents(), all.itemsRead(), all.roster(), all.repeatViolators());
  }

  private Population read(Period period, Collection<String> sampledTypes,
      java.util.function.BiPredicate<String, Map<String, String>> member) {
    Set<String> types = new LinkedHashSet<>(sampledTypes);
    types.add(COMPLAINTS);
    types.add(VIOLATIONS);
    types.add(INSPECTORS);
    Scan scan = scan(types);
    TreeMap<LocalDate, List<Inspector>> rosters = new TreeMap<>();
    Map<String, String> currentGenerations = scan.currentGenerations();

    Map<String, Map<String, AttributeValue>> latest = new TreeMap<>();
    Set<String> staff = new HashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (Map<String, AttributeValue> item : scan.records()) {
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
    return new Population(units, new PriorIncidents(staff, repeatBefore), scan.itemsRead(), roster,
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

  private record Scan(List<Map<String, AttributeValue>> records, Map<String, String> currentGenerations,
      long itemsRead) {}

  private Scan scan(Set<String> types) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> projected = new ArrayList<>();
    Set<String> attributes = new LinkedHashSet<>(List.of(ItemKeys.PK, ItemKeys.SK, "generation", "recordType",
        "branchCode", "businessDate"));
    List<String> typeValues = new ArrayList<>();
    for (String type : types) {
      RecordType recordType = RecordType.fromWireName(type).orElseThrow();
      recordType.columns().stream().filter(column -> !column.sensitive()).map(Column::name).forEach(attributes::add);
      String placeholder = ":t" + typeValues.size();
      values.put(placeholder, AttributeValue.fromS(type));
      typeValues.add(placeholder);
    }
    for (String attribute : attributes) {
      String placeholder = "#a" + names.size();
      names.put(placeholder, attribute);
      projected.add(placeholder);
    }
    String pk = placeholderOf(names, ItemKeys.PK);
    String sk = placeholderOf(names, ItemKeys.SK);
    values.put(":rec", AttributeValue.fromS("REC#"));
    values.put(":file", AttributeValue.fromS("FILE#"));
    values.put(":current", AttributeValue.fromS(ItemKeys.CURRENT_SK));
    String filter = "(begins_with(" + pk + ", :rec) AND " + placeholderOf(names, "recordType")
        + " IN (" + String.join(", ", typeValues) + ")) OR (begins_with(" + pk + ", :file) AND " + sk + " = :current)";

    List<Map<String, AttributeValue>> records = new ArrayList<>();
    Map<String, String> current = new HashMap<>();
    long read = 0;
    Map<String, AttributeValue> start = null;
    do {
      // Said explicitly: the role may only scan for specific attributes (template.yaml, ReadPopulation).
      ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true)
          .select(Select.SPECIFIC_ATTRIBUTES)
          .filterExpression(filter).projectionExpression(String.join(", ", projected))
          .expressionAttributeNames(names).expressionAttributeValues(values);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = dynamoDb.scan(request.build());
      read += page.scannedCount();
      if (read > maxItemsRead) {
        throw new PopulationTooLargeException(table, maxItemsRead);
      }
      for (Map<String, AttributeValue> item : page.items()) {
        String itemPk = text(item, ItemKeys.PK);
        if (itemPk.startsWith("FILE#")) {
          current.put(itemPk.substring("FILE#".length()), text(item, "generation"));
        } else {
          records.add(item);
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return new Scan(records, current, read);
  }

  private static String placeholderOf(Map<String, String> names, String attribute) {
    return names.entrySet().stream().filter(entry -> entry.getValue().equals(attribute)).findFirst().orElseThrow()
        .getKey();
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
