package io.qualityhub.reports.aggregate;

/**
 * Additive counts kept per branch. Counters marked "by X" carry a dimension (see
 * {@link CounterKey}); the others use the empty dimension.
 */
public enum Counter {
    SALES_TOTAL,
    SALES_DISCLOSURE_COMPLETE,
    SALES_RECORDING_REQUIRED,
    /** Recordings present among the sales that require one. */
    SALES_RECORDING_PRESENT,
    UNDERWRITING_TOTAL,
    UNDERWRITING_EXCEPTIONS,
    FOLLOWUPS_TOTAL,
    FOLLOWUPS_COMPLETED,
    FOLLOWUPS_UNDERSTOOD,
    CLAIMS_SETTLED,
    CLAIMS_SETTLED_ON_TIME,
    CLAIMS_GREEN_SETTLED,
    CLAIMS_GREEN_SETTLED_ON_TIME,
    COMPLAINTS_RECEIVED,
    COMPLAINTS_MAJOR,
    /** Complaints resolved, the population of the two on-time complaint rates. */
    COMPLAINTS_RESOLVED,
    COMPLAINTS_FIRST_RESPONSE_ON_TIME,
    COMPLAINTS_RESOLVED_ON_TIME,
    /** By survey dimension. */
    SURVEY_RESPONSES,
    /** By survey dimension: the sum of scores, so mean = sum / responses exactly. */
    SURVEY_SCORE_SUM,
    /** By "department.severity". */
    VIOLATIONS,
    /** By sanction. */
    SANCTIONS,
    /** By inspection type code. */
    INSPECTIONS,
    /** By inspection type code. */
    INSPECTIONS_PASSED,
    ACTIONS_RAISED,
    /** Verified actions: their effectiveness check passed. */
    ACTIONS_CLOSED,
    ACTIONS_CLOSED_ON_TIME,
    /** By due date (ISO): open actions, so "overdue as of D" is the sum of due dates before D. */
    ACTIONS_OPEN_BY_DUE_DATE,
    /** Actions done by their owner and not yet verified. */
    ACTIONS_AWAITING_CHECK,
    /** By the check's due date (ISO): done actions whose effectiveness check is pending. */
    ACTIONS_CHECK_PENDING_BY_DUE_DATE,
    /** Effectiveness checks with a result: passed, and failed (each reopened its action). */
    ACTIONS_CHECKS_PASSED,
    ACTIONS_CHECKS_FAILED,
    /** By "type@due date" ({@link InspectionTaskFact#dimension}): inspection tasks issued. */
    INSPECTION_TASKS_DUE,
    /** By "type@due date": those of them with a result. */
    INSPECTION_TASKS_DONE,
    /** Branch files the upload calendar expected for a business date whose cutoff passed. */
    UPLOADS_EXPECTED,
    /** Those of them taken by their cutoff. */
    UPLOADS_ON_TIME
}
