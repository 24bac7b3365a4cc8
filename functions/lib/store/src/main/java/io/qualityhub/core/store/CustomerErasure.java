package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Carries out a customer's erasure request in the records table (docs/operations/erasure.md).
 *
 * <ol>
 *   <li>Plans: every row item the blind indexes find for the identifiers given, whatever its
 *       generation; every other row of those records (a later state row may carry no identifier);
 *       the rows of records linked to them in the same branch: follow-ups and surveys of their
 *       policies, complaints concerning their policies or claims; and the records' latest-state items.
 *   <li>Records the plan in its audit item, status {@code started}, before changing anything.
 *   <li>Erases: the customer's rows lose every sensitive value (marker {@value #MARKER}) and their
 *       blind-index terms; linked rows lose their free-text columns; states lose any personal attribute.
 *       Each changed item names the request in {@value #ERASURE_ID} and gets a new integrity tag.
 *   <li>Completes the audit item last: status {@code completed} and counts per kind.
 * </ol>
 *
 * An interrupted erasure is finished by running it again: the blind indexes then find only rows not
 * yet erased, which are part of the recorded plan, so the started request is resumed; items already
 * carrying its id are counted, not rewritten. The audit item holds a random request id, item keys
 * and counts: never a value and never a blind-index term.
 */
public final class CustomerErasure {

  public static final String MARKER = ErasureMarker.MARKER;
  /** The attribute naming the erasure request on each item it changed. */
  public static final String ERASURE_ID = ErasureMarker.ERASURE_ID;
  /** The partition holding one audit item per erasure request, sort key {@code ERASURE#{request id}}. */
  public static final String AUDIT_PK = "ERASURES";
  public static final String STARTED = "started";
  public static final String COMPLETED = "completed";
  /**
   * The sensitive columns that are free text written about a case rather than who the customer is:
   * erased from linked records, which may have been filed by someone else.
   */
  static final Set<String> FREE_TEXT = Set.of("issue_notes", "comment", "description", "diagnosis", "health_notes",
      "occupation");
  private static final AttributeValue ERASED = ErasureMarker.ERASED;
  private static final List<RecordType> LINKED_BY_POLICY = List.of(RecordType.FOLLOWUPS, RecordType.SURVEYS);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;
  private final BlindIndexSearch search;
  private final RecordDecryptor decryptor;
  private final Clock clock;
  private final BlindIndex blindIndex;
  private UploadErasure uploads;
  private Runnable awaitIntake = () -> { };

  /** @param seal the records table's seal, put on every state item an erasure cleans (the monitor refuses unsealed ones) */
  public CustomerErasure(DynamoDbClient dynamoDb, ItemSeal seal, BlindIndex blindIndex, RecordDecryptor decryptor, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = seal.table();
    this.seal = seal;
    this.search = new BlindIndexSearch(dynamoDb, table, blindIndex);
    this.decryptor = decryptor;
    this.clock = clock;
    this.blindIndex = blindIndex;
  }

  /**
   * Also takes the customer's rows out of the raw uploads in {@code bucket} ({@link UploadErasure}).
   *
   * @param awaitIntake called once after rewritten uploads were written, to give intake the chance to take them
   *     before the erasure looks again (locally: deliver the intake queue); an erasure whose rewrites intake has not
   *     taken yet stays {@value #STARTED} and is finished by running it again
   */
  public CustomerErasure withUploads(S3Client s3, String bucket, Runnable awaitIntake) {
    this.uploads = new UploadErasure(s3, bucket, dynamoDb, table, blindIndex);
    this.awaitIntake = awaitIntake;
    return this;
  }

  /** The audit item's key of a request. */
  public static Map<String, AttributeValue> auditKey(String requestId) {
    return Map.of(ItemKeys.PK, AttributeValue.fromS(AUDIT_PK), ItemKeys.SK, AttributeValue.fromS("ERASURE#" + requestId));
  }

  /** Erases every row the identifiers find (an ID number, a phone number, or both), or finishes the erasure that found them. */
  public ErasureResult erase(Map<BlindIndexedColumn, String> identifiers) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("an erasure needs an ID number or a phone number");
    }
    Map<String, Map<String, AttributeValue>> found = new LinkedHashMap<>();
    Map<String, Set<String>> terms = new HashMap<>(); // in memory only: the uploads are searched by them
    identifiers.forEach((column, value) -> {
      terms.computeIfAbsent(column.domain(), d -> new TreeSet<>()).add(search.term(column, value));
      search.items(column, value).forEach(item -> found.putIfAbsent(ItemAuthenticator.itemKey(item), item));
    });

    Optional<Plan> started = startedCovering(found.keySet());
    Plan plan;
    if (started.isPresent()) {
      plan = started.get();
    } else {
      plan = plan(UUID.randomUUID().toString(), clock.instant(), found.values());
      begin(plan);
    }
    return carryOut(plan, started.isPresent(), terms);
  }

  // --- planning ----------------------------------------------------------------------------------

  /** The work of one request: item keys ({@code pk|sk}) and state partitions, never a value. */
  private record Plan(String requestId, Instant startedAt, Set<String> rows, Set<String> linked, Set<String> states,
      Map<String, AttributeValue> progress) {}

  private Plan plan(String requestId, Instant startedAt, Iterable<Map<String, AttributeValue>> found) {
    Set<String> rows = new TreeSet<>();
    Set<String> recordPks = new TreeSet<>();
    for (Map<String, AttributeValue> item : found) {
      rows.add(ItemAuthenticator.itemKey(item));
      recordPks.add(item.get(ItemKeys.PK).s());
    }
    // Every row of the customer's records: a claim's or complaint's later state row may omit the identifiers.
    Map<String, Set<String>> policiesByBranch = new TreeMap<>();
    Map<String, Set<String>> concernedByBranch = new TreeMap<>();
    Set<String> states = new TreeSet<>();
    for (String pk : recordPks) {
      for (Map<String, AttributeValue> item : partitionRows(pk)) {
        rows.add(ItemAuthenticator.itemKey(item));
        String branch = item.get("branchCode").s();
        RecordType type = RecordType.fromWireName(item.get("recordType").s()).orElseThrow();
        text(item, "policy_id").ifPresent(policy -> {
          policiesByBranch.computeIfAbsent(branch, b -> new TreeSet<>()).add(policy);
          concernedByBranch.computeIfAbsent(branch, b -> new TreeSet<>()).add(policy);
        });
        if (type == RecordType.CLAIMS) {
          text(item, "claim_id").ifPresent(claim -> concernedByBranch.computeIfAbsent(branch, b -> new TreeSet<>()).add(claim));
        }
        if (type.keepsLatestState()) {
          states.add(pk);
        }
      }
    }
    Set<String> linked = new TreeSet<>();
    Set<String> branches = new TreeSet<>(concernedByBranch.keySet());
    for (String branch : branches) {
      linkedRows(branch, policiesByBranch.getOrDefault(branch, Set.of()), concernedByBranch.getOrDefault(branch, Set.of()))
          .forEach(key -> {
            if (!rows.contains(key)) {
              linked.add(key);
            }
          });
    }
    return new Plan(requestId, startedAt, rows, linked, states, new HashMap<>());
  }

  private List<Map<String, AttributeValue>> partitionRows(String pk) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamoDb.queryPaginator(request -> request.tableName(table).consistentRead(true)
            .keyConditionExpression("#pk = :pk AND #sk < :state")
            .expressionAttributeNames(Map.of("#pk", ItemKeys.PK, "#sk", ItemKeys.SK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":state", AttributeValue.fromS(ItemKeys.STATE_SK))))
        .items().forEach(items::add);
    return items;
  }

  /**
   * The keys of the branch's follow-up and survey rows of those policies and complaint rows concerning those
   * policies or claims. No index covers policy ids, so this is a scan filtered by attribute, one per branch.
   */
  private Set<String> linkedRows(String branch, Set<String> policies, Set<String> concerned) {
    Set<String> keys = new TreeSet<>();
    List<String> policyList = new ArrayList<>(policies);
    List<String> concernedList = new ArrayList<>(concerned);
    int chunk = 90; // an IN list takes at most 100 operands
    for (int p = 0; p < Math.max(policyList.size(), concernedList.size()); p += chunk) {
      List<String> policyPart = policyList.subList(Math.min(p, policyList.size()), Math.min(p + chunk, policyList.size()));
      List<String> concernedPart = concernedList.subList(Math.min(p, concernedList.size()),
          Math.min(p + chunk, concernedList.size()));
      Map<String, String> names = new HashMap<>(Map.of("#branch", "branchCode", "#type", "recordType", "#sk", ItemKeys.SK,
          "#policy", "policy_id", "#concerns", "concerns_id"));
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":branch", AttributeValue.fromS(branch));
      values.put(":state", AttributeValue.fromS(ItemKeys.STATE_SK));
      values.put(":complaints", AttributeValue.fromS(RecordType.COMPLAINTS.wireName()));
      List<String> alternatives = new ArrayList<>();
      if (!policyPart.isEmpty()) {
        List<String> typeRefs = new ArrayList<>();
        for (int t = 0; t < LINKED_BY_POLICY.size(); t++) {
          values.put(":t" + t, AttributeValue.fromS(LINKED_BY_POLICY.get(t).wireName()));
          typeRefs.add(":t" + t);
        }
        alternatives.add("(#type IN (" + String.join(", ", typeRefs) + ") AND #policy IN (" + refs("p", policyPart, values) + "))");
      }
      if (!concernedPart.isEmpty()) {
        alternatives.add("(#type = :complaints AND #concerns IN (" + refs("c", concernedPart, values) + "))");
      }
      if (alternatives.isEmpty()) {
        continue;
      }
      String filter = "#branch = :branch AND #sk <> :state AND (" + String.join(" OR ", alternatives) + ")";
      dynamoDb.scanPaginator(request -> request.tableName(table).consistentRead(true)
              .projectionExpression("#pk, #sk").filterExpression(filter)
              .expressionAttributeNames(withPk(names)).expressionAttributeValues(values))
          .items().forEach(item -> keys.add(ItemAuthenticator.itemKey(item)));
    }
    return keys;
  }

  private static Map<String, String> withPk(Map<String, String> names) {
    Map<String, String> all = new HashMap<>(names);
    all.put("#pk", ItemKeys.PK);
    return all;
  }

  private static String refs(String prefix, List<String> ids, Map<String, AttributeValue> values) {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      values.put(":" + prefix + i, AttributeValue.fromS(ids.get(i)));
      refs.add(":" + prefix + i);
    }
    return String.join(", ", refs);
  }

  // --- the audit item ----------------------------------------------------------------------------

  private void begin(Plan plan) {
    dynamoDb.putItem(request -> request.tableName(table).item(startedItem(plan)).conditionExpression("attribute_not_exists(pk)"));
  }

  /** Records what is done so far, before the step that depends on it, so a resumed erasure counts the same. */
  private void saveProgress(Plan plan) {
    dynamoDb.putItem(request -> request.tableName(table).item(startedItem(plan)).conditionExpression("#status = :started")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":started", AttributeValue.fromS(STARTED))));
  }

  private static Map<String, AttributeValue> startedItem(Plan plan) {
    Map<String, AttributeValue> audit = new HashMap<>(plan.progress());
    audit.putAll(auditKey(plan.requestId()));
    audit.put("status", AttributeValue.fromS(STARTED));
    audit.put("startedAt", AttributeValue.fromS(plan.startedAt().toString()));
    putSet(audit, "rowItems", plan.rows());
    putSet(audit, "linkedItems", plan.linked());
    putSet(audit, "stateRecords", plan.states());
    return audit;
  }

  /**
   * The started (unfinished) request whose plan holds every row found now; when nothing is found, the oldest
   * started request: an interrupted erasure that already erased every row but had not completed its record.
   */
  private Optional<Plan> startedCovering(Set<String> found) {
    List<Plan> started = new ArrayList<>();
    dynamoDb.queryPaginator(request -> request.tableName(table).consistentRead(true)
            .keyConditionExpression("#pk = :pk")
            .filterExpression("#status = :started")
            .expressionAttributeNames(Map.of("#pk", ItemKeys.PK, "#status", "status"))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AUDIT_PK), ":started", AttributeValue.fromS(STARTED))))
        .items().forEach(item -> {
          Map<String, AttributeValue> progress = new HashMap<>(item);
          progress.keySet().removeAll(Set.of(ItemKeys.PK, ItemKeys.SK, "status", "startedAt", "rowItems", "linkedItems",
              "stateRecords"));
          started.add(new Plan(item.get(ItemKeys.SK).s().substring("ERASURE#".length()), Instant.parse(item.get("startedAt").s()),
              set(item, "rowItems"), set(item, "linkedItems"), set(item, "stateRecords"), progress));
        });
    started.sort(Comparator.comparing(Plan::startedAt));
    for (Plan plan : started) {
      Set<String> planned = new LinkedHashSet<>(plan.rows());
      planned.addAll(plan.linked());
      if (found.isEmpty() || planned.containsAll(found)) {
        return Optional.of(plan);
      }
    }
    return Optional.empty();
  }

  private void complete(Plan plan, ErasureResult result) {
    Map<String, AttributeValue> audit = new HashMap<>(auditKey(plan.requestId()));
    audit.put("status", AttributeValue.fromS(COMPLETED));
    audit.put("startedAt", AttributeValue.fromS(plan.startedAt().toString()));
    audit.put("completedAt", AttributeValue.fromS(clock.instant().toString()));
    putSet(audit, "rowItems", plan.rows());
    putSet(audit, "linkedItems", plan.linked());
    putSet(audit, "stateRecords", plan.states());
    audit.put("itemsErased", number(result.itemsErased()));
    audit.put("itemsFailingIntegrity", number(result.itemsFailingIntegrity()));
    audit.put("linkedItemsErased", number(result.linkedItemsErased()));
    audit.put("statesCleaned", number(result.statesCleaned()));
    audit.put("uploadsRewritten", number(result.uploadsRewritten()));
    audit.put("uploadVersionsDeleted", number(result.uploadVersionsDeleted()));
    putSet(audit, "uploadsHoldingValues", new TreeSet<>(result.uploadsHoldingValues()));
    dynamoDb.putItem(request -> request.tableName(table).item(audit).conditionExpression("#status = :started")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":started", AttributeValue.fromS(STARTED))));
  }

  // --- carrying it out ---------------------------------------------------------------------------

  private ErasureResult carryOut(Plan plan, boolean resumed, Map<String, Set<String>> terms) {
    String requestId = plan.requestId();
    Map<String, AttributeValue> progress = plan.progress();
    int erased = 0;
    int failing = 0;
    Set<String> uploadLines = new TreeSet<>(); // objectKey|generation|line of the customer's rows
    Set<String> linkedUploadLines = new TreeSet<>();
    Set<String> rowUploads = new TreeSet<>();
    Set<String> linkedUploads = new TreeSet<>();
    for (String key : plan.rows()) {
      Map<String, AttributeValue> item = get(key);
      if (item == null) {
        continue; // withdrawn by a re-upload since the plan was made: nothing left to erase
      }
      if (!erasedBy(item, requestId)) {
        item = eraseItem(item, requestId, column -> true, true);
      }
      erased++;
      if (!item.containsKey(ItemAuthenticator.TAG)) {
        failing++;
      }
      rowUploads.add(uploadOf(item));
      uploadLine(item).ifPresent(uploadLines::add);
    }
    int linked = 0;
    for (String key : plan.linked()) {
      Map<String, AttributeValue> item = get(key);
      if (item == null) {
        continue;
      }
      if (!erasedBy(item, requestId)) {
        item = eraseItem(item, requestId, FREE_TEXT::contains, false);
      }
      linked++;
      linkedUploads.add(uploadOf(item));
      uploadLine(item).ifPresent(linkedUploadLines::add);
    }
    int states = 0;
    for (String pk : plan.states()) {
      if (cleanState(pk, requestId)) {
        states++;
      }
    }
    if (!progress.containsKey("itemsErased")) {
      // The table's part is done. Its counts and the rows' places in the uploads are kept now: rewritten uploads
      // make intake withdraw these rows, after which a resumed erasure could no longer count or place them.
      progress.put("itemsErased", number(erased));
      progress.put("itemsFailingIntegrity", number(failing));
      progress.put("linkedItemsErased", number(linked));
      progress.put("statesCleaned", number(states));
      putSet(progress, "uploadLines", uploadLines);
      putSet(progress, "linkedUploadLines", linkedUploadLines);
      putSet(progress, "rowUploads", rowUploads);
      putSet(progress, "linkedUploads", linkedUploads);
      saveProgress(plan);
    }
    List<String> holding = new ArrayList<>();
    List<String> awaiting = new ArrayList<>();
    if (uploads == null) {
      holding.addAll(set(progress, "rowUploads"));
      holding.addAll(set(progress, "linkedUploads"));
    } else {
      Map<String, Map<String, Set<Integer>>> lines = linesByKey(set(progress, "uploadLines"));
      Map<String, Map<String, Set<Integer>>> linkedLines = linesByKey(set(progress, "linkedUploadLines"));
      Map<String, UploadErasure.State> outcome = new TreeMap<>();
      Set<String> objectKeys = new TreeSet<>(lines.keySet());
      objectKeys.addAll(linkedLines.keySet());
      for (String objectKey : objectKeys) {
        outcome.put(objectKey, eraseUpload(plan, objectKey, terms, lines, linkedLines));
      }
      if (outcome.containsValue(UploadErasure.State.AWAITING_INTAKE)) {
        awaitIntake.run();
        outcome.replaceAll((objectKey, state) -> state == UploadErasure.State.AWAITING_INTAKE
            ? eraseUpload(plan, objectKey, terms, lines, linkedLines) : state);
      }
      outcome.forEach((objectKey, state) -> {
        if (state == UploadErasure.State.AWAITING_INTAKE) {
          awaiting.add(objectKey);
        } else if (state == UploadErasure.State.CANNOT_REWRITE) {
          holding.add(objectKey + " (current version: every row of it is the customer's; intake refuses an empty file)");
        }
      });
      for (String linkedUpload : set(progress, "linkedUploads")) {
        String objectKey = linkedUpload.substring(0, linkedUpload.lastIndexOf(" (version "));
        if (!objectKeys.contains(objectKey)) {
          holding.add(linkedUpload + ": free text of linked records");
        }
      }
    }
    ErasureResult result = new ErasureResult(requestId, plan.startedAt(), number(progress, "itemsErased"),
        number(progress, "itemsFailingIntegrity"), number(progress, "linkedItemsErased"), number(progress, "statesCleaned"),
        set(progress, "uploadsRewritten").size(), set(progress, "uploadVersionsDeleted").size(), holding, awaiting, resumed);
    if (awaiting.isEmpty()) {
      complete(plan, result);
    } else {
      saveProgress(plan);
    }
    return result;
  }

  private UploadErasure.State eraseUpload(Plan plan, String objectKey, Map<String, Set<String>> terms,
      Map<String, Map<String, Set<Integer>>> lines, Map<String, Map<String, Set<Integer>>> linkedLines) {
    Map<String, AttributeValue> progress = plan.progress();
    return uploads.erase(plan.requestId(), objectKey, terms, lines.getOrDefault(objectKey, Map.of()),
        linkedLines.getOrDefault(objectKey, Map.of()),
        version -> {
          Set<String> deleted = new TreeSet<>(set(progress, "uploadVersionsDeleted"));
          if (deleted.add(version)) {
            putSet(progress, "uploadVersionsDeleted", deleted);
            saveProgress(plan); // recorded before the version goes, so a rerun counts it once
          }
        },
        rewritten -> {
          Set<String> keys = new TreeSet<>(set(progress, "uploadsRewritten"));
          if (keys.add(rewritten)) {
            putSet(progress, "uploadsRewritten", keys);
            saveProgress(plan);
          }
        });
  }

  /** {@code objectKey|generation|line} of a row item, from its batch record. */
  private Optional<String> uploadLine(Map<String, AttributeValue> item) {
    return objectKeyOf(item).map(objectKey -> objectKey + "|" + item.get(RecordItemMapper.GENERATION).s() + "|"
        + item.get(RecordItemMapper.LINE).n());
  }

  private static Map<String, Map<String, Set<Integer>>> linesByKey(Set<String> uploadLines) {
    Map<String, Map<String, Set<Integer>>> byKey = new TreeMap<>();
    for (String entry : uploadLines) {
      int lineBar = entry.lastIndexOf('|');
      int generationBar = entry.lastIndexOf('|', lineBar - 1);
      byKey.computeIfAbsent(entry.substring(0, generationBar), k -> new TreeMap<>())
          .computeIfAbsent(entry.substring(generationBar + 1, lineBar), g -> new TreeSet<>())
          .add(Integer.parseInt(entry.substring(lineBar + 1)));
    }
    return byKey;
  }

  private static int number(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item.get(attribute);
    return value == null ? 0 : Integer.parseInt(value.n());
  }

  private static boolean erasedBy(Map<String, AttributeValue> item, String requestId) {
    AttributeValue by = item.get(ERASURE_ID);
    return by != null && requestId.equals(by.s());
  }

  /**
   * Replaces the item's sensitive attributes the filter selects by the marker, optionally removes its blind-index
   * terms, and writes it conditionally on the tag it read. Returns the item as written.
   */
  private Map<String, AttributeValue> eraseItem(Map<String, AttributeValue> item, String requestId,
      java.util.function.Predicate<String> columns, boolean removeTerms) {
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
      if (column.sensitive() && erased.containsKey(column.name()) && columns.test(column.name())) {
        erased.put(column.name(), ERASED);
      }
    }
    if (removeTerms) {
      for (BlindIndexedColumn indexed : BlindIndexedColumn.values()) {
        erased.remove(indexed.termAttribute());
      }
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
          + " erased; run the erasure again: it resumes request " + requestId, e);
    }
    return written;
  }

  /**
   * Rewrites the record's latest-state item without any sensitive attribute it carries (intake writes states
   * without them; an older state may still have one). Returns whether this request cleaned it.
   */
  private boolean cleanState(String pk, String requestId) {
    Map<String, AttributeValue> state = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(pk), ItemKeys.SK, AttributeValue.fromS(ItemKeys.STATE_SK)))).item();
    if (state == null || state.isEmpty()) {
      return false;
    }
    if (erasedBy(state, requestId)) {
      return true;
    }
    RecordType type = RecordType.fromWireName(state.get("recordType").s()).orElseThrow();
    Map<String, AttributeValue> cleaned = new HashMap<>(state);
    boolean changed = false;
    for (Column column : type.columns()) {
      if (column.sensitive() && cleaned.remove(column.name()) != null) {
        changed = true;
      }
    }
    for (BlindIndexedColumn indexed : BlindIndexedColumn.values()) {
      changed |= cleaned.remove(indexed.termAttribute()) != null;
    }
    if (!changed) {
      return false;
    }
    cleaned.put(ERASURE_ID, AttributeValue.fromS(requestId));
    AttributeValue source = state.get(RecordItemMapper.SOURCE_SK);
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(cleaned)).conditionExpression("#source = :source")
          .expressionAttributeNames(Map.of("#source", RecordItemMapper.SOURCE_SK))
          .expressionAttributeValues(Map.of(":source", source)));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("the state of " + pk + " moved while it was being cleaned; run the erasure again:"
          + " it resumes request " + requestId, e);
    }
    return true;
  }

  private Map<String, AttributeValue> get(String itemKey) {
    int bar = itemKey.lastIndexOf('|');
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(itemKey.substring(0, bar)),
            ItemKeys.SK, AttributeValue.fromS(itemKey.substring(bar + 1))))).item();
    return item == null || item.isEmpty() ? null : item;
  }

  /** The uploaded object version a row came from, as {@code key (version id)}: named by its batch record. */
  private String uploadOf(Map<String, AttributeValue> item) {
    String generation = item.get(RecordItemMapper.GENERATION).s();
    return objectKeyOf(item).orElse("file " + item.get(RecordItemMapper.FILE_ID).s()) + " (version " + generation + ")";
  }

  private Optional<String> objectKeyOf(Map<String, AttributeValue> item) {
    String fileId = item.get(RecordItemMapper.FILE_ID).s();
    String generation = item.get(RecordItemMapper.GENERATION).s();
    Map<String, AttributeValue> batch = dynamoDb.getItem(request -> request.tableName(table)
        .key(Map.of(ItemKeys.PK, AttributeValue.fromS(ItemKeys.filePk(fileId)),
            ItemKeys.SK, AttributeValue.fromS(ItemKeys.batchSk(generation))))).item();
    AttributeValue objectKey = batch == null ? null : batch.get("objectKey");
    return objectKey == null ? Optional.empty() : Optional.of(objectKey.s());
  }

  private static Optional<String> text(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item.get(attribute);
    return value == null || value.s() == null || value.s().isEmpty() ? Optional.empty() : Optional.of(value.s());
  }

  private static Set<String> set(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item.get(attribute);
    return value == null ? Set.of() : new TreeSet<>(value.ss());
  }

  private static void putSet(Map<String, AttributeValue> item, String attribute, Set<String> values) {
    if (!values.isEmpty()) {
      item.put(attribute, AttributeValue.fromSs(new ArrayList<>(values)));
    }
  }

  private static AttributeValue number(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
