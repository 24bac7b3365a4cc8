package io.qualityhub.reports.function;

import io.qualityhub.deadlines.ClaimSnapshot;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.deadlines.ComplaintSnapshot;
import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.deadlines.DeadlineCalculator;
import io.qualityhub.deadlines.DeadlineClockName;
import io.qualityhub.deadlines.DeadlinePolicy;
import io.qualityhub.deadlines.OpenDeadline;
import io.qualityhub.core.format.ProductLine;
import java.time.Instant;
import java.util.List;

/**
 * Whether a settled claim or a resolved complaint met its deadlines, under the same deadline policy
 * the monitor applies. The deadline is the one whose clock was running just before the item
 * finished: asked of the calculator by presenting the item as still open.
 */
final class DeadlineVerdicts {

  /** Stands in for ids the calculator requires but the verdict does not depend on. */
  private static final String UNUSED = "-";

  private final DeadlineCalculator calculator;

  DeadlineVerdicts(DeadlinePolicy policy) {
    this.calculator = new DeadlineCalculator(policy);
  }

  /**
   * Settled within the decision deadline (claim.decision, from complete documents) or, when documents were never
   * complete, within the documents deadline (from the report).
   */
  boolean claimSettledOnTime(String branch, String productLine, String complexity, boolean greenChannel,
      Instant reportedAt, Instant documentsCompleteAt, Instant closedAt) {
    ClaimSnapshot open = ClaimSnapshot.builder()
        .branch(branch).claimId(UNUSED).handlerId(UNUSED)
        .productLine(ProductLine.fromWire(productLine))
        .complexity(Complexity.fromWire(complexity))
        .greenChannel(greenChannel)
        .status(ClaimStatus.UNDER_REVIEW)
        .reportedAt(reportedAt)
        .documentsCompleteAt(documentsCompleteAt)
        .build();
    DeadlineClockName clock = documentsCompleteAt == null ? DeadlineClockName.DOCUMENTS : DeadlineClockName.DECISION;
    return !closedAt.isAfter(dueAt(calculator.openDeadlines(open), clock));
  }

  /** First response (or, without one, the resolution itself) by the first-response deadline. */
  boolean complaintFirstResponseOnTime(String branch, String severity, Instant receivedAt, Instant firstResponseAt,
      Instant resolvedAt) {
    Instant responded = firstResponseAt != null ? firstResponseAt : resolvedAt;
    return !responded.isAfter(dueAt(openComplaint(branch, severity, receivedAt), DeadlineClockName.FIRST_RESPONSE));
  }

  boolean complaintResolvedOnTime(String branch, String severity, Instant receivedAt, Instant resolvedAt) {
    return !resolvedAt.isAfter(dueAt(openComplaint(branch, severity, receivedAt), DeadlineClockName.RESOLUTION));
  }

  private List<OpenDeadline> openComplaint(String branch, String severity, Instant receivedAt) {
    return calculator.openDeadlines(ComplaintSnapshot.builder()
        .branch(branch).complaintId(UNUSED)
        .severity(ComplaintSeverity.fromWire(severity))
        .status(ComplaintStatus.OPEN)
        .receivedAt(receivedAt)
        .build());
  }

  private static Instant dueAt(List<OpenDeadline> deadlines, DeadlineClockName clock) {
    return deadlines.stream()
        .filter(deadline -> deadline.clock() == clock)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the deadline policy runs no " + clock.name() + " clock on an open item"))
        .dueAt();
  }
}
