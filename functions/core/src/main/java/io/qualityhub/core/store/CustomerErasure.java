package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Carries out a customer's erasure request in the records table. Every row item the blind indexes
 * find for the identifiers given, whatever its generation, has each sensitive attribute replaced by
 * the marker {@value #MARKER} and its blind-index terms removed, then gets a new integrity tag; the
 * non-personal facts (dates, statuses, amounts, ids) stay, so report figures do not change. The
 * request is recorded in an audit item holding its id, time, the blind terms and counts, never a
 * value.
 */
public final class CustomerErasure {

  public static final String MARKER = "ERASED";
  /** The attribute naming the erasure request on each item it changed. */
  public static final String ERASURE_ID = "erasureId";
  private static final AttributeValue ERASED = AttributeValue.fromS(MARKER);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final BlindIndexSearch search;
  private final RecordDecryptor decryptor;
  private final Clock clock;

  public CustomerErasure(DynamoDbClient dynamoDb, String table, BlindIndex blindIndex, RecordDecryptor decryptor, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.search = new BlindIndexSearch(dynamoDb, table, blindIndex);
    this.decryptor = decryptor;
    this.clock = clock;
  }

  /** Whether a stored sensitive attribute is the erasure marker rather than a ciphertext. */
  public static boolean isErased(AttributeValue value) {
    return ERASED.equals(value);
  }

  /** Erases every row the identifiers find (an ID number, a phone number, or both). */
  public ErasureResult erase(Map<BlindIndexedColumn, String> identifiers) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("an erasure needs an ID number or a phone number");
    }
    String requestId = UUID.randomUUID().toString();
    Instant erasedAt = clock.instant();
    Map<String, Map<String, AttributeValue>> found = new LinkedHashMap<>();
    Map<String, AttributeValue> terms = new HashMap<>();
    identifiers.forEach((column, value) -> {
      terms.put(column.domain(), AttributeValue.fromS(search.term(column, value)));
      search.items(column, value).forEach(item -> found.putIfAbsent(ItemAuthenticator.itemKey(item), item));
    });
    int failingIntegrity = 0;
    TreeSet<String> uploads = new TreeSet<>();
    for (Map<String, AttributeValue> item : found.values()) {
      if (!eraseItem(item, requestId)) {
        failingIntegrity++;
      }
      uploads.add(uploadOf(item));
    }
    ErasureResult result = new ErasureResult(requestId, erasedAt, found.size(), failingIntegrity, new ArrayList<>(uploads));
    record(result, terms);
    return result;
  }

  /** Returns whether the item was authentic before the erasure (and so carries a new tag after it). */
  private boolean eraseItem(Map<String, AttributeValue> item, String requestId) {
    boolean authentic;
    try {
      decryptor.verify(item);
      authentic = true;
    } catch (TamperedValueException e) {
      authentic = false; // erased all the same: the values must go whoever changed the item
    }
    Map<String, AttributeValue> erased = new HashMap<>(item);
    RecordType type = RecordType.fromWireName(item.get("recordType").s()).orElseThrow();
    for (Column column : type.columns()) {
      if (column.sensitive() && erased.containsKey(column.name())) {
        erased.put(column.name(), ERASED);
      }
    }
    for (BlindIndexedColumn indexed : BlindIndexedColumn.values()) {
      erased.remove(indexed.termAttribute());
    }
    erased.put(ERASURE_ID, AttributeValue.fromS(requestId));
    erased.remove(ItemAuthenticator.TAG);
    Map<String, AttributeValue> written = authentic ? decryptor.retagged(erased) : erased;
    AttributeValue previousTag = item.get(ItemAuthenticator.TAG);
    try {
      dynamoDb.putItem(request -> {
        request.tableName(table).item(written);
        if (previousTag == null) {
          request.conditionExpression("attribute_exists(pk) AND attribute_not_exists(#tag)")
              .expressionAttributeNames(Map.of("#tag", ItemAuthenticator.TAG));
        } else {
          request.conditionExpression("#tag = :tag")
              .expressionAttributeNames(Map.of("#tag", ItemAuthenticator.TAG))
              .expressionAttributeValues(Map.of(":tag", previousTag));
        }
      });
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("item " + ItemAuthenticator.itemKey(item) + " changed or disappeared while it was being"
          + " erased; run the erasure again (items already erased are found no more)", e);
    }
    return authentic;
  }

  /** The uploaded object version a row came from, as {@code key (version id)}: named by its batch record. */
  private String uploadOf(Map<String, AttributeValue> item) {
    String fileId = item.get(RecordItemMapper.FILE_ID).s();
    String generation = item.get(RecordItemMapper.GENERATION).s();
    Map<String, AttributeValue> batch = dynamoDb.getItem(request -> request.tableName(table)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(fileId)),
            ItemKeys.SK, AttributeValue.fromS(ItemKeys.batchSk(generation))))).item();
    AttributeValue objectKey = batch == null ? null : batch.get("objectKey");
    return (objectKey == null ? "file " + fileId : objectKey.s()) + " (version " + generation + ")";
  }

  private void record(ErasureResult result, Map<String, AttributeValue> terms) {
    Map<String, AttributeValue> audit = new HashMap<>();
    audit.put(ItemKeys.PK, AttributeValue.fromS("ERASURE#" + result.requestId()));
    audit.put(ItemKeys.SK, AttributeValue.fromS("AUDIT"));
    audit.put("erasedAt", AttributeValue.fromS(result.erasedAt().toString()));
    audit.put("blindTerms", AttributeValue.fromM(terms));
    audit.put("blindTermsKeyVersion", AttributeValue.fromS(BlindIndexKeyStore.VERSION));
    audit.put("itemsErased", AttributeValue.fromN(Integer.toString(result.itemsErased())));
    audit.put("itemsFailingIntegrity", AttributeValue.fromN(Integer.toString(result.itemsFailingIntegrity())));
    if (!result.uploadsHoldingValues().isEmpty()) {
      audit.put("uploadsHoldingValues", AttributeValue.fromSs(result.uploadsHoldingValues()));
    }
    dynamoDb.putItem(request -> request.tableName(table).item(audit).conditionExpression("attribute_not_exists(pk)"));
  }
}
