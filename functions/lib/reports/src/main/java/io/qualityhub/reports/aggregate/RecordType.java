package io.qualityhub.reports.aggregate;

/**
 * Where an aggregate's data came from: one of the upload record types, or the monitor's daily
 * snapshot of open items (which no upload carries).
 */
public enum RecordType {
    SALES,
    UNDERWRITING,
    FOLLOWUPS,
    CLAIMS,
    COMPLAINTS,
    SURVEYS,
    VIOLATIONS,
    FINDINGS,
    PORTFOLIO,
    MONITOR_SNAPSHOT,
    /** The monitor's verdict on a business date's expected branch files, once their cutoff passed (docs/uploads.md). */
    UPLOADS
}
