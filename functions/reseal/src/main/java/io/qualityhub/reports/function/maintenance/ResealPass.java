package io.qualityhub.reports.function.maintenance;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemAuthenticator;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.maintenance.SealedItemKind.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The one-off upgrade step for items stored before seals existed (decision 0008): they carry no {@code seal} and
 * every function refuses them. The pass seals each item of a sealed kind ({@link SealedItemKind}) that has no seal
 * attribute at all, exactly as it reads it, and never one whose seal is there but fails: a wrong seal means the item
 * was changed after a function wrote it, and it stays refused and counted ({@code ItemsRefused}).
 *
 * <p>It seals only until it has once completed. The first complete run stores a sealed completion mark
 * ({@code MAINTENANCE#reseal / COMPLETED}); every later run seals nothing and counts items still without a seal as
 * refused, so stripping the seal from a changed item cannot get it blessed afterwards. Until then it is idempotent
 * and resumable: an interrupted run is run again, and what it sealed before counts as already sealed. Each write
 * is conditional on the item existing without a seal, so a function's write in between (always sealed) wins.
 */
public final class ResealPass {

  static final String MARK_PK = "MAINTENANCE#reseal";
  static final String MARK_SK = "COMPLETED";
  static final String ROLE = "reseal-function";

  private static final Logger LOG = LoggerFactory.getLogger(ResealPass.class);

  private final DynamoDbClient dynamoDb;
  private final Map<Table, ItemSeal> seals = new EnumMap<>(Table.class);
  private final IntegrityFailures refusals;
  private final AuditTrail trail;
  private final Clock clock;
  private final String source;

  /**
   * @param recordsSeal the records table's seal, which also seals the completion mark
   * @param refusals where each refused item is logged and counted
   * @param source what the trail records as the request's origin: the function, or the command line on the emulator
   */
  public ResealPass(DynamoDbClient dynamoDb, ItemSeal recordsSeal, ItemSeal reportsSeal, IntegrityFailures refusals,
      AuditTrail trail, Clock clock, String source) {
    this.dynamoDb = dynamoDb;
    seals.put(Table.RECORDS, recordsSeal);
    seals.put(Table.REPORTS, reportsSeal);
    this.refusals = refusals;
    this.trail = trail;
    this.clock = clock;
    this.source = source;
  }

  /**
   * @param requestedBy who asked, as the caller states it
   * @throws IllegalStateException when the completion mark fails its seal: nothing is sealed then
   */
  public ResealOutcome run(String requestedBy) {
    Optional<Instant> completed = completedAt();
    boolean open = completed.isEmpty();
    trail.append(AccessRecord.RESEAL, requestedBy, ROLE, open ? "items without a seal: started" : "items without a seal:"
        + " checked after completion", 0L, AccessRecord.Decision.ALLOW, clock.instant(), source, "qualityhub reseal");
    Counts counts = new Counts();
    for (Table table : Table.values()) {
      scan(table, open, counts);
    }
    Instant completedAt = completed.orElseGet(this::complete);
    ResealOutcome outcome = new ResealOutcome(counts.sealed, counts.alreadySealed, counts.refused, counts.leftUnsealed,
        counts.changedMeanwhile, completedAt, open);
    trail.append(AccessRecord.RESEAL, requestedBy, ROLE, "items without a seal: " + (open ? "done" : "checked")
        + ", " + outcome.refused() + " with a failing seal and " + outcome.leftUnsealed() + " without one left refused",
        outcome.sealed(), AccessRecord.Decision.ALLOW, clock.instant(), source, "qualityhub reseal");
    return outcome;
  }

  private void scan(Table table, boolean open, Counts counts) {
    ItemSeal seal = seals.get(table);
    for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(request -> request.tableName(seal.table())
        .consistentRead(true).filterExpression(SealedItemKind.filter(table))
        .expressionAttributeValues(SealedItemKind.filterValues(table))).items()) {
      SealedItemKind kind = SealedItemKind.of(table, item.get(ItemKeys.PK).s());
      if (item.containsKey(ItemSeal.ATTRIBUTE)) {
        if (seal.accepts(item, refusals)) {
          counts.alreadySealed++;
        } else {
          counts.refused++;
        }
      } else if (!open) {
        seal.accepts(item, refusals); // refused and counted as every function refuses it
        counts.leftUnsealed++;
      } else if (sealAsRead(seal, item)) {
        LOG.info("item sealed", entry("item", ItemAuthenticator.itemKey(item)), entry("kind", kind.name()));
        counts.sealed++;
      } else {
        counts.changedMeanwhile++;
      }
    }
  }

  private boolean sealAsRead(ItemSeal seal, Map<String, AttributeValue> item) {
    try {
      dynamoDb.putItem(request -> request.tableName(seal.table()).item(seal.sealed(item))
          .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#seal)")
          .expressionAttributeNames(Map.of("#seal", ItemSeal.ATTRIBUTE)));
      return true;
    } catch (ConditionalCheckFailedException writtenMeanwhile) {
      return false;
    }
  }

  /** When the pass first completed, from its sealed mark; empty while it never has. */
  private Optional<Instant> completedAt() {
    ItemSeal seal = seals.get(Table.RECORDS);
    Map<String, AttributeValue> mark = dynamoDb.getItem(request -> request.tableName(seal.table()).consistentRead(true)
        .key(markKey())).item();
    if (mark == null || mark.isEmpty()) {
      return Optional.empty();
    }
    try {
      seal.verify(mark);
    } catch (TamperedValueException e) {
      throw new IllegalStateException("the re-seal pass's completion mark " + MARK_PK + "|" + MARK_SK + " in " + seal.table()
          + " fails its seal, so nothing was sealed: someone changed or forged it. Compare it with a point-in-time restore"
          + " (docs/operations/runbooks.md, ItemSealRefusedAlarm) before anything else", e);
    }
    return Optional.of(Instant.parse(mark.get("completedAt").s()));
  }

  private Instant complete() {
    ItemSeal seal = seals.get(Table.RECORDS);
    Instant now = clock.instant();
    Map<String, AttributeValue> mark = new HashMap<>(markKey());
    mark.put("completedAt", AttributeValue.fromS(now.toString()));
    try {
      dynamoDb.putItem(request -> request.tableName(seal.table()).item(seal.sealed(mark))
          .conditionExpression("attribute_not_exists(pk)"));
      return now;
    } catch (ConditionalCheckFailedException concurrentRunCompleted) {
      return completedAt().orElseThrow(() -> new IllegalStateException("the re-seal completion mark vanished while it was"
          + " being written; run the pass again", concurrentRunCompleted));
    }
  }

  private static Map<String, AttributeValue> markKey() {
    return Map.of(ItemKeys.PK, AttributeValue.fromS(MARK_PK), ItemKeys.SK, AttributeValue.fromS(MARK_SK));
  }

  private static final class Counts {
    long sealed;
    long alreadySealed;
    long refused;
    long leftUnsealed;
    long changedMeanwhile;
  }
}
