package io.qualityhub.reports;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.ViolationSeverity;
import io.qualityhub.core.format.UnderwritingDecision;
import io.qualityhub.core.format.Sanction;
import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.RiskLevel;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.FollowupOutcome;
import io.qualityhub.core.format.Department;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.UploadPunctualityFact;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.reports.aggregate.CorrectiveActionFact;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.FollowupFact;
import io.qualityhub.reports.aggregate.InspectionFact;
import io.qualityhub.reports.aggregate.InspectionTaskFact;
import io.qualityhub.reports.aggregate.InspectionType;
import io.qualityhub.reports.aggregate.OpenItemsSnapshot;
import io.qualityhub.reports.aggregate.PortfolioFact;
import io.qualityhub.reports.aggregate.SaleFact;
import io.qualityhub.reports.aggregate.SurveyFact;
import io.qualityhub.reports.aggregate.UnderwritingFact;
import io.qualityhub.reports.aggregate.ViolationFact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.qualityhub.core.format.Complexity.COMPLEX;
import static io.qualityhub.core.format.Complexity.SIMPLE;
import static io.qualityhub.core.format.SalesChannel.AGENT;
import static io.qualityhub.core.format.SalesChannel.BANCASSURANCE;
import static io.qualityhub.core.format.SalesChannel.ONLINE;
import static io.qualityhub.core.format.SalesChannel.TELEMARKETING;

/**
 * A small data set for October 2026 (and September for trends) whose every indicator was worked
 * out by hand; the expected values live in the tests, with the arithmetic beside them.
 */
public final class HandBuiltDataset {

    public static final String TPE = "TPE-01";
    public static final String KHH = "KHH-02";

    private HandBuiltDataset() {
    }

    public static AggregateLedger ledger() {
        AggregateLedger ledger = new AggregateLedger();
        // TPE-01 sales on 10-05, first upload: 10 sales, none compliant. Replaced below.
        List<Fact> firstUpload = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstUpload.add(new SaleFact(AGENT, ProductLine.LIFE, false, false, false, false));
        }
        ledger.put(aggregate(TPE, "2026-10-05", AggregateOrigin.of(RecordType.SALES), 1, firstUpload));
        ledger.put(aggregate(TPE, "2026-10-05", AggregateOrigin.of(RecordType.SALES), 2, List.of(
                new SaleFact(AGENT, ProductLine.PROPERTY, true, true, true, false),
                new SaleFact(TELEMARKETING, ProductLine.AUTO, true, true, true, true),
                new SaleFact(BANCASSURANCE, ProductLine.LIFE, true, false, true, false),
                new SaleFact(AGENT, ProductLine.HEALTH, true, true, true, true))));
        ledger.put(aggregate(KHH, "2026-10-06", AggregateOrigin.of(RecordType.SALES), 1, List.of(
                new SaleFact(ONLINE, ProductLine.ACCIDENT, true, true, true, false))));

        ledger.put(aggregate(TPE, "2026-10-07", AggregateOrigin.of(RecordType.UNDERWRITING), 1, List.of(
                uw(true), uw(false), uw(false), uw(false))));
        ledger.put(aggregate(KHH, "2026-10-07", AggregateOrigin.of(RecordType.UNDERWRITING), 1, List.of(uw(false), uw(false))));

        ledger.put(aggregate(TPE, "2026-10-08", AggregateOrigin.of(RecordType.FOLLOWUPS), 1, List.of(
                new FollowupFact(FollowupOutcome.UNDERSTOOD), new FollowupFact(FollowupOutcome.UNDERSTOOD),
                new FollowupFact(FollowupOutcome.NOT_UNDERSTOOD),
                new FollowupFact(FollowupOutcome.UNREACHABLE))));
        ledger.put(aggregate(KHH, "2026-10-08", AggregateOrigin.of(RecordType.FOLLOWUPS), 1, List.of(
                new FollowupFact(FollowupOutcome.ISSUE_RAISED))));

        ledger.put(aggregate(TPE, "2026-10-10", AggregateOrigin.of(RecordType.CLAIMS), 1, List.of(
                claim(SIMPLE, false, ClaimStatus.CLOSED, "2026-10-08T09:00", "2026-10-10T09:00", true),
                claim(SIMPLE, true, ClaimStatus.CLOSED, "2026-10-09T10:00", "2026-10-10T10:00", true),
                claim(COMPLEX, false, ClaimStatus.REJECTED, "2026-09-10T09:00", "2026-10-10T09:00", false),
                claim(SIMPLE, true, ClaimStatus.CLOSED, "2026-10-03T12:00", "2026-10-10T12:00", false),
                claim(SIMPLE, false, ClaimStatus.WITHDRAWN, "2026-10-01T12:00", "2026-10-10T12:00", null),
                // a correction row for a claim settled the day before: counted in 10-09's file, not here
                claim(SIMPLE, false, ClaimStatus.CLOSED, "2026-10-01T12:00", "2026-10-09T12:00", true),
                claim(SIMPLE, false, ClaimStatus.UNDER_REVIEW, "2026-10-01T12:00", null, null))));
        ledger.put(aggregate(KHH, "2026-10-11", AggregateOrigin.of(RecordType.CLAIMS), 1, List.of(
                claim(SIMPLE, false, ClaimStatus.CLOSED, "2026-10-10T08:00", "2026-10-11T20:00", true))));

        ledger.put(aggregate(TPE, "2026-10-15", AggregateOrigin.MONITOR_SNAPSHOT, 1, List.of(
                new OpenItemsSnapshot(TPE, LocalDate.parse("2026-10-15"), 3))));
        ledger.put(aggregate(TPE, "2026-10-31", AggregateOrigin.MONITOR_SNAPSHOT, 1, List.of(
                new OpenItemsSnapshot(TPE, LocalDate.parse("2026-10-31"), 2))));
        ledger.put(aggregate(KHH, "2026-10-20", AggregateOrigin.MONITOR_SNAPSHOT, 1, List.of(
                new OpenItemsSnapshot(KHH, LocalDate.parse("2026-10-20"), 1))));

        // The monitor's upload verdicts: TPE 3 of 3 files on time on 10-15, 1 of 3 on 10-16; KHH 2 of 2 on 10-20.
        ledger.put(aggregate(TPE, "2026-10-15", AggregateOrigin.UPLOADS, 1, List.of(
                new UploadPunctualityFact(TPE, LocalDate.parse("2026-10-15"), 3, 3))));
        ledger.put(aggregate(TPE, "2026-10-16", AggregateOrigin.UPLOADS, 1, List.of(
                new UploadPunctualityFact(TPE, LocalDate.parse("2026-10-16"), 3, 1))));
        ledger.put(aggregate(KHH, "2026-10-20", AggregateOrigin.UPLOADS, 1, List.of(
                new UploadPunctualityFact(KHH, LocalDate.parse("2026-10-20"), 2, 2))));

        // Policies in force: TPE 3,000 life + 1,000 health at October's end (its September row is superseded);
        // KHH 1,000 auto.
        ledger.put(aggregate(TPE, "2026-10-31", AggregateOrigin.of(RecordType.PORTFOLIO), 1, List.of(
                new PortfolioFact(YearMonth.parse("2026-09"), 2500),
                new PortfolioFact(YearMonth.parse("2026-10"), 3000),
                new PortfolioFact(YearMonth.parse("2026-10"), 1000))));
        ledger.put(aggregate(KHH, "2026-10-20", AggregateOrigin.of(RecordType.PORTFOLIO), 1, List.of(
                new PortfolioFact(YearMonth.parse("2026-10"), 1000))));

        ledger.put(aggregate(TPE, "2026-10-12", AggregateOrigin.of(RecordType.COMPLAINTS), 1, List.of(
                complaint(ComplaintSeverity.GENERAL, "2026-10-12T09:00", null, null, null),
                complaint(ComplaintSeverity.MAJOR, "2026-10-12T10:00", "2026-10-12T18:00", true, true),
                complaint(ComplaintSeverity.GENERAL, "2026-10-01T09:00", "2026-10-12T11:00", true, false))));
        ledger.put(aggregate(KHH, "2026-10-13", AggregateOrigin.of(RecordType.COMPLAINTS), 1, List.of(
                complaint(ComplaintSeverity.GENERAL, "2026-10-13T09:00", "2026-10-13T15:00", false, true))));

        ledger.put(aggregate(TPE, "2026-10-14", AggregateOrigin.of(RecordType.SURVEYS), 1, List.of(
                SurveyFact.of(5, null, 4, null, 4), SurveyFact.of(3, 4, 2, 5, 3))));
        ledger.put(aggregate(KHH, "2026-10-14", AggregateOrigin.of(RecordType.SURVEYS), 1, List.of(
                SurveyFact.of(null, null, null, null, 5))));

        ledger.put(aggregate(TPE, "2026-10-15", AggregateOrigin.of(RecordType.VIOLATIONS), 1, List.of(
                new ViolationFact(Department.CLAIMS, ViolationSeverity.MAJOR, Sanction.FINE),
                new ViolationFact(Department.CLAIMS, ViolationSeverity.MAJOR,
                        Sanction.WARNING),
                new ViolationFact(Department.SALES, ViolationSeverity.MINOR,
                        Sanction.TRAINING))));
        ledger.put(aggregate(KHH, "2026-10-15", AggregateOrigin.of(RecordType.VIOLATIONS), 1, List.of(
                new ViolationFact(Department.SALES, ViolationSeverity.SEVERE,
                        Sanction.TERMINATION))));

        ledger.put(aggregate("QA", "2026-10-20", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                new InspectionFact(TPE, InspectionType.SALES_RECORDING, true),
                new InspectionFact(TPE, InspectionType.SALES_RECORDING, false),
                new CorrectiveActionFact(TPE, ActionStatus.OPEN, LocalDate.parse("2026-10-25"), null),
                new InspectionFact(TPE, InspectionType.CLAIM_FILE, true),
                new InspectionFact(TPE, InspectionType.CLAIM_FILE, true),
                new InspectionFact(TPE, InspectionType.CLAIM_FILE, true),
                new InspectionFact(TPE, InspectionType.CLAIM_FILE, false),
                // Done, its first effectiveness check failed, done again: the second check was due 10-28.
                new CorrectiveActionFact(TPE, ActionStatus.DONE, LocalDate.parse("2026-10-22"),
                        LocalDate.parse("2026-10-21"), LocalDate.parse("2026-10-28"), 0, 1),
                new InspectionFact(TPE, InspectionType.UNDERWRITING_FILE, true),
                new InspectionFact(KHH, InspectionType.CLAIM_FILE, true),
                new InspectionFact(KHH, InspectionType.CLAIM_FILE, false),
                new CorrectiveActionFact(KHH, ActionStatus.VERIFIED, LocalDate.parse("2026-10-18"),
                        LocalDate.parse("2026-10-19"), null, 1, 0),
                new CorrectiveActionFact(KHH, ActionStatus.OPEN, LocalDate.parse("2026-11-05"),
                        null))));

        // Inspection tasks by due day. TPE-01: sales recordings 2 of 2 done; underwriting files 1 of 4; claim files
        // 2 of 3; complaints 0 of 1. KHH-02: claim files 2 of 2.
        ledger.put(aggregate(TPE, "2026-10-10", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.UNDERWRITING_FILE, "2026-10-10", true))));
        ledger.put(aggregate(TPE, "2026-10-15", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.CLAIM_FILE, "2026-10-15", true),
                task(TPE, InspectionType.CLAIM_FILE, "2026-10-15", true))));
        ledger.put(aggregate(TPE, "2026-10-20", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.SALES_RECORDING, "2026-10-20", true),
                task(TPE, InspectionType.SALES_RECORDING, "2026-10-20", true))));
        ledger.put(aggregate(TPE, "2026-10-22", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.COMPLAINT, "2026-10-22", false))));
        ledger.put(aggregate(TPE, "2026-10-28", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.UNDERWRITING_FILE, "2026-10-28", false),
                task(TPE, InspectionType.UNDERWRITING_FILE, "2026-10-28", false),
                task(TPE, InspectionType.UNDERWRITING_FILE, "2026-10-28", false))));
        ledger.put(aggregate(TPE, "2026-10-31", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.CLAIM_FILE, "2026-10-31", false))));
        ledger.put(aggregate(KHH, "2026-10-18", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(KHH, InspectionType.CLAIM_FILE, "2026-10-18", true),
                task(KHH, InspectionType.CLAIM_FILE, "2026-10-18", true))));

        // September: TPE-01 sold 2 policies, both fully disclosed.
        ledger.put(aggregate(TPE, "2026-09-10", AggregateOrigin.of(RecordType.SALES), 1, List.of(
                new SaleFact(AGENT, ProductLine.PROPERTY, true, true, true, false),
                new SaleFact(AGENT, ProductLine.PROPERTY, true, true, true, false))));
        return ledger;
    }

    public static DailyAggregate aggregate(String branch, String date, AggregateOrigin type,
                                          long generation, List<Fact> facts) {
        AggregateAccumulator accumulator =
                new AggregateAccumulator(new AggregateKey(branch, LocalDate.parse(date), type, generation));
        facts.forEach(accumulator::accept);
        return accumulator.toAggregate();
    }

    public static InspectionTaskFact task(String branch, InspectionType type, String dueOn, boolean done) {
        return new InspectionTaskFact(branch, type, LocalDate.parse(dueOn), done);
    }

    static UnderwritingFact uw(boolean exception) {
        return new UnderwritingFact(RiskLevel.MEDIUM, UnderwritingDecision.ACCEPT, exception);
    }

    public static ClaimFact claim(Complexity complexity, boolean green, ClaimStatus status,
                                  String reported, String closed, Boolean onTime) {
        return new ClaimFact(complexity, green, status, at(reported), closed == null ? null : at(closed), onTime);
    }

    static ComplaintFact complaint(ComplaintSeverity severity, String received, String resolved,
                                   Boolean firstResponseOnTime, Boolean resolvedOnTime) {
        return new ComplaintFact(severity, at(received), resolved == null ? null : at(resolved), firstResponseOnTime,
                resolvedOnTime);
    }

    public static OffsetDateTime at(String localTime) {
        return OffsetDateTime.parse(localTime + ":00+08:00");
    }
}
