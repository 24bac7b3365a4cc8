package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.format.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lists every sale, underwriting file, claim and complaint of one customer, found by national ID
 * number or phone through the blind indexes: the value given is turned into its term here and never
 * stored, logged or put in an exception. Only rows of each file's current generation count; of a
 * record stored several times (a claim's state changes, the same sale in two days' files) the
 * newest row stands for it. Every row shown passes its integrity check first.
 */
public final class CustomerLookup {

  private static final Map<RecordType, String> DATE_COLUMNS = Map.of(
      RecordType.SALES, "sold_at",
      RecordType.UNDERWRITING, "received_at",
      RecordType.CLAIMS, "reported_at",
      RecordType.COMPLAINTS, "received_at");
  private static final Map<RecordType, String> STATUS_COLUMNS = Map.of(
      RecordType.UNDERWRITING, "decision",
      RecordType.CLAIMS, "status",
      RecordType.COMPLAINTS, "status");
  private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST = Comparator
      .comparing((Map<String, AttributeValue> item) -> item.get("businessDate").s())
      .thenComparing(item -> version(item).orElse(Instant.MIN))
      .reversed();

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final BlindIndexSearch search;
  private final RecordDecryptor decryptor;

  public CustomerLookup(DynamoDbClient dynamoDb, String table, BlindIndex blindIndex, RecordDecryptor decryptor) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.search = new BlindIndexSearch(dynamoDb, table, blindIndex);
    this.decryptor = decryptor;
  }

  /** The customer's records, ordered by record type, branch and id. */
  public List<CustomerRecord> find(BlindIndexedColumn column, String value) {
    Map<String, String> currentGenerations = new HashMap<>();
    Map<String, Map<String, AttributeValue>> newestByRecord = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item : search.items(column, value)) {
      String fileId = item.get(RecordItemMapper.FILE_ID).s();
      String current = currentGenerations.computeIfAbsent(fileId, this::currentGeneration);
      if (!item.get(RecordItemMapper.GENERATION).s().equals(current)) {
        continue; // a replaced upload, or an attempt that never became current
      }
      newestByRecord.merge(item.get(ItemKeys.PK).s(), item, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
    }
    List<CustomerRecord> records = new ArrayList<>();
    for (Map<String, AttributeValue> item : newestByRecord.values()) {
      records.add(toRecord(item, decryptor.sensitiveValues(item)));
    }
    records.sort(Comparator.comparing(CustomerRecord::type).thenComparing(CustomerRecord::branch)
        .thenComparing(CustomerRecord::recordId));
    return records;
  }

  private static Optional<Instant> version(Map<String, AttributeValue> item) {
    return type(item).versionColumn().map(item::get).map(value -> OffsetDateTime.parse(value.s()).toInstant());
  }

  private String currentGeneration(String fileId) {
    Map<String, AttributeValue> pointer = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(fileId)), ItemKeys.SK, AttributeValue.fromS(ItemKeys.CURRENT_SK))))
        .item();
    return pointer == null || pointer.get(RecordItemMapper.GENERATION) == null ? "" : pointer.get(RecordItemMapper.GENERATION).s();
  }

  private static CustomerRecord toRecord(Map<String, AttributeValue> item, Map<String, String> clear) {
    RecordType type = type(item);
    String dateColumn = DATE_COLUMNS.get(type);
    AttributeValue date = dateColumn == null ? null : item.get(dateColumn);
    String statusColumn = STATUS_COLUMNS.get(type);
    String status = statusColumn == null ? (type == RecordType.SALES ? "sold" : "-")
        : Optional.ofNullable(item.get(statusColumn)).map(AttributeValue::s).orElse("-");
    return new CustomerRecord(type, item.get("branchCode").s(), item.get(type.idColumn()).s(),
        LocalDate.parse(item.get("businessDate").s()),
        date == null ? null : OffsetDateTime.parse(date.s()).toLocalDate(),
        status, clear.get("customer_name"));
  }

  private static RecordType type(Map<String, AttributeValue> item) {
    return RecordType.fromWireName(item.get("recordType").s()).orElseThrow();
  }
}
