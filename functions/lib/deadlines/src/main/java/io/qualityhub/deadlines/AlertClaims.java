package io.qualityhub.deadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * Exactly-once alerting, the pure part; the protocol is in {@code docs/deadlines.md}. In short: before anything is
 * sent, each (item, clock, level) is claimed with a conditional put of a record keyed by {@link #keyFor(Alert)}, made
 * with {@code attribute_not_exists}, holding the run id, the claim time and the recipients already sent to; each
 * digest accepted by the mail service adds its recipient to the claims it carried. A claim that exists already is
 * skipped unless it is unfinished and {@link #mayResume resumable}, in which case only the recipients not yet
 * recorded get the alert.
 */
public final class AlertClaims {

    /**
     * How long an unfinished claim of another run must be left alone: longer than the longest Lambda run
     * (15 minutes), so the run that made it has certainly ended.
     */
    public static final Duration SEND_LEASE = Duration.ofMinutes(20);

    private AlertClaims() {
    }

    /**
     * {@code ALERT#{itemType}#{branch}#{itemId}} / {@code {clock}#{level}}. The id goes last, and branch ids cannot
     * contain {@code #}, so an id that contains it cannot make two items share a key.
     */
    public static AlertClaimKey keyFor(Alert alert) {
        OpenDeadline deadline = alert.deadline();
        return new AlertClaimKey(
                "ALERT#" + deadline.itemType().wireName() + "#" + deadline.branch() + "#" + deadline.itemId(),
                deadline.clock().wireName() + "#" + alert.level().wireName());
    }

    /**
     * Whether a run may finish sending an unfinished claim: its own (a retry of the same scheduled run, with the
     * monitor's concurrency limited to one), or another run's made at least {@link #SEND_LEASE} ago.
     */
    public static boolean mayResume(String claimRunId, Instant claimedAt, String runId, Instant now) {
        return claimRunId.equals(runId) || !now.isBefore(claimedAt.plus(SEND_LEASE));
    }
}
