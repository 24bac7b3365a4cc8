package io.qualityhub.deadlines;

import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ActionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which clocks run on an item and when each is due, under a deadline policy. An item with no running clock (closed,
 * paid, resolved, done) gets an empty list; its index entry can be removed.
 */
public final class DeadlineCalculator {

    /** Claim statuses after which no clock runs: payment meets the obligation the clocks measure. */
    private static final Set<ClaimStatus> CLAIM_FINISHED =
            EnumSet.of(ClaimStatus.PAID, ClaimStatus.CLOSED, ClaimStatus.WITHDRAWN);
    private static final Set<ComplaintStatus> COMPLAINT_FINISHED =
            EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

    private final DeadlinePolicy policy;

    /** The category word of a claim in the green channel, after its product line and complexity. */
    static final String GREEN_CHANNEL = "green channel";

    public DeadlineCalculator(DeadlinePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The statutory claim clocks (docs/deadlines.md). A rejected claim runs only {@code claim.denial_notice}, from the
     * decision (or, without one, the closing) until the customer is sent the notice. Otherwise nothing runs once the
     * claim is paid, closed or withdrawn. While documents are pending, {@code claim.documents} runs from the report
     * until they are complete or requested. From complete documents {@code claim.decision} runs until the decision
     * and {@code claim.advance_payment} until an advance is paid or the amount is agreed; {@code claim.payment} runs
     * from agreement ({@code agreed_at}, else the decision) until payment. While requested documents are awaited, the
     * documents, decision and advance-payment clocks do not run.
     */
    public List<OpenDeadline> openDeadlines(ClaimSnapshot claim) {
        ClaimLimits limits = policy.claims();
        boolean green = claim.greenChannel();
        String category = claim.productLine().wireName() + ", " + claim.complexity().wireName()
                + (green ? ", " + GREEN_CHANNEL : "");
        if (claim.status() == ClaimStatus.REJECTED) {
            Instant rejected = claim.decidedAt() != null ? claim.decidedAt() : claim.closedAt();
            return claim.denialNoticeAt() != null || rejected == null ? List.of() : List.of(
                    claimDeadline(claim, DeadlineClockName.DENIAL_NOTICE, rejected, limits.denialNotice(), category));
        }
        if (CLAIM_FINISHED.contains(claim.status()) || claim.paidAt() != null || claim.closedAt() != null) {
            return List.of();
        }
        boolean waiting = claim.waitingForRequestedDocuments();
        Instant agreed = claim.agreedAt() != null ? claim.agreedAt() : claim.decidedAt();
        List<OpenDeadline> open = new ArrayList<>();
        if (claim.documentsCompleteAt() == null && claim.documentsRequestedAt() == null) {
            open.add(claimDeadline(claim, DeadlineClockName.DOCUMENTS, claim.reportedAt(),
                    limits.documentsLimit(green), category));
        }
        if (claim.documentsCompleteAt() != null && !waiting) {
            if (claim.decidedAt() == null && claim.agreedAt() == null) {
                open.add(claimDeadline(claim, DeadlineClockName.DECISION, claim.documentsCompleteAt(),
                        limits.decisionLimit(claim.productLine(), claim.complexity(), green), category));
            }
            if (agreed == null && claim.advancePaidAt() == null) {
                open.add(claimDeadline(claim, DeadlineClockName.ADVANCE_PAYMENT, claim.documentsCompleteAt(),
                        limits.advancePayment(), category));
            }
        }
        if (agreed != null) {
            open.add(claimDeadline(claim, DeadlineClockName.PAYMENT, agreed, limits.paymentLimit(green), category));
        }
        return earliestFirst(open);
    }

    /**
     * The first-response clock until the complainant has had a response (a first-response time, or the status
     * {@code responded}), and the resolution clock until the complaint is resolved or closed; both from receipt. A
     * complaint extended ({@code extended_at}) before its resolution limit ran out gets the extended limit; an
     * extension after that changes nothing, since the limit was already missed.
     */
    public List<OpenDeadline> openDeadlines(ComplaintSnapshot complaint) {
        if (COMPLAINT_FINISHED.contains(complaint.status()) || complaint.resolvedAt() != null) {
            return List.of();
        }
        ComplaintLimits limits = policy.complaints();
        ComplaintSeverity severity = complaint.severity();
        List<OpenDeadline> open = new ArrayList<>();
        if (complaint.firstResponseAt() == null && complaint.status() != ComplaintStatus.RESPONDED) {
            open.add(complaintDeadline(complaint, DeadlineClockName.FIRST_RESPONSE, limits.firstResponseLimit(severity)));
        }
        OpenDeadline resolution = complaintDeadline(complaint, DeadlineClockName.RESOLUTION,
                limits.resolutionLimit(severity));
        if (complaint.extendedAt() != null && complaint.extendedAt().isBefore(resolution.dueAt())) {
            resolution = complaintDeadline(complaint, DeadlineClockName.RESOLUTION,
                    limits.extendedResolutionLimit(severity));
        }
        open.add(resolution);
        return earliestFirst(open);
    }

    /**
     * An open action's clock runs from the inspection day to the end of the due day set in the finding, in calendar
     * days. A due day on or before the inspection day is treated as a one-day limit ending on the due day, so that
     * the thresholds stay defined; such an action is due (or overdue) at once. A done action's effectiveness check
     * runs the same way from the day it was done to the end of the check's due day, under the check's id, so each
     * round of checks is alerted afresh; the quality department, not the owner, carries it out. A verified action,
     * or a done one with no check pending, runs none.
     */
    public List<OpenDeadline> openDeadlines(CorrectiveActionSnapshot action) {
        if (action.status() == ActionStatus.OPEN) {
            return List.of(daysDeadline(action, action.actionId(), DeadlineClockName.ACTION, action.inspectedOn(),
                    action.dueOn(), "action_due_on of inspection " + action.inspectionId(),
                    "inspection " + action.inspectionId(), action.owner()));
        }
        if (action.status() == ActionStatus.DONE && action.pendingCheck().isPresent()) {
            CorrectiveActionSnapshot.PendingCheck check = action.pendingCheck().get();
            return List.of(daysDeadline(action, check.checkId(), DeadlineClockName.EFFECTIVENESS_CHECK,
                    check.scheduledOn(), check.dueOn(), "effectivenessCheckDays of the sampling plan",
                    "effectiveness check of action " + action.actionId(), null));
        }
        return List.of();
    }

    private OpenDeadline daysDeadline(CorrectiveActionSnapshot action, String itemId, DeadlineClockName clock,
                                      LocalDate from, LocalDate dueDay, String source, String category,
                                      String assignee) {
        long days = Math.max(1, ChronoUnit.DAYS.between(from, dueDay));
        LocalDate clockDay = dueDay.minusDays(days);
        Instant start = clockDay.atStartOfDay(policy.timeZone()).toInstant();
        DeadlineLimit limit = new DeadlineLimit(Math.toIntExact(days), LimitUnit.CALENDAR_DAYS, source);
        Instant due = policy.counterFor(action.branch()).dueAt(start, limit);
        return new OpenDeadline(ItemType.ACTION, itemId, action.branch(), clock, start, due, limit, category, assignee,
                false);
    }

    private OpenDeadline claimDeadline(ClaimSnapshot claim, DeadlineClockName clock, Instant start,
                                       DeadlineLimit limit, String category) {
        Instant due = policy.counterFor(claim.branch()).dueAt(start, limit);
        return new OpenDeadline(ItemType.CLAIM, claim.claimId(), claim.branch(), clock, start, due, limit, category,
                claim.handlerId(), false);
    }

    private OpenDeadline complaintDeadline(ComplaintSnapshot complaint, DeadlineClockName clock, DeadlineLimit limit) {
        Instant start = complaint.receivedAt();
        Instant due = policy.counterFor(complaint.branch()).dueAt(start, limit);
        boolean major = complaint.severity() == ComplaintSeverity.MAJOR;
        return new OpenDeadline(ItemType.COMPLAINT, complaint.complaintId(), complaint.branch(), clock, start, due,
                limit, complaint.severity().wireName(), complaint.staffId(), major);
    }

    private static List<OpenDeadline> earliestFirst(List<OpenDeadline> deadlines) {
        deadlines.sort(Comparator.comparing(OpenDeadline::dueAt));
        return List.copyOf(deadlines);
    }
}
