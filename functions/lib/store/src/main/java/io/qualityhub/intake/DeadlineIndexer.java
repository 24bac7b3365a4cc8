package io.qualityhub.intake;

import io.qualityhub.core.config.Settings;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.deadlines.AlertLevels;
import io.qualityhub.deadlines.DeadlineCalculator;
import io.qualityhub.deadlines.DeadlinePolicy;
import io.qualityhub.deadlines.DeadlinePolicyLoader;
import io.qualityhub.deadlines.LevelSchedule;
import io.qualityhub.deadlines.OpenDeadline;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sparse index of open deadlines (GSI {@code DueIndex}): a latest-state item with a running
 * clock carries {@code dueShard} and {@code dueAt}, and an item with none carries neither, so the
 * monitor reads what is open and due, never the history.
 *
 * <p>When a state is written, {@code dueAt} is the start of the first alert level of its earliest
 * clock, even when that instant has passed: the monitor has not yet looked at this state, and its
 * per-level claims make a second look free of repeats. The value depends on the state alone, not on
 * when intake runs, so a redelivery, a backfill or a local run as of another day index alike. After
 * each look the monitor moves {@code dueAt} on to the next level's start, or removes it.
 */
public final class DeadlineIndexer {

  public static final String DUE_SHARD = "dueShard";
  public static final String DUE_AT = "dueAt";
  public static final String DUE_INDEX = "DueIndex";
  /** Partitions of the index; a few spread the writes of a busy day without making reads many. */
  public static final int SHARD_COUNT = 4;

  static final String POLICY_OVERRIDE_VARIABLE = "DEADLINE_POLICY_OVERRIDE";
  static final String TIME_ZONE_VARIABLE = "COMPANY_TIME_ZONE";

  /** Fixed width, so that string order is time order. */
  private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private final DeadlinePolicy policy;
  private final DeadlineCalculator calculator;
  private final AlertLevels levels;

  public DeadlineIndexer(DeadlinePolicy policy) {
    this.policy = policy;
    this.calculator = new DeadlineCalculator(policy);
    this.levels = new AlertLevels(policy);
  }

  /** The indexer of a function's environment, under {@link #policyOf its deadline policy}. */
  public static DeadlineIndexer fromSettings(Settings settings) {
    return new DeadlineIndexer(policyOf(settings));
  }

  /**
   * The deadline policy of a function's environment, the one place every function reads it from: the defaults, or
   * {@code DEADLINE_POLICY_OVERRIDE} (JSON, from the template parameter or the configuration store) merged over them.
   * Its time zone must be the {@code COMPANY_TIME_ZONE} the schedules run in.
   */
  public static DeadlinePolicy policyOf(Settings settings) {
    DeadlinePolicy policy = settings.optional(POLICY_OVERRIDE_VARIABLE)
        .filter(json -> !json.isBlank())
        .map(json -> DeadlinePolicyLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .orElseGet(DeadlinePolicyLoader::loadDefaults);
    Optional<ZoneId> companyZone = settings.optional(TIME_ZONE_VARIABLE).map(ZoneId::of);
    if (companyZone.isPresent() && !companyZone.get().equals(policy.timeZone())) {
      throw new IllegalStateException(TIME_ZONE_VARIABLE + " is " + companyZone.get() + " but deadline policy "
          + policy.version() + " counts days in " + policy.timeZone() + "; set \"timeZone\": \"" + companyZone.get()
          + "\" in " + POLICY_OVERRIDE_VARIABLE + " (template parameter DeadlinePolicyOverride) or change CompanyTimeZone");
    }
    return policy;
  }

  public DeadlinePolicy policy() {
    return policy;
  }

  /** The clocks running on a claim, complaint or corrective-action state item; none for other records. */
  public List<OpenDeadline> openDeadlines(Map<String, AttributeValue> state) {
    return DeadlineItems.itemType(state).map(type -> switch (type) {
      case CLAIM -> calculator.openDeadlines(DeadlineItems.claim(state));
      case COMPLAINT -> calculator.openDeadlines(DeadlineItems.complaint(state));
      case ACTION -> calculator.openDeadlines(DeadlineItems.action(state));
      // No state item is an upload: expected uploads are the monitor's, from the arrivals ledger.
      case UPLOAD -> List.<OpenDeadline>of();
    }).orElse(List.of());
  }

  /**
   * A copy of a state item with its index attributes: set to the first level's start of its earliest
   * clock, or left out when no clock runs (a put then takes the item out of the index).
   */
  public Map<String, AttributeValue> withIndex(Map<String, AttributeValue> state) {
    Map<String, AttributeValue> indexed = new HashMap<>(state);
    indexed.remove(DUE_SHARD);
    indexed.remove(DUE_AT);
    openDeadlines(state).stream()
        .map(deadline -> firstLevelStart(levels.schedule(deadline)))
        .min(Comparator.naturalOrder())
        .ifPresent(first -> {
          indexed.put(DUE_SHARD, AttributeValue.fromS(shardOf(state.get(ItemKeys.PK).s())));
          indexed.put(DUE_AT, AttributeValue.fromS(indexTime(first)));
        });
    return indexed;
  }

  /** The shard an item's index entry lives in; stable for the item, so an update never moves it. */
  public static String shardOf(String pk) {
    return "DUE#" + Math.floorMod(pk.hashCode(), SHARD_COUNT);
  }

  public static List<String> shards() {
    return IntStream.range(0, SHARD_COUNT).mapToObj(shard -> "DUE#" + shard).toList();
  }

  /**
   * An instant as the index stores it, rounded up to the second: an item is never read before its
   * level has begun.
   */
  public static String indexTime(Instant instant) {
    Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
    return INDEX_TIME.format(truncated.equals(instant) ? instant : truncated.plusSeconds(1));
  }

  /** Levels that never happen start no earlier than the next one, so the earliest start is the first level's. */
  private static Instant firstLevelStart(LevelSchedule schedule) {
    return schedule.approaching().isBefore(schedule.due()) ? schedule.approaching() : schedule.due();
  }
}
