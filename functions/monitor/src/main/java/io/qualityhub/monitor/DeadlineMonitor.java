package io.qualityhub.monitor;

import io.qualityhub.core.store.RefusedItems;
import io.qualityhub.deadlines.Alert;
import io.qualityhub.deadlines.AlertLevel;
import io.qualityhub.deadlines.AlertLevels;
import io.qualityhub.deadlines.AlertRecord;
import io.qualityhub.deadlines.DeadlineClockName;
import io.qualityhub.deadlines.AlertRouter;
import io.qualityhub.deadlines.Delivery;
import io.qualityhub.deadlines.Digest;
import io.qualityhub.deadlines.ItemType;
import io.qualityhub.deadlines.DigestBuilder;
import io.qualityhub.deadlines.MissingRecipient;
import io.qualityhub.deadlines.OpenDeadline;
import io.qualityhub.deadlines.Routing;
import io.qualityhub.deadlines.UploadVerdict;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.monitor.AlertClaimStore.Claim;
import io.qualityhub.monitor.AlertClaimStore.Standing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import io.qualityhub.core.time.AsOf;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One monitor run, as {@code docs/deadlines.md} ("Once per level") describes it:
 * <ol>
 *   <li>read the items due by now from the open-deadline index, and the alert each clock is at;
 *   <li>claim each (item, clock, level) with a conditional write before anything is sent;
 *   <li>route the claimed alerts, one digest per recipient and one topic message per branch and level;
 *   <li>record each accepted message in the claims it carried, and mark a claim sent when all have it;
 *   <li>move each item's index entry to its next level's start, or remove it;
 *   <li>write the run's alert record.
 * </ol>
 */
final class DeadlineMonitor {

  /** The alert topic's place in a claim's {@code sentTo}, beside the e-mail addresses. */
  static final String TOPIC_RECIPIENT = "sns";

  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DueIndex index;
  private final AlertClaimStore claims;
  private final DeadlineIndexer deadlines;
  private final AlertLevels levels;
  private final AlertRouter router;
  private final DigestBuilder digests;
  private final DigestMail mail;
  private final MailSender mailSender;
  private final AlertTopicPublisher topic;
  private final AlertRecordWriter alertRecords;
  private final OverdueClaimsSnapshot snapshots;
  private final UploadWatch uploads;
  private final Clock clock;

  DeadlineMonitor(DueIndex index, AlertClaimStore claims, DeadlineIndexer deadlines, AlertRouter router,
      DigestBuilder digests, DigestMail mail,
      MailSender mailSender, AlertTopicPublisher topic, AlertRecordWriter alertRecords, OverdueClaimsSnapshot snapshots,
      UploadWatch uploads, Clock clock) {
    this.index = index;
    this.claims = claims;
    this.deadlines = deadlines;
    this.levels = new AlertLevels(deadlines.policy());
    this.router = router;
    this.digests = digests;
    this.mail = mail;
    this.mailSender = mailSender;
    this.topic = topic;
    this.alertRecords = alertRecords;
    this.snapshots = snapshots;
    this.uploads = uploads;
    this.clock = clock;
  }

  /** The run id: scope and as-of instant, so that every retry of a scheduled run is the same run. */
  static String runId(MonitorScope scope, Instant asOf) {
    return scope.wireName() + "-" + RUN_TIME.format(asOf);
  }

  MonitorRun run(MonitorRequest request) {
    Instant now = request.asOf().orElseGet(() -> AsOf.now(clock)).instant();
    String runId = runId(request.scope(), now);
    String policyVersion = deadlines.policy().version();
    List<String> problems = new ArrayList<>();

    RefusedItems refused = new RefusedItems();
    DueIndex.Reading reading = index.read(now, request.scope(), refused, deadlines);
    List<IndexedItem> due = reading.due();
    RunLevels runLevels = new RunLevels(levels, now);
    List<Look> looks = look(due, runLevels, problems);
    Map<Alert, Claim> claimed = new LinkedHashMap<>();
    for (Look look : looks) {
      for (Alert alert : look.alerts()) {
        claimed.put(alert, claims.claim(alert, runId, now, policyVersion));
      }
    }
    // Missing uploads are judged once a day; they have no index entry, so advance() passes them by.
    List<UploadVerdict> uploadVerdicts = request.scope() == MonitorScope.ALL ? uploads.review(now, refused) : List.of();
    for (UploadVerdict verdict : uploadVerdicts) {
      verdict.alert().ifPresent(alert -> claimed.put(alert, claims.claim(alert, runId, now, policyVersion)));
    }
    List<Alert> active = claimed.keySet().stream().filter(alert -> claimed.get(alert).active()).toList();
    Routing routing = router.route(active);
    Map<Alert, Set<String>> unsent = new HashMap<>();
    for (Alert alert : active) {
      unsent.put(alert, new HashSet<>(Set.of(TOPIC_RECIPIENT)));
    }
    routing.deliveries().forEach(delivery -> unsent.get(delivery.alert()).add(delivery.recipient()));
    unsent.forEach((alert, recipients) -> recipients.removeAll(claimed.get(alert).sentTo()));
    // Who this run has told, over all its attempts: what the claims it holds record, plus what it sends now.
    Map<Alert, Set<String>> told = new LinkedHashMap<>();
    claimed.forEach((alert, claim) -> {
      if (claim.runId().equals(runId)) {
        told.put(alert, new TreeSet<>(claim.sentTo()));
      }
    });

    List<SentDigest> sent = sendDigests(routing.deliveries(), unsent, claimed, told, now, problems);
    int topicMessages = publish(active, unsent, claimed, told, new AlertTopicPublisher.RunInfo(runId, now, policyVersion),
        problems);

    int finished = 0;
    for (Alert alert : active) {
      if (unsent.get(alert).isEmpty()) {
        claims.finish(claimed.get(alert).key(), now);
        finished++;
      }
    }
    Moved moved = advance(looks, claimed, unsent, runLevels);
    if (request.scope() == MonitorScope.ALL) {
      writeSnapshots(reading.openClaims(), runLevels, now, runId, problems);
      uploads.record(uploadVerdicts, now, runId);
    }

    MonitorRun.Counts counts = new MonitorRun.Counts(due.size(), claimed.size(), finished,
        count(claimed, Standing.FINISHED), count(claimed, Standing.HELD), topicMessages, moved.advanced(), moved.removed(),
        refused.count(), reading.itemsTyped(), runLevels.schedulesBuilt());
    MonitorRun run = new MonitorRun(runId, now, request.scope(), policyVersion, counts, sent,
        sent.stream().flatMap(digest -> digest.digest().records().stream()).toList(),
        routing.missing().stream().map(MissingRecipient::message).toList(), problems, refused.messages(),
        alertRecords.keyFor(runId, now), uploadVerdicts);
    alertRecords.write(run, recordsOf(told, recipient -> !recipient.equals(TOPIC_RECIPIENT)),
        recordsOf(told, TOPIC_RECIPIENT::equals));
    return run;
  }

  /**
   * Per branch with an open claim, how many are overdue or severely overdue now, for the reports'
   * "overdue claims open", from the claims the run read with its due items. An item {@link #advance}
   * parks stays in the index and is counted; one it removes has no running clock, so it counted
   * for nothing either way.
   */
  private void writeSnapshots(List<IndexedItem> openClaims, RunLevels runLevels, Instant now, String runId,
      List<String> problems) {
    Map<String, Long> overdueByBranch = new TreeMap<>();
    for (IndexedItem item : openClaims) {
      switch (item) {
        case IndexedItem.Readable readable -> {
          List<OpenDeadline> open = readable.deadlines();
          boolean overdue = open.stream().map(runLevels::alertAt).flatMap(Optional::stream)
              .anyMatch(alert -> alert.level().compareTo(AlertLevel.OVERDUE) >= 0);
          open.stream().findFirst().ifPresent(deadline -> overdueByBranch.merge(deadline.branch(), overdue ? 1L : 0L, Long::sum));
        }
        case IndexedItem.Unreadable unreadable -> problems.add(unreadable.problem());
      }
    }
    LocalDate day = LocalDate.ofInstant(now, deadlines.policy().timeZone());
    overdueByBranch.forEach((branch, count) -> snapshots.put(branch, day, now, runId, count));
  }

  /** An item read from the index, its running clocks and the alert each is at now. */
  private record Look(DueIndex.Entry entry, List<OpenDeadline> deadlines, List<Alert> alerts) {}

  private List<Look> look(List<IndexedItem> items, RunLevels runLevels, List<String> problems) {
    List<Look> looks = new ArrayList<>();
    for (IndexedItem item : items) {
      switch (item) {
        case IndexedItem.Readable readable -> {
          List<Alert> alerts = readable.deadlines().stream().map(runLevels::alertAt)
              .flatMap(Optional::stream).toList();
          looks.add(new Look(readable.entry(), readable.deadlines(), alerts));
        }
        // Left in the index: it is read, and reported, again every run until it is rewritten.
        case IndexedItem.Unreadable unreadable -> problems.add(unreadable.problem());
      }
    }
    return looks;
  }

  private List<SentDigest> sendDigests(List<Delivery> deliveries, Map<Alert, Set<String>> unsent,
      Map<Alert, Claim> claimed, Map<Alert, Set<String>> told, Instant now, List<String> problems) {
    Map<String, List<Delivery>> byRecipient = new TreeMap<>();
    for (Delivery delivery : deliveries) {
      if (unsent.get(delivery.alert()).contains(delivery.recipient())) {
        byRecipient.computeIfAbsent(delivery.recipient(), recipient -> new ArrayList<>()).add(delivery);
      }
    }
    List<SentDigest> sent = new ArrayList<>();
    for (Digest digest : digests.build(byRecipient.values().stream().flatMap(List::stream).toList(), now)) {
      String recipient = digest.recipient();
      byte[] message = mail.message(digest, now);
      try {
        mailSender.send(recipient, message);
      } catch (MessageNotAcceptedException notAccepted) {
        problems.add("digest to " + recipient + " not accepted by the mail service (" + notAccepted.reason()
            + "); its alerts stay claimed and the next run resumes them");
        continue;
      }
      sent.add(new SentDigest(digest, new String(message, StandardCharsets.US_ASCII)));
      for (Delivery delivery : byRecipient.get(recipient)) {
        claims.recordSent(claimed.get(delivery.alert()).key(), recipient);
        unsent.get(delivery.alert()).remove(recipient);
        told.get(delivery.alert()).add(recipient);
      }
    }
    return sent;
  }

  private int publish(List<Alert> active, Map<Alert, Set<String>> unsent, Map<Alert, Claim> claimed,
      Map<Alert, Set<String>> told, AlertTopicPublisher.RunInfo run, List<String> problems) {
    Map<String, Map<AlertLevel, List<Alert>>> byBranch = new TreeMap<>();
    for (Alert alert : active) {
      if (unsent.get(alert).contains(TOPIC_RECIPIENT)) {
        byBranch.computeIfAbsent(alert.deadline().branch(), branch -> new TreeMap<>(Comparator.reverseOrder()))
            .computeIfAbsent(alert.level(), level -> new ArrayList<>()).add(alert);
      }
    }
    int[] messages = {0};
    for (var branch : byBranch.entrySet()) {
      for (var level : branch.getValue().entrySet()) {
        try {
          // Each part is recorded as soon as SNS accepts it: a retry sends only the parts that did not go.
          topic.publish(branch.getKey(), level.getKey(), level.getValue(), run, part -> {
            messages[0]++;
            for (Alert alert : part) {
              claims.recordSent(claimed.get(alert).key(), TOPIC_RECIPIENT);
              unsent.get(alert).remove(TOPIC_RECIPIENT);
              told.get(alert).add(TOPIC_RECIPIENT);
            }
          });
        } catch (MessageNotAcceptedException notAccepted) {
          problems.add("topic message for " + branch.getKey() + " " + level.getKey().wireName()
              + " not accepted (" + notAccepted.reason() + "); its unsent alerts stay claimed and the next run resumes them");
        }
      }
    }
    return messages[0];
  }

  /**
   * Moves on the index entry of every item whose alerts are all sent; an item with an alert still
   * unsent (held by another run, or not accepted) stays due, so the next run comes back to it.
   */
  private Moved advance(List<Look> looks, Map<Alert, Claim> claimed, Map<Alert, Set<String>> unsent, RunLevels runLevels) {
    int advanced = 0;
    int removed = 0;
    for (Look look : looks) {
      boolean settled = look.alerts().stream().allMatch(alert -> claimed.get(alert).standing() == Standing.FINISHED
          || (claimed.get(alert).active() && unsent.get(alert).isEmpty()));
      if (!settled) {
        continue;
      }
      Optional<Instant> next = look.deadlines().stream()
          .map(runLevels::nextLevelStart)
          .flatMap(Optional::stream)
          .min(Comparator.naturalOrder());
      if (index.advance(look.entry(), next, !look.deadlines().isEmpty())) {
        if (next.isPresent()) {
          advanced++;
        } else {
          removed++;
        }
      }
    }
    return new Moved(advanced, removed);
  }

  private record Moved(int advanced, int removed) {}

  /** One record per recipient, level, item type, clock and branch, with the ids, for the recipients {@code which} selects. */
  private static List<AlertRecord> recordsOf(Map<Alert, Set<String>> told, Predicate<String> which) {
    Map<RecordGroup, TreeSet<String>> groups = new TreeMap<>(RecordGroup.ORDER);
    told.forEach((alert, recipients) -> recipients.stream().filter(which).forEach(recipient -> groups
        .computeIfAbsent(new RecordGroup(recipient, alert.level(), alert.deadline().itemType(), alert.deadline().clock(),
                alert.deadline().branch()),
            group -> new TreeSet<>())
        .add(alert.deadline().itemId())));
    List<AlertRecord> records = new ArrayList<>();
    groups.forEach((group, ids) -> records.add(new AlertRecord(group.level().wireName(), group.recipient(),
        group.itemType().wireName(), group.clock().policyId(), group.branch(), List.copyOf(ids))));
    return records;
  }

  private record RecordGroup(String recipient, AlertLevel level, ItemType itemType, DeadlineClockName clock,
      String branch) {
    static final Comparator<RecordGroup> ORDER = Comparator.comparing(RecordGroup::recipient)
        .thenComparing(RecordGroup::level, Comparator.reverseOrder())
        .thenComparing(RecordGroup::itemType)
        .thenComparing(RecordGroup::clock)
        .thenComparing(RecordGroup::branch);
  }

  private static int count(Map<Alert, Claim> claimed, Standing standing) {
    return (int) claimed.values().stream().filter(claim -> claim.standing() == standing).count();
  }
}
