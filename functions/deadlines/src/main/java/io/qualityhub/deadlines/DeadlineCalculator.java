package io.qualityhub.deadlines;

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
            EnumSet.of(ClaimStatus.PAID, ClaimStatus.CLOSED, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN);
    private static final Set<ComplaintStatus> COMPLAINT_FINISHED =
            EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);
    private static final Set<ActionStatus> ACTION_FINISHED = EnumSet.of(ActionStatus.DONE, ActionStatus.VERIFIED);

    private final DeadlinePolicy policy;

    public DeadlineCalculator(DeadlinePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * While documents are pending, the documents clock from the report. Once they are complete, the settlement clock
     * from that moment; once liability is decided, also the payment clock from the decision. None once the claim is
     * paid, closed, rejected or withdrawn (by status or by a paid/closed date): a paid claim awaiting its closing
     * paperwork no longer keeps the customer waiting.
     */
    public List<OpenDeadline> openDeadlines(ClaimSnapshot claim) {
        if (CLAIM_FINISHED.contains(claim.status()) || claim.paidAt() != null || claim.closedAt() != null) {
            return List.of();
        }
        ClaimLimits limits = policy.claims();
        boolean green = claim.greenChannel();
        String category = claim.productLine().wireName() + ", " + claim.complexity().wireName()
                + (green ? ", green channel" : "");
        List<OpenDeadline> open = new ArrayList<>();
        if (claim.documentsCompleteAt() == null) {
            open.add(claimDeadline(claim, DeadlineClockName.DOCUMENTS, claim.reportedAt(),
                    limits.documentsLimit(green), category));
        } else {
            open.add(claimDeadline(claim, DeadlineClockName.SETTLEMENT, claim.documentsCompleteAt(),
                    limits.settlementLimit(claim.productLine(), claim.complexity(), green), category));
            if (claim.decidedAt() != null) {
                open.add(claimDeadline(claim, DeadlineClockName.PAYMENT, claim.decidedAt(),
                        limits.paymentLimit(green), category));
            }
        }
        return earliestFirst(open);
    }

    /**
     * The first-response clock until the complainant has had a response (a first-response time, or the status
     * {@code responded}), and the resolution clock until the complaint is resolved or closed; both from receipt.
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
        open.add(complaintDeadline(complaint, DeadlineClockName.RESOLUTION, limits.resolutionLimit(severity)));
        return earliestFirst(open);
    }

    /**
     * The action clock runs from the inspection day to the end of the due day set in the finding, in calendar days.
     * A due day on or before the inspection day is treated as a one-day limit ending on the due day, so that the
     * thresholds stay defined; such an action is due (or overdue) at once.
     */
    public List<OpenDeadline> openDeadlines(CorrectiveActionSnapshot action) {
        if (ACTION_FINISHED.contains(action.status())) {
            return List.of();
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(action.inspectedOn(), action.dueOn()));
        LocalDate clockDay = action.dueOn().minusDays(days);
        Instant start = clockDay.atStartOfDay(policy.timeZone()).toInstant();
        DeadlineLimit limit = new DeadlineLimit(Math.toIntExact(days), LimitUnit.CALENDAR_DAYS,
                "action_due_on of inspection " + action.inspectionId());
        Instant due = policy.counterFor(action.branch()).dueAt(start, limit);
        return List.of(new OpenDeadline(ItemType.ACTION, action.actionId(), action.branch(), DeadlineClockName.ACTION,
                start, due, limit, "inspection " + action.inspectionId(), action.owner(), false));
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
