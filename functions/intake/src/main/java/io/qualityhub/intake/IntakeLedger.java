package io.qualityhub.intake;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.store.BatchItemWriter;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.RecordItemMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Intake's bookkeeping in the records table: batch records, wrapped data keys, the conditional
 * switch that makes a file generation current, and the latest-state items of claims and complaints.
 */
final class IntakeLedger {

  /** TransactWriteItems takes at most 100 actions: 99 states and the check that their generation is still current. */
  static final int MAX_STATES_PER_REQUEST = 99;
  /** BatchGetItem takes at most 100 keys. */
  static final int MAX_STATES_PER_READ = 100;
  private static final int MAX_READ_ROUNDS = 8;
  private static final long FIRST_READ_PAUSE_MILLIS = 50;
  private static final int MAX_SWITCH_ATTEMPTS = 5;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final DeadlineIndexer deadlines;
  private final ItemSeal seal;
  private final Set<String> branchesListed = new java.util.HashSet<>();

  /** @param seal seals every state item with its index entry: the monitor and reports act only on sealed states */
  IntakeLedger(DynamoDbClient dynamoDb, String table, DeadlineIndexer deadlines, ItemSeal seal) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.deadlines = deadlines;
    this.seal = seal;
  }

  String table() {
    return table;
  }

  Optional<BatchProgress> batchRecord(UploadKey key, String generation) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
        .tableName(table)
        .key(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.batchSk(generation)))
        .consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BatchRecords.progress(item));
  }

  /** Writes a file's rows to the records table, {@code inFlight} BatchWriteItem requests at once. */
  BatchItemWriter rowWriter(int inFlight) {
    return new BatchItemWriter(dynamoDb, table, inFlight);
  }

  /**
   * Deletes a generation's rows; with {@code rebuildStates}, also rebuilds the claims' or complaints' states that
   * came from a deleted row.
   */
  RowRemoval rowRemoval(UploadKey key, String generation, boolean rebuildStates) {
    BatchItemWriter deletions = new BatchItemWriter(dynamoDb, table);
    return new RowRemoval(new RecordItemMapper(table, key, generation, null, null, null), deletions,
        rebuildStates ? new WithdrawnStates(this, deletions, key.type()) : null);
  }

  /** Moves the states of the generation's claims or complaints forward, row by row ({@link StateAdvance}). */
  StateAdvance stateAdvance(UploadKey key, String generation) {
    return new StateAdvance(this, key, generation);
  }

  /**
   * Counts one more attempt at a generation on its batch record and returns the count. Counted
   * before the work, so attempts that never finish (a crash, a timeout, memory exhausted) count too.
   */
  int startAttempt(UploadKey key, String generation) {
    Map<String, AttributeValue> updated = dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.batchSk(generation)))
        .updateExpression("ADD attempts :one")
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    return Integer.parseInt(updated.get("attempts").n());
  }

  /** Takes back an attempt {@link #startAttempt} counted, for a failure that was not the file's. */
  void uncountAttempt(UploadKey key, String generation) {
    dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.batchSk(generation)))
        .updateExpression("ADD attempts :minusOne")
        .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"))));
  }

  /**
   * Records on the generation's batch record that every row up to {@code line} is written, for a continuation to
   * start after it. Progress resets the attempts: a file that moves on is not given up on however many invocations
   * it takes, while one that fails again and again without moving still is. The line only ever grows, so a late
   * redelivery cannot move it back.
   */
  void checkpoint(UploadKey key, String generation, long line) {
    try {
      dynamoDb.updateItem(request -> request
          .tableName(table)
          .key(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.batchSk(generation)))
          .updateExpression("SET #line = :line, attempts = :none ADD continuations :one")
          .conditionExpression("attribute_not_exists(#line) OR #line < :line")
          .expressionAttributeNames(Map.of("#line", RowCheckpoint.WRITTEN_THROUGH_LINE))
          .expressionAttributeValues(Map.of(":line", AttributeValue.fromN(Long.toString(line)),
              ":none", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"))));
    } catch (ConditionalCheckFailedException e) {
      // Another delivery of the same file already wrote further: its checkpoint stands.
    }
  }

  /** Lists the branch in the branch directory ({@link ItemKeys#BRANCHES_PK}); once per branch per function instance. */
  void listBranch(String branch) {
    if (branchesListed.add(branch)) {
      dynamoDb.putItem(request -> request.tableName(table).item(itemKey(ItemKeys.BRANCHES_PK, branch)));
    }
  }

  /**
   * Notes in the arrivals ledger ({@link ItemKeys#uploadsPk}) when this branch, type and business date was first
   * taken; a re-upload or a redelivery keeps the first instant. The monitor judges it against the upload calendar's
   * cutoff (docs/uploads.md), and acts only on a sealed entry.
   */
  void recordArrival(UploadKey key, Instant arrivedAt) {
    Map<String, AttributeValue> item = itemKey(ItemKeys.uploadsPk(key.businessDate()), ItemKeys.uploadSk(key.branch(), key.type().wireName()));
    item.put(ItemKeys.ARRIVED_AT, AttributeValue.fromS(arrivedAt.toString()));
    Map<String, AttributeValue> sealed = seal.sealed(item);
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(sealed).conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException alreadyArrived) {
      // The first arrival stands: a correction later does not make a file that came on time late.
    }
  }

  /**
   * Takes a withdrawn upload's day off the arrivals ledger: a refused file is no arrival, so the upload calendar
   * counts the type missing until a file the manifest accepts arrives (and is then judged by its own instant).
   */
  void removeArrival(UploadKey key) {
    dynamoDb.deleteItem(request -> request.tableName(table)
        .key(itemKey(ItemKeys.uploadsPk(key.businessDate()), ItemKeys.uploadSk(key.branch(), key.type().wireName()))));
  }

  void putBatchRecord(String fileId, String generation, BatchRecord record) {
    Map<String, AttributeValue> item = BatchRecords.item(record);
    item.putAll(itemKey(ItemKeys.filePk(fileId), ItemKeys.batchSk(generation)));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
  }

  /**
   * Stores a wrapped data key in the file's partition before any row encrypted under it is
   * written; returns its sort key, which rows carry. Each attempt has its own key, so rows of an
   * interrupted attempt stay readable whatever happens next.
   */
  String storeDataKey(UploadKey key, String generation, byte[] wrapped, String kmsKeyArn) {
    String sk = "KEY#" + generation + "#" + UUID.randomUUID();
    Map<String, AttributeValue> item = itemKey(ItemKeys.filePk(key.fileId()), sk);
    item.put("wrappedKey", AttributeValue.fromB(SdkBytes.fromByteArray(wrapped)));
    item.put("kmsKeyArn", AttributeValue.fromS(kmsKeyArn));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    return sk;
  }

  Optional<CurrentFile> current(UploadKey key) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
        .tableName(table)
        .key(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.CURRENT_SK))
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CurrentFile(text(item, "generation"), text(item, "versionId"), text(item, "orderToken"),
        text(item, "previousGeneration"), text(item, "previousVersionId")));
  }

  /** The file's {@code CURRENT} item with the figures the manifest check compares, if the file was ever current. */
  Optional<CurrentUpload> currentUpload(String fileId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
        .tableName(table)
        .key(itemKey(ItemKeys.filePk(fileId), ItemKeys.CURRENT_SK))
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    CurrentFile pointer = new CurrentFile(text(item, "generation"), text(item, "versionId"), text(item, "orderToken"),
        text(item, "previousGeneration"), text(item, "previousVersionId"));
    AttributeValue rows = item.get("rowsRead");
    return Optional.of(new CurrentUpload(pointer, text(item, "objectKey"), rows == null ? 0 : Long.parseLong(rows.n()),
        text(item, "sha256"), text(item, "withdrawnFor"), flag(item, "withdrawalFinished"),
        flag(item, BatchRecords.REWRITTEN_BY_ERASURE)));
  }

  /**
   * Replaces the upload's pointer by its withdrawal ({@link CurrentUpload#withdrawing()}) in one conditional write,
   * unless another upload became current meanwhile. Returns the withdrawal pointer, or empty when replaced.
   */
  Optional<CurrentFile> withdraw(String fileId, CurrentUpload upload, String refusal) {
    CurrentFile withdrawal = upload.withdrawing();
    Map<String, AttributeValue> item = itemKey(ItemKeys.filePk(fileId), ItemKeys.CURRENT_SK);
    put(item, "generation", withdrawal.generation());
    put(item, "orderToken", withdrawal.orderToken());
    put(item, "previousGeneration", withdrawal.previousGeneration());
    put(item, "previousVersionId", withdrawal.previousVersionId());
    put(item, "objectKey", upload.objectKey());
    put(item, "withdrawnFor", refusal);
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item)
          .conditionExpression("generation = :seen")
          .expressionAttributeValues(Map.of(":seen", AttributeValue.fromS(upload.pointer().generation()))));
      return Optional.of(withdrawal);
    } catch (ConditionalCheckFailedException e) {
      return currentUpload(fileId).filter(now -> now.pointer().generation().equals(withdrawal.generation()))
          .map(CurrentUpload::pointer);
    }
  }

  /** Notes that every step of a withdrawal is done, so a later manifest does not repeat it. */
  void finishWithdrawal(String fileId, CurrentFile withdrawal) {
    try {
      dynamoDb.updateItem(request -> request.tableName(table)
          .key(itemKey(ItemKeys.filePk(fileId), ItemKeys.CURRENT_SK))
          .updateExpression("SET withdrawalFinished = :yes")
          .conditionExpression("generation = :withdrawal")
          .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true),
              ":withdrawal", AttributeValue.fromS(withdrawal.generation()))));
    } catch (ConditionalCheckFailedException replaced) {
      // A later upload of the file is current: nothing of the withdrawn one is left to finish.
    }
  }

  /**
   * Makes {@code generation} the current one of its file in one conditional write, unless a later
   * upload already is. Returns the pointer as written, or empty when this generation is superseded.
   */
  Optional<CurrentFile> makeCurrent(UploadKey key, String generation, String versionId, String orderToken,
      FileFigures figures) {
    for (int attempt = 0; attempt < MAX_SWITCH_ATTEMPTS; attempt++) {
      Optional<CurrentFile> existing = current(key);
      CurrentFile next;
      if (existing.isEmpty()) {
        next = new CurrentFile(generation, versionId, orderToken, null, null);
      } else if (existing.get().generation().equals(generation)) {
        return existing; // a retry of a run that already switched
      } else if (existing.get().orderToken().compareTo(orderToken) > 0) {
        return Optional.empty();
      } else {
        next = new CurrentFile(generation, versionId, orderToken, existing.get().generation(), existing.get().versionId());
      }
      if (write(key, next, existing, figures)) {
        return Optional.of(next);
      }
    }
    throw new IllegalStateException("file " + key.fileId() + " changed " + MAX_SWITCH_ATTEMPTS
        + " times while switching to a new upload; the message will be retried");
  }

  private boolean write(UploadKey key, CurrentFile next, Optional<CurrentFile> expected, FileFigures figures) {
    Map<String, AttributeValue> item = BatchRecords.figures(figures);
    item.putAll(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.CURRENT_SK));
    put(item, "generation", next.generation());
    put(item, "versionId", next.versionId());
    put(item, "orderToken", next.orderToken());
    put(item, "previousGeneration", next.previousGeneration());
    put(item, "previousVersionId", next.previousVersionId());
    try {
      dynamoDb.putItem(request -> {
        request.tableName(table).item(item);
        if (expected.isEmpty()) {
          request.conditionExpression("attribute_not_exists(pk)");
        } else {
          request.conditionExpression("generation = :seen")
              .expressionAttributeValues(Map.of(":seen", AttributeValue.fromS(expected.get().generation())));
        }
      });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Moves claims' or complaints' latest states forward, at most {@value #MAX_STATES_PER_REQUEST}
   * distinct records per call: each state is written only when none exists, the stored one is
   * older, or it came from an earlier upload of this same file. An older row never overwrites a
   * newer one, whatever order files arrive in. The open-deadline index entry rides on the same
   * conditional put, so it always belongs to the state that won.
   *
   * <p>Every request also checks that {@code generation} is still the file's current one. A re-upload
   * that became current meanwhile has written its own states and withdrawn this generation's rows;
   * this generation's states (equal in version where the re-upload corrected values, not times) must
   * not overwrite them. Returns false, having written nothing more, once the generation is replaced.
   */
  boolean advanceStates(UploadKey key, String generation, List<Map<String, AttributeValue>> states) {
    List<Map<String, AttributeValue>> pending = states.stream().map(deadlines::withIndex).map(seal::sealed).toList();
    TransactWriteItem stillCurrent = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
        .tableName(table)
        .key(itemKey(ItemKeys.filePk(key.fileId()), ItemKeys.CURRENT_SK))
        .conditionExpression("generation = :g")
        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(generation)))
        .build()).build();
    while (!pending.isEmpty()) {
      List<Map<String, AttributeValue>> sending = pending;
      List<TransactWriteItem> actions = new ArrayList<>(sending.size() + 1);
      actions.add(stillCurrent);
      sending.stream().map(this::conditionalStatePut).forEach(actions::add);
      try {
        dynamoDb.transactWriteItems(request -> request.transactItems(actions));
        return true;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
          return false; // replaced by a newer upload meanwhile: its states stand
        }
        // All or nothing: drop the states a newer one already beat, send the rest again.
        List<Map<String, AttributeValue>> retry = new ArrayList<>();
        for (int i = 0; i < sending.size(); i++) {
          String code = i + 1 < reasons.size() ? reasons.get(i + 1).code() : null;
          if (!"ConditionalCheckFailed".equals(code)) {
            retry.add(sending.get(i));
          }
        }
        if (retry.size() == sending.size()) {
          throw e; // cancelled for another reason (conflict, throttling): the message is retried
        }
        pending = retry;
      }
    }
    return true;
  }

  private TransactWriteItem conditionalStatePut(Map<String, AttributeValue> state) {
    return TransactWriteItem.builder().put(Put.builder()
        .tableName(table)
        .item(state)
        .conditionExpression("attribute_not_exists(pk) OR versionMillis < :v OR (versionMillis = :v AND fileId = :f)")
        .expressionAttributeValues(Map.of(
            ":v", state.get(RecordItemMapper.VERSION_MILLIS),
            ":f", state.get(RecordItemMapper.FILE_ID)))
        .build()).build();
  }

  /**
   * The row each record's state item was taken from ({@code sourceSk}), for at most {@value #MAX_STATES_PER_READ}
   * records in one consistent BatchGetItem; records without a state are left out. Keys DynamoDB leaves unprocessed
   * (throttling) are asked for again after a growing pause.
   */
  Map<String, String> stateSources(Set<String> recordPks) {
    if (recordPks.size() > MAX_STATES_PER_READ) {
      throw new IllegalArgumentException("asked for " + recordPks.size() + " states at once; BatchGetItem takes at most "
          + MAX_STATES_PER_READ + " keys");
    }
    Map<String, String> sources = new HashMap<>();
    Map<String, KeysAndAttributes> request = recordPks.isEmpty() ? Map.of() : Map.of(table, KeysAndAttributes.builder()
        .keys(recordPks.stream().map(pk -> itemKey(pk, ItemKeys.STATE_SK)).toList())
        .consistentRead(true).projectionExpression("pk, " + RecordItemMapper.SOURCE_SK).build());
    for (int round = 0; !request.isEmpty(); round++) {
      if (round == MAX_READ_ROUNDS) {
        throw new IllegalStateException("DynamoDB left states of table " + table + " unread after " + MAX_READ_ROUNDS
            + " rounds of BatchGetItem; the upload will be retried");
      }
      if (round > 0) {
        pause(FIRST_READ_PAUSE_MILLIS << (round - 1));
      }
      Map<String, KeysAndAttributes> asked = request;
      BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(asked));
      response.responses().getOrDefault(table, List.of()).forEach(item ->
          sources.put(item.get(ItemKeys.PK).s(), item.get(RecordItemMapper.SOURCE_SK).s()));
      request = response.unprocessedKeys();
    }
    return sources;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to read states again", e);
    }
  }

  /**
   * Rebuilds a record's state from the rows that remain after a withdrawal: the latest by version,
   * or no state at all when none remains. Conditional on the state still pointing at the withdrawn
   * row, so a concurrent newer state is left alone.
   */
  void rebuildState(String recordPk, String withdrawnSk, RecordType type) {
    QueryResponse rows = dynamoDb.query(request -> request
        .tableName(table)
        .keyConditionExpression("pk = :pk AND sk < :state")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(recordPk), ":state", AttributeValue.fromS(ItemKeys.STATE_SK)))
        .consistentRead(true));
    String versionColumn = type.versionColumn().orElseThrow();
    Optional<Map<String, AttributeValue>> latest = rows.items().stream()
        .filter(row -> !row.get(ItemKeys.SK).s().equals(withdrawnSk))
        .max(java.util.Comparator.comparing(row -> java.time.OffsetDateTime.parse(row.get(versionColumn).s()).toInstant()));
    Map<String, AttributeValue> condition = Map.of(":withdrawn", AttributeValue.fromS(withdrawnSk));
    try {
      if (latest.isPresent()) {
        Map<String, AttributeValue> state = seal.sealed(deadlines.withIndex(RecordItemMapper.stateFromRowItem(latest.get(), type)));
        dynamoDb.putItem(request -> request.tableName(table).item(state)
            .conditionExpression("sourceSk = :withdrawn").expressionAttributeValues(condition));
      } else {
        dynamoDb.deleteItem(request -> request.tableName(table).key(itemKey(recordPk, ItemKeys.STATE_SK))
            .conditionExpression("sourceSk = :withdrawn").expressionAttributeValues(condition));
      }
    } catch (ConditionalCheckFailedException e) {
      // A newer state arrived meanwhile; it stands.
    }
  }

  private static Map<String, AttributeValue> itemKey(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>(4);
    key.put(ItemKeys.PK, AttributeValue.fromS(pk));
    key.put(ItemKeys.SK, AttributeValue.fromS(sk));
    return key;
  }

  private static void put(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  private static boolean flag(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

}
