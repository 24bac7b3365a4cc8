package io.qualityhub.reports.function;

import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.report.CorrectiveActionItem;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportBuilder;
import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportRequest;
import io.qualityhub.reports.report.Revision;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.ReportSnapshot;
import io.qualityhub.reports.report.ReportTopic;
import io.qualityhub.reports.report.SnapshotReference;
import io.qualityhub.core.time.AsOf;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds reports from the stored aggregates, stores the order's snapshot, renders each report as the snapshot rebuilds
 * it in every format and stores them with their index.
 */
final class ReportService {

  /** The problem items a special report of each topic lists; topics without their own list none yet. */
  private static final Map<ReportTopic, Set<String>> PROBLEM_REASONS = Map.of(
      ReportTopic.CLAIMS_TIMELINESS, Set.of(FileAggregate.SETTLED_LATE),
      ReportTopic.COMPLAINTS, Set.of(FileAggregate.RESOLVED_LATE));

  /**
   * Open actions first, the most overdue at the top; then done ones awaiting their effectiveness check, the most
   * overdue check first; then verified ones, latest due first.
   */
  static final Comparator<CorrectiveActionItem> ACTION_ORDER = Comparator
      .comparing(CorrectiveActionItem::status)
      .thenComparing(action -> switch (action.status()) {
        case OPEN -> action.dueOn().toEpochDay();
        case DONE -> action.checkDueOn() == null ? Long.MAX_VALUE : action.checkDueOn().toEpochDay();
        case VERIFIED -> -action.dueOn().toEpochDay();
      })
      .thenComparing(CorrectiveActionItem::branch)
      .thenComparing(CorrectiveActionItem::inspectionId);

  private final AggregateStore aggregates;
  private final KnownBranches directory;
  private final TrackedInspections inspections;
  private final TrackedActions actions;
  private final SampleAssurances samples;
  private final IndicatorTargets targets;
  private final FindingRules rules = FindingRules.standard();
  private final ReportStore store;
  private final SnapshotStore snapshots;
  private final String deadlinePolicyVersion;
  private final Clock clock;
  private final ZoneId zone;
  private final BranchDirectory branchNames;

  /** @param branchNames the branch directory's names, shown beside the codes (the other directory lists who sent files) */
  ReportService(AggregateStore aggregates, KnownBranches directory, TrackedInspections inspections,
      TrackedActions actions, SampleAssurances samples, IndicatorTargets targets, String deadlinePolicyVersion,
      ReportStore store, SnapshotStore snapshots, Clock clock, ZoneId zone, BranchDirectory branchNames) {
    this.deadlinePolicyVersion = deadlinePolicyVersion;
    this.snapshots = snapshots;
    this.branchNames = branchNames;
    this.targets = targets;
    this.aggregates = aggregates;
    this.directory = directory;
    this.inspections = inspections;
    this.actions = actions;
    this.samples = samples;
    this.store = store;
    this.clock = clock;
    this.zone = zone;
  }

  /** The moment a request arrives: the one as-of its order and its reports are read and built at. */
  AsOf now() {
    return AsOf.now(clock);
  }

  /** The company's date at {@code asOf}, which the scheduled orders' periods end before. */
  LocalDate dateOf(AsOf asOf) {
    return asOf.date(zone);
  }

  /**
   * The ordered report, and for a scheduled order one per branch of the company report. Special
   * reports list the problem items the period's files counted (claims settled late, complaints
   * resolved late) and the corrective actions of the topic's inspections that were open during the
   * period, with their latest status.
   */
  List<StoredReport> produce(ReportOrder order, AsOf at) {
    Instant now = at.instant();
    LocalDate asOf = at.date(zone);
    asOf = asOf.isAfter(order.period().endInclusive()) ? order.period().endInclusive() : asOf;
    // One source per order: its reports read the same span, which the source then reads once, and which the
    // order's snapshot keeps.
    Set<String> knownBranches = directory.branches();
    ReportSnapshot.Recorder read = new ReportSnapshot.Recorder(
        new FindingsAggregates(aggregates, knownBranches, inspections, actions));
    ReportBuilder builder = new ReportBuilder(read, targets, rules);
    SampleAssurances.Read periodSamples = samples.read(order.period());
    List<ProblemItem> lateRecords = aggregates.problemsBetween(order.period().start(), order.period().endInclusive(),
        null, Set.of(FileAggregate.SETTLED_LATE, FileAggregate.RESOLVED_LATE));
    Revisions revisions = new Revisions(order);
    Map<String, ReportRequest> requests = new LinkedHashMap<>();
    ReportRequest mainRequest = request(order, order.scope(), asOf, now, knownBranches, periodSamples, lateRecords,
        revisions);
    QualityReport main = builder.build(mainRequest);
    requests.put(main.baseName(), mainRequest);
    if (order.withBranchReports()) {
      for (String branch : main.branchIndicators().keySet().stream().sorted().toList()) {
        ReportRequest branchRequest = request(order, ReportScope.branch(branch), asOf, now, knownBranches, periodSamples,
            lateRecords, revisions);
        requests.put(builder.build(branchRequest).baseName(), branchRequest);
      }
    }
    ReportSnapshot snapshot = read.snapshot(ReportSnapshot.GENERATOR, now, targets, deadlinePolicyVersion, requests);
    SnapshotReference reference = snapshots.store(snapshot);
    // What is rendered is what the snapshot rebuilds, as the verifier will: nothing it does not hold reaches a report.
    List<StoredReport> stored = new ArrayList<>();
    for (QualityReport report : snapshot.rebuildAll().values()) {
      stored.add(store(report, reference));
    }
    return stored;
  }

  /**
   * The order's period and the one it compares with, as the figures and the reports issued for them stand before
   * this order's reports are stored: a period whose figures changed after the last report of the same scope and
   * topic is revised.
   */
  private final class Revisions {

    private final String topic;
    private final Map<ReportPeriod, Map<String, Instant>> changed = new LinkedHashMap<>();
    private final Map<ReportPeriod, List<StoredReport>> issued = new LinkedHashMap<>();

    Revisions(ReportOrder order) {
      this.topic = order.topic().map(ReportTopic::code).orElse(null);
      for (ReportPeriod period : List.of(order.period(), order.period().previous())) {
        changed.put(period, aggregates.changedBetween(period.start(), period.endInclusive()));
        issued.put(period, store.issuedFor(period.label()));
      }
    }

    List<Revision> forScope(ReportScope scope) {
      List<Revision> revisions = new ArrayList<>();
      changed.forEach((period, byBranch) -> {
        Optional<Instant> changedAt = byBranch.entrySet().stream()
            .filter(entry -> scope.isCompany() || entry.getKey().equals(scope.branch()))
            .map(Map.Entry::getValue).max(Comparator.naturalOrder());
        Optional<Instant> reportedAt = issued.get(period).stream()
            .filter(report -> report.scope().equals(scope.label()) && Objects.equals(report.topic(), topic))
            .map(report -> Instant.parse(report.generatedAt())).max(Comparator.naturalOrder());
        if (changedAt.isPresent() && reportedAt.isPresent() && changedAt.get().isAfter(reportedAt.get())) {
          revisions.add(new Revision(period, reportedAt.get(), changedAt.get()));
        }
      });
      return revisions;
    }
  }

  private ReportRequest request(ReportOrder order, ReportScope scope, LocalDate asOf, Instant now,
      Set<String> knownBranches, SampleAssurances.Read periodSamples, List<ProblemItem> lateRecords,
      Revisions revisions) {
    ReportRequest.Builder request = ReportRequest.builder(order.period(), scope, now).asOf(asOf)
        .samples(periodSamples.forScope(scope)).recordsBehind(ofScope(lateRecords, scope))
        .revisions(revisions.forScope(scope)).branchNames(branchNames.namesZh(), branchNames.namesEn());
    order.topic().ifPresent(topic -> request.topic(topic, problems(order, scope, topic),
        actions(order, scope, topic, knownBranches)));
    return request.build();
  }

  /** A company report asks every known branch: the index is kept per branch. */
  private List<CorrectiveActionItem> actions(ReportOrder order, ReportScope scope, ReportTopic topic,
      Set<String> knownBranches) {
    LocalDate from = order.period().start();
    LocalDate to = order.period().endInclusive();
    Set<String> branches = scope.isCompany() ? knownBranches : Set.of(scope.branch());
    List<CorrectiveActionItem> found = new ArrayList<>();
    for (String branch : branches) {
      found.addAll(actions.openDuring(branch, topic.inspectedRecordTypes(), from, to));
    }
    found.sort(ACTION_ORDER);
    return found;
  }

  /** The company-wide items (qualified {@code TPE-01:C-1}) a scope's findings may name: a branch's own, unqualified. */
  private static List<ProblemItem> ofScope(List<ProblemItem> companyWide, ReportScope scope) {
    if (scope.isCompany()) {
      return companyWide;
    }
    String prefix = scope.branch() + ":";
    return companyWide.stream().filter(item -> item.itemId().startsWith(prefix))
        .map(item -> new ProblemItem(item.itemId().substring(prefix.length()), item.reason())).toList();
  }

  private List<ProblemItem> problems(ReportOrder order, ReportScope scope, ReportTopic topic) {
    Set<String> reasons = PROBLEM_REASONS.getOrDefault(topic, Set.of());
    if (reasons.isEmpty()) {
      return List.of();
    }
    return aggregates.problemsBetween(order.period().start(), order.period().endInclusive(),
            scope.isCompany() ? null : scope.branch(), reasons).stream()
        .sorted(Comparator.comparing(ProblemItem::itemId).thenComparing(ProblemItem::reason))
        .toList();
  }

  private StoredReport store(QualityReport report, SnapshotReference snapshot) {
    Map<ReportFormat, byte[]> renderings = new EnumMap<>(ReportFormat.class);
    ReportRenderings renderer = new ReportRenderings(zone);
    for (ReportFormat format : ReportFormat.values()) {
      renderings.put(format, renderer.render(format, report, snapshot));
    }
    return store.store(report.baseName(), report.period().label(), report.scope().label(),
        report.special().map(special -> special.topic().code()).orElse(null), report.generatedAt().toString(),
        renderings, snapshot);
  }
}
