package io.qualityhub.reports.aggregate;

/** Levels taken from the monitor's daily snapshot; a period keeps the latest reading per branch. */
public enum Gauge {
    OVERDUE_OPEN_CLAIMS
}
