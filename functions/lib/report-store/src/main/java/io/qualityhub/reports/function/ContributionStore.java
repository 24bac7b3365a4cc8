package io.qualityhub.reports.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.RecordContribution;
import io.qualityhub.reports.aggregate.RecordState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Each record's contribution in the reports table, so a record counts once, from its latest state, on the days of
 * its own dates, whichever file carried it (docs/decisions/0016). Four kinds of sealed item:
 * <ul>
 *   <li>{@code REC#{branch}#{TYPE}#{id}} / {@code {fileDate}}: the state one file gives of the record (its version
 *       and what it would add); the latest of a record's states is the one that counts ({@link RecordState});</li>
 *   <li>{@code CARRIED#{branch}#{TYPE}#{fileDate}} / {@code {id}}: the records a file carried, under the order token
 *       of the upload that carried them, so a re-upload finds the records it no longer carries;</li>
 *   <li>{@code COUNTED#{branch}#{TYPE}#{day}} / {@code {id}}: what the record counts on that day now;</li>
 *   <li>{@code AGG#{month}} / {@code {day}#{branch}#{TYPE}}: the day's aggregate, the sum of its {@code COUNTED}
 *       items, in the layout {@link AggregateStore} reads, with {@code changedAt}, the last time its figures
 *       changed.</li>
 * </ul>
 * A file is applied record by record: the counted items change first, then the state, then the carried entry, so a
 * retry after a crash finds the same change to make. The days whose figures a file changed are noted first in a
 * {@code REBUILD#{branch}#{TYPE}} / {@code {fileDate}} item and rebuilt at the end; a rebuild reads the day's counted
 * items again after writing and writes again until what it stored is what they add up to, so two files rebuilding
 * one day at once leave it right. States and carried entries carry intake's order token: an upload still being
 * applied when a newer upload of the same file was applied neither overwrites nor withdraws the newer one's.
 */
final class ContributionStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 25;
  private static final int REBUILD_ATTEMPTS = 5;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;
  private final IntegrityFailures refused;
  private final Clock clock;

  ContributionStore(DynamoDbClient dynamoDb, ItemSeal seal, IntegrityFailures refused, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = seal.table();
    this.seal = seal;
    this.refused = refused;
    this.clock = clock;
  }

  /** One file's states, applied as they are read; {@link #finish} withdraws what the file no longer carries. */
  FileStates open(String branch, AggregateOrigin type, LocalDate fileDate, String orderToken) {
    return new FileStates(branch, type, fileDate, orderToken);
  }

  final class FileStates {

    private final String branch;
    private final AggregateOrigin type;
    private final LocalDate fileDate;
    private final String orderToken;
    private final Map<String, Optional<RecordState>> pending = new TreeMap<>();
    private final Set<LocalDate> changedDays = new TreeSet<>();

    private FileStates(String branch, AggregateOrigin type, LocalDate fileDate, String orderToken) {
      this.branch = branch;
      this.type = type;
      this.fileDate = fileDate;
      this.orderToken = orderToken;
    }

    void put(String id, RecordState state) {
      if (!state.fileDate().equals(fileDate)) {
        throw new IllegalArgumentException("the file of " + fileDate + " gave a state of the file of " + state.fileDate());
      }
      pending.put(id, Optional.of(state));
      if (pending.size() >= BATCH) {
        apply();
      }
    }

    /**
     * Withdraws the states of the records an earlier upload of the file carried and this one does not (all of them
     * when {@code withdrawn}: intake withdrew the upload), then rebuilds every day whose figures changed.
     *
     * @return the days whose figures changed
     */
    Set<LocalDate> finish(boolean withdrawn) {
      apply();
      QueryRequest carried = QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(carriedPk(fileDate)))).build();
      for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(carried).items()) {
        // An entry under a later token is a newer upload's of this file, applied meanwhile: not this one's to withdraw.
        if (seal.accepts(item, refused) && item.get("orderToken").s().compareTo(orderToken) <= 0
            && (withdrawn || !orderToken.equals(item.get("orderToken").s()))) {
          pending.put(item.get("sk").s(), Optional.empty());
          if (pending.size() >= BATCH) {
            apply();
          }
        }
      }
      apply();
      Set<LocalDate> days = new TreeSet<>(changedDays);
      Map<String, AttributeValue> noted = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
          .key(rebuildKey())).item();
      if (noted != null && noted.containsKey("days")) {
        noted.get("days").ss().forEach(day -> days.add(LocalDate.parse(day)));
      }
      days.forEach(day -> rebuild(day));
      dynamoDb.deleteItem(request -> request.tableName(table).key(rebuildKey()));
      return days;
    }

    private void apply() {
      if (pending.isEmpty()) {
        return;
      }
      List<Runnable> writes = new ArrayList<>();
      Set<LocalDate> days = new TreeSet<>();
      pending.forEach((id, state) -> plan(id, state, writes, days));
      pending.clear();
      if (!days.isEmpty()) {
        dynamoDb.updateItem(request -> request.tableName(table).key(rebuildKey())
            .updateExpression("ADD days :days")
            .expressionAttributeValues(Map.of(":days",
                AttributeValue.fromSs(days.stream().map(LocalDate::toString).toList()))));
        changedDays.addAll(days);
      }
      writes.forEach(Runnable::run);
    }

    /** The writes that make {@code state} this file's state of the record (or withdraw it, when empty). */
    private void plan(String id, Optional<RecordState> state, List<Runnable> writes, Set<LocalDate> days) {
      Map<LocalDate, String> tokens = new HashMap<>();
      Map<LocalDate, RecordState> states = statesOf(id, tokens);
      if (tokens.getOrDefault(fileDate, "").compareTo(orderToken) > 0) {
        return; // a newer upload of this file, processed meanwhile, gave its own state of the record
      }
      Optional<RecordState> before = RecordState.counted(states.values());
      state.ifPresentOrElse(given -> states.put(fileDate, given), () -> states.remove(fileDate));
      Optional<RecordState> after = RecordState.counted(states.values());
      RecordContribution was = before.map(RecordState::contribution).orElse(RecordContribution.NOTHING);
      RecordContribution now = after.map(RecordState::contribution).orElse(RecordContribution.NOTHING);
      Set<LocalDate> touched = new TreeSet<>(was.byDay().keySet());
      touched.addAll(now.byDay().keySet());
      for (LocalDate day : touched) {
        DailyAggregate counted = now.on(day);
        if (Objects.equals(json(was.on(day)), json(counted))
            && Objects.equals(was.problems().get(day), now.problems().get(day))) {
          continue;
        }
        days.add(day);
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(countedPk(day)), "sk", AttributeValue.fromS(id));
        if (counted == null) {
          writes.add(() -> dynamoDb.deleteItem(request -> request.tableName(table).key(key)));
        } else {
          Map<String, AttributeValue> item = new HashMap<>(key);
          item.put("aggregate", AttributeValue.fromS(json(counted)));
          item.put("fileDate", AttributeValue.fromS(after.orElseThrow().fileDate().toString()));
          Optional.ofNullable(now.problems().get(day)).ifPresent(reason -> item.put("problem", AttributeValue.fromS(reason)));
          writes.add(() -> dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item))));
        }
      }
      Map<String, AttributeValue> stateKey = Map.of("pk", AttributeValue.fromS(recordPk(id)),
          "sk", AttributeValue.fromS(fileDate.toString()));
      Map<String, AttributeValue> carriedKey = Map.of("pk", AttributeValue.fromS(carriedPk(fileDate)),
          "sk", AttributeValue.fromS(id));
      if (state.isPresent()) {
        Map<String, AttributeValue> stateItem = new HashMap<>(stateKey);
        stateItem.put("orderToken", AttributeValue.fromS(orderToken));
        stateItem.put("contribution", AttributeValue.fromS(write(state.get().contribution())));
        Optional.ofNullable(state.get().version())
            .ifPresent(version -> stateItem.put("version", AttributeValue.fromN(Long.toString(version))));
        Map<String, AttributeValue> carriedItem = new HashMap<>(carriedKey);
        carriedItem.put("orderToken", AttributeValue.fromS(orderToken));
        writes.add(() -> putUnlessNewer(stateItem));
        writes.add(() -> putUnlessNewer(carriedItem));
      } else {
        writes.add(() -> dynamoDb.deleteItem(request -> request.tableName(table).key(stateKey)));
        writes.add(() -> dynamoDb.deleteItem(request -> request.tableName(table).key(carriedKey)));
      }
    }

    /** Writes the item unless a newer upload of the file wrote it meanwhile. */
    private void putUnlessNewer(Map<String, AttributeValue> item) {
      try {
        dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item))
            .conditionExpression("attribute_not_exists(pk) OR orderToken <= :token")
            .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(orderToken))));
      } catch (ConditionalCheckFailedException newerUpload) {
        // the newer upload's state stands; its own processing counted it
      }
    }

    private Map<LocalDate, RecordState> statesOf(String id, Map<LocalDate, String> tokens) {
      QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(recordPk(id)))).build();
      Map<LocalDate, RecordState> states = new HashMap<>();
      for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
        if (seal.accepts(item, refused)) {
          LocalDate carriedBy = LocalDate.parse(item.get("sk").s());
          tokens.put(carriedBy, item.get("orderToken").s());
          AttributeValue version = item.get("version");
          states.put(carriedBy, new RecordState(carriedBy, version == null ? null : Long.valueOf(version.n()),
              read(item.get("contribution").s())));
        }
      }
      return states;
    }

    /** Sets the day's aggregate to the sum of its counted items, until a read after the write agrees. */
    private void rebuild(LocalDate day) {
      Map<String, AttributeValue> key = AggregateStore.keyOf(day, branch + "#" + type.name());
      for (int attempt = 0; attempt < REBUILD_ATTEMPTS; attempt++) {
        List<DailyAggregate> members = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(countedPk(day)))).build();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
          if (seal.accepts(item, refused)) {
            members.add(AggregateJson.read(item.get("aggregate").s()));
            AttributeValue problem = item.get("problem");
            if (problem != null && problems.size() < FileAggregate.MAX_PROBLEMS) {
              problems.add(problem.s() + " " + item.get("sk").s());
            }
          }
        }
        String sum = json(new DailyAggregate(new AggregateKey(branch, day, type, 0), DailyAggregate.combineByBranch(members)));
        Map<String, AttributeValue> stored = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
            .key(key)).item();
        if (stored != null && !stored.isEmpty() && sum.equals(stored.get("aggregate").s())
            && problems.equals(stored.getOrDefault("problems", AttributeValue.fromL(List.of())).l().stream()
                .map(AttributeValue::s).toList())
            && isSealed(stored)) {
          return;
        }
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("aggregate", AttributeValue.fromS(sum));
        item.put("problems", AttributeValue.fromL(problems.stream().map(AttributeValue::fromS).toList()));
        item.put("orderToken", AttributeValue.fromS(orderToken));
        item.put("changedAt", AttributeValue.fromS(clock.instant().toString()));
        dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item)));
      }
      throw new IllegalStateException("the aggregate of " + day + " for " + branch + "/" + type + " kept changing while"
          + " it was rebuilt " + REBUILD_ATTEMPTS + " times; the file event is retried");
    }

    /** A stored aggregate that fails its seal is rebuilt, not kept: it is derived from the counted items. */
    private boolean isSealed(Map<String, AttributeValue> item) {
      try {
        seal.verify(item);
        return true;
      } catch (RuntimeException tampered) {
        return false;
      }
    }

    private Map<String, AttributeValue> rebuildKey() {
      return Map.of("pk", AttributeValue.fromS("REBUILD#" + branch + "#" + type.name()),
          "sk", AttributeValue.fromS(fileDate.toString()));
    }

    private String recordPk(String id) {
      return "REC#" + branch + "#" + type.name() + "#" + id;
    }

    private String carriedPk(LocalDate day) {
      return "CARRIED#" + branch + "#" + type.name() + "#" + day;
    }

    private String countedPk(LocalDate day) {
      return "COUNTED#" + branch + "#" + type.name() + "#" + day;
    }
  }

  private static String json(DailyAggregate aggregate) {
    return aggregate == null ? null : AggregateJson.write(aggregate);
  }

  private static String write(RecordContribution contribution) {
    Map<String, Object> stored = new TreeMap<>();
    Map<String, String> days = new TreeMap<>();
    contribution.byDay().forEach((day, aggregate) -> days.put(day.toString(), AggregateJson.write(aggregate)));
    Map<String, String> problems = new TreeMap<>();
    contribution.problems().forEach((day, reason) -> problems.put(day.toString(), reason));
    stored.put("days", days);
    stored.put("problems", problems);
    try {
      return JSON.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a contribution of strings always serialises", e);
    }
  }

  private static RecordContribution read(String stored) {
    try {
      Map<String, Map<String, String>> parts = JSON.readValue(stored, new TypeReference<>() { });
      Map<LocalDate, DailyAggregate> byDay = new TreeMap<>();
      parts.getOrDefault("days", Map.of()).forEach((day, json) -> byDay.put(LocalDate.parse(day), AggregateJson.read(json)));
      Map<LocalDate, String> problems = new TreeMap<>();
      parts.getOrDefault("problems", Map.of()).forEach((day, reason) -> problems.put(LocalDate.parse(day), reason));
      return new RecordContribution(byDay, problems);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a sealed record state holds no contribution in the stored form", e);
    }
  }
}
