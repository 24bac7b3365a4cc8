package io.qualityhub.reports.function;

import io.qualityhub.core.format.Verdict;
import io.qualityhub.core.store.InspectionIndex;
import io.qualityhub.reports.aggregate.InspectionFact;
import io.qualityhub.reports.aggregate.InspectionTaskFact;
import io.qualityhub.reports.aggregate.InspectionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The inspections as the findings function keeps them, each with its latest result: read from the records table's
 * {@link InspectionIndex}, one query per branch, never a record. A findings row that sampling rejected never reaches
 * the index, and an inspection restated in a later findings file is still one entry. Each entry's task item is read
 * and used only when its seal holds ({@link SealedItems}). Also the tasks issued, by due date, for inspection
 * coverage.
 */
final class TrackedInspections {

  /** One inspection: the day it was done and what it counts as. */
  record Inspected(LocalDate inspectedOn, InspectionFact fact) {
  }

  /** The records table's index of inspection tasks by the inspected branch and due date (template.yaml). */
  static final String TASKS_INDEX = "InspectionTasksByBranch";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final SealedItems sealed;

  TrackedInspections(DynamoDbClient dynamoDb, String table, SealedItems sealed) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.sealed = sealed;
  }

  /** The branch's inspections done on a day of [from, toInclusive] of a type the reports show. */
  List<Inspected> inspectedBetween(String branch, LocalDate from, LocalDate toInclusive) {
    QueryRequest query = QueryRequest.builder().tableName(table).indexName(InspectionIndex.NAME)
        .keyConditionExpression("#branch = :branch AND #inspectedOn BETWEEN :from AND :to")
        .expressionAttributeNames(Map.of("#branch", InspectionIndex.BRANCH, "#inspectedOn", InspectionIndex.INSPECTED_ON))
        .expressionAttributeValues(Map.of(":branch", AttributeValue.fromS(branch),
            ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(toInclusive.toString())))
        .build();
    List<Map<String, AttributeValue>> entries = new ArrayList<>();
    dynamoDb.queryPaginator(query).items().forEach(entries::add);
    List<Inspected> inspections = new ArrayList<>();
    sealed.behind(entries).forEach(item -> inspectedOf(item).ifPresent(inspections::add));
    return inspections;
  }

  /**
   * The inspection tasks of records of the branch due on a day of [from, toInclusive], each with whether it has a
   * result, from the {@value #TASKS_INDEX} index (task items only). Follow-up calls give none, as above.
   */
  List<InspectionTaskFact> tasksDueBetween(String branch, LocalDate from, LocalDate toInclusive) {
    QueryRequest query = QueryRequest.builder().tableName(table).indexName(TASKS_INDEX)
        .keyConditionExpression("branchCode = :branch AND dueOn BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(":branch", AttributeValue.fromS(branch),
            ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(toInclusive.toString())))
        .build();
    List<InspectionTaskFact> tasks = new ArrayList<>();
    dynamoDb.queryPaginator(query).items().forEach(item -> inspectionTypeOf(item.get("inspectedRecordType").s())
        .ifPresent(type -> tasks.add(new InspectionTaskFact(branch, type, LocalDate.parse(item.get("dueOn").s()),
            item.containsKey("verdict")))));
    return tasks;
  }

  /** Reads an index entry; follow-up inspections give none, as the reports have no follow-up inspection type. */
  static Optional<Inspected> inspectedOf(Map<String, AttributeValue> item) {
    return inspectionTypeOf(item.get("inspectedRecordType").s()).map(type -> new Inspected(
        LocalDate.parse(item.get(InspectionIndex.INSPECTED_ON).s()),
        new InspectionFact(item.get(InspectionIndex.BRANCH).s(), type, Verdict.PASS.wireName().equals(item.get("verdict").s()))));
  }

  /** The inspection type a sampled record type is reported under; follow-up calls have none in the reports. */
  static Optional<InspectionType> inspectionTypeOf(String sampledRecordType) {
    return Optional.ofNullable(switch (sampledRecordType) {
      case "sales" -> InspectionType.SALES_RECORDING;
      case "underwriting" -> InspectionType.UNDERWRITING_FILE;
      case "claims" -> InspectionType.CLAIM_FILE;
      case "complaints" -> InspectionType.COMPLAINT;
      default -> null;
    });
  }
}
