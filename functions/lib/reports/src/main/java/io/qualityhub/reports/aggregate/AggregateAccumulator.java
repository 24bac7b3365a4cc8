package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.ViolationSeverity;
import io.qualityhub.core.format.FollowupOutcome;
import io.qualityhub.core.format.Department;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link DailyAggregate} one fact at a time, in constant memory per branch: a portfolio file's, a monitor
 * reading's, or what one record counts on one day ({@link RecordContribution}). Not thread-safe.
 *
 * <p>A claim's settlement, a complaint's receipt and its resolution count only when their date is the aggregate's
 * day (see {@link ClaimFact} and {@link ComplaintFact}).
 */
public final class AggregateAccumulator {

    private final AggregateKey key;
    private final Map<String, BranchBuilder> branches = new HashMap<>();
    private long acceptedFacts;

    public AggregateAccumulator(AggregateKey key) {
        this.key = key;
    }

    public AggregateKey key() {
        return key;
    }

    public long acceptedFacts() {
        return acceptedFacts;
    }

    public void accept(Fact fact) {
        switch (fact) {
            case SaleFact sale -> acceptSale(sale);
            case UnderwritingFact underwriting -> acceptUnderwriting(underwriting);
            case FollowupFact followup -> acceptFollowup(followup);
            case ClaimFact claim -> acceptClaim(claim);
            case ComplaintFact complaint -> acceptComplaint(complaint);
            case SurveyFact survey -> acceptSurvey(survey);
            case ViolationFact violation -> acceptViolation(violation);
            case InspectionFact inspection -> acceptInspection(inspection);
            case CorrectiveActionFact action -> acceptCorrectiveAction(action);
            case OpenItemsSnapshot snapshot -> acceptSnapshot(snapshot);
            case PortfolioFact portfolio -> acceptPortfolio(portfolio);
            case InspectionTaskFact task -> acceptInspectionTask(task);
            case UploadPunctualityFact uploads -> acceptUploads(uploads);
        }
        acceptedFacts++;
    }

    public DailyAggregate toAggregate() {
        Map<String, BranchTallies> byBranch = new HashMap<>();
        branches.forEach((branch, builder) -> byBranch.put(branch, builder.build()));
        return new DailyAggregate(key, byBranch);
    }

    private void acceptSale(SaleFact sale) {
        BranchBuilder tally = ownBranch(sale, AggregateOrigin.of(RecordType.SALES));
        tally.add(Counter.SALES_TOTAL);
        if (sale.disclosureComplete()) {
            tally.add(Counter.SALES_DISCLOSURE_COMPLETE);
        }
        if (sale.recordingRequired()) {
            tally.add(Counter.SALES_RECORDING_REQUIRED);
            if (sale.recordingPresent()) {
                tally.add(Counter.SALES_RECORDING_PRESENT);
            }
        }
    }

    private void acceptUnderwriting(UnderwritingFact underwriting) {
        BranchBuilder tally = ownBranch(underwriting, AggregateOrigin.of(RecordType.UNDERWRITING));
        tally.add(Counter.UNDERWRITING_TOTAL);
        if (underwriting.standardException()) {
            tally.add(Counter.UNDERWRITING_EXCEPTIONS);
        }
    }

    private void acceptFollowup(FollowupFact followup) {
        BranchBuilder tally = ownBranch(followup, AggregateOrigin.of(RecordType.FOLLOWUPS));
        tally.add(Counter.FOLLOWUPS_TOTAL);
        if (followup.completed()) {
            tally.add(Counter.FOLLOWUPS_COMPLETED);
        }
        if (followup.outcome() == FollowupOutcome.UNDERSTOOD) {
            tally.add(Counter.FOLLOWUPS_UNDERSTOOD);
        }
    }

    private void acceptClaim(ClaimFact claim) {
        BranchBuilder tally = ownBranch(claim, AggregateOrigin.of(RecordType.CLAIMS));
        if (!claim.settled() || !isThisFilesDay(claim.closedAt().toLocalDate())) {
            return;
        }
        if (claim.settledWithinDeadline() == null) {
            throw invalid("a settled claim has no deadline verdict (settledWithinDeadline); the monitor must supply it");
        }
        Duration cycleTime = Duration.between(claim.reportedAt(), claim.closedAt());
        if (cycleTime.isNegative()) {
            throw invalid("a settled claim has closed_at before reported_at; intake should have rejected the row");
        }
        tally.add(Counter.CLAIMS_SETTLED);
        if (claim.settledWithinDeadline()) {
            tally.add(Counter.CLAIMS_SETTLED_ON_TIME);
        }
        if (claim.greenChannel()) {
            tally.add(Counter.CLAIMS_GREEN_SETTLED);
            if (claim.settledWithinDeadline()) {
                tally.add(Counter.CLAIMS_GREEN_SETTLED_ON_TIME);
            }
        }
        tally.addCycleTime(claim.complexity(), cycleTime);
    }

    private void acceptComplaint(ComplaintFact complaint) {
        BranchBuilder tally = ownBranch(complaint, AggregateOrigin.of(RecordType.COMPLAINTS));
        if (isThisFilesDay(complaint.receivedAt().toLocalDate())) {
            tally.add(Counter.COMPLAINTS_RECEIVED);
            if (complaint.severity() == ComplaintSeverity.MAJOR) {
                tally.add(Counter.COMPLAINTS_MAJOR);
            }
        }
        if (complaint.resolvedAt() == null || !isThisFilesDay(complaint.resolvedAt().toLocalDate())) {
            return;
        }
        if (complaint.firstResponseOnTime() == null || complaint.resolvedOnTime() == null) {
            throw invalid("a resolved complaint lacks a deadline verdict (firstResponseOnTime, resolvedOnTime); "
                    + "the monitor must supply both");
        }
        tally.add(Counter.COMPLAINTS_RESOLVED);
        if (complaint.firstResponseOnTime()) {
            tally.add(Counter.COMPLAINTS_FIRST_RESPONSE_ON_TIME);
        }
        if (complaint.resolvedOnTime()) {
            tally.add(Counter.COMPLAINTS_RESOLVED_ON_TIME);
        }
    }

    private void acceptSurvey(SurveyFact survey) {
        BranchBuilder tally = ownBranch(survey, AggregateOrigin.of(RecordType.SURVEYS));
        survey.scores().forEach((dimension, score) -> {
            String dim = dimension.name().toLowerCase(Locale.ROOT);
            tally.add(Counter.SURVEY_RESPONSES, dim, 1);
            tally.add(Counter.SURVEY_SCORE_SUM, dim, score);
        });
    }

    private void acceptViolation(ViolationFact violation) {
        BranchBuilder tally = ownBranch(violation, AggregateOrigin.of(RecordType.VIOLATIONS));
        tally.add(Counter.VIOLATIONS, violationDimension(violation.department(), violation.severity()), 1);
        tally.add(Counter.SANCTIONS, violation.sanction().wireName(), 1);
    }

    private void acceptInspection(InspectionFact inspection) {
        BranchBuilder tally = namedBranch(inspection, inspection.branch(), AggregateOrigin.of(RecordType.FINDINGS));
        tally.add(Counter.INSPECTIONS, inspection.type().code(), 1);
        if (inspection.passed()) {
            tally.add(Counter.INSPECTIONS_PASSED, inspection.type().code(), 1);
        }
    }

    private void acceptInspectionTask(InspectionTaskFact task) {
        BranchBuilder tally = namedBranch(task, task.branch(), AggregateOrigin.of(RecordType.FINDINGS));
        String dimension = InspectionTaskFact.dimension(task.type(), task.dueOn());
        tally.add(Counter.INSPECTION_TASKS_DUE, dimension, 1);
        if (task.done()) {
            tally.add(Counter.INSPECTION_TASKS_DONE, dimension, 1);
        }
    }

    private void acceptCorrectiveAction(CorrectiveActionFact action) {
        BranchBuilder tally = namedBranch(action, action.branch(), AggregateOrigin.of(RecordType.FINDINGS));
        tally.add(Counter.ACTIONS_RAISED);
        switch (action.status()) {
            case VERIFIED -> {
                tally.add(Counter.ACTIONS_CLOSED);
                if (action.closedOnTime()) {
                    tally.add(Counter.ACTIONS_CLOSED_ON_TIME);
                }
            }
            case DONE -> {
                tally.add(Counter.ACTIONS_AWAITING_CHECK);
                if (action.checkDueOn() != null) {
                    tally.add(Counter.ACTIONS_CHECK_PENDING_BY_DUE_DATE, action.checkDueOn().toString(), 1);
                }
            }
            case OPEN -> tally.add(Counter.ACTIONS_OPEN_BY_DUE_DATE, action.dueOn().toString(), 1);
        }
        if (action.checksPassed() > 0) {
            tally.add(Counter.ACTIONS_CHECKS_PASSED, "", action.checksPassed());
        }
        if (action.checksFailed() > 0) {
            tally.add(Counter.ACTIONS_CHECKS_FAILED, "", action.checksFailed());
        }
    }

    private void acceptSnapshot(OpenItemsSnapshot snapshot) {
        BranchBuilder tally = namedBranch(snapshot, snapshot.branch(), AggregateOrigin.MONITOR_SNAPSHOT);
        if (!isThisFilesDay(snapshot.asOf())) {
            throw invalid("a snapshot as of " + snapshot.asOf() + " cannot go into the aggregate of "
                    + key.businessDate());
        }
        tally.gauges.merge(Gauge.OVERDUE_OPEN_CLAIMS,
                new GaugeReading(snapshot.asOf(), snapshot.overdueOpenClaims()), GaugeReading::latest);
    }

    private void acceptUploads(UploadPunctualityFact uploads) {
        BranchBuilder tally = namedBranch(uploads, uploads.branch(), AggregateOrigin.UPLOADS);
        if (!isThisFilesDay(uploads.businessDate())) {
            throw invalid("the uploads of " + uploads.businessDate() + " cannot go into the aggregate of "
                    + key.businessDate());
        }
        tally.add(Counter.UPLOADS_EXPECTED, "", uploads.expected());
        tally.add(Counter.UPLOADS_ON_TIME, "", uploads.onTime());
    }

    /**
     * A month's product lines add up to the branch's policies in force at the month's end; a row of a later month
     * in the same file supersedes the earlier month's sum.
     */
    private void acceptPortfolio(PortfolioFact portfolio) {
        BranchBuilder tally = ownBranch(portfolio, AggregateOrigin.of(RecordType.PORTFOLIO));
        LocalDate monthEnd = portfolio.month().atEndOfMonth();
        GaugeReading held = tally.gauges.get(Gauge.POLICIES_IN_FORCE);
        if (held == null || held.asOf().isBefore(monthEnd)) {
            tally.gauges.put(Gauge.POLICIES_IN_FORCE, new GaugeReading(monthEnd, portfolio.policiesInForce()));
        } else if (held.asOf().equals(monthEnd)) {
            tally.gauges.put(Gauge.POLICIES_IN_FORCE, new GaugeReading(monthEnd, held.value() + portfolio.policiesInForce()));
        }
    }

    public static String violationDimension(Department department, ViolationSeverity severity) {
        return department.wireName() + "." + severity.wireName();
    }

    private boolean isThisFilesDay(LocalDate date) {
        return date.equals(key.businessDate());
    }

    private BranchBuilder ownBranch(Fact fact, AggregateOrigin expected) {
        return namedBranch(fact, key.branch(), expected);
    }

    private BranchBuilder namedBranch(Fact fact, String branch, AggregateOrigin expected) {
        if (key.recordType() != expected) {
            throw invalid("a " + fact.getClass().getSimpleName() + " belongs in a " + expected
                    + " aggregate, not " + key.recordType());
        }
        return branches.computeIfAbsent(branch, ignored -> new BranchBuilder());
    }

    private InvalidFactException invalid(String rule) {
        return new InvalidFactException("aggregate " + key.branch() + "/" + key.businessDate() + "/"
                + key.recordType() + " (fact " + (acceptedFacts + 1) + "): " + rule);
    }

    private static final class BranchBuilder {
        private final Map<CounterKey, long[]> counters = new HashMap<>();
        private final Map<Complexity, long[]> cycleTimes = new EnumMap<>(Complexity.class);
        private final Map<Gauge, GaugeReading> gauges = new EnumMap<>(Gauge.class);

        void add(Counter counter) {
            add(counter, "", 1);
        }

        void add(Counter counter, String dimension, long amount) {
            counters.computeIfAbsent(CounterKey.of(counter, dimension), ignored -> new long[1])[0] += amount;
        }

        void addCycleTime(Complexity complexity, Duration cycleTime) {
            DurationHistogram.addTo(
                    cycleTimes.computeIfAbsent(complexity, ignored -> new long[DurationHistogram.BUCKETS]), cycleTime);
        }

        BranchTallies build() {
            Map<CounterKey, Long> values = new HashMap<>();
            counters.forEach((key, value) -> values.put(key, value[0]));
            Map<Complexity, DurationHistogram> histograms = new EnumMap<>(Complexity.class);
            cycleTimes.forEach((complexity, counts) -> histograms.put(complexity, DurationHistogram.ofCounts(counts)));
            return new BranchTallies(values, histograms, gauges);
        }
    }
}
