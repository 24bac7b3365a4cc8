package io.qualityhub.reports.aggregate;

/** Levels rather than counts; a period keeps the latest reading per branch. */
public enum Gauge {
    /** Open claims past their deadline, from the monitor's daily snapshot. */
    OVERDUE_OPEN_CLAIMS(true),
    /** Policies in force at the end of a month, summed over product lines, from the branch's portfolio upload. */
    POLICIES_IN_FORCE(false);

    private final boolean fromMonitorRun;

    Gauge(boolean fromMonitorRun) {
        this.fromMonitorRun = fromMonitorRun;
    }

    /**
     * Whether every monitor run writes the gauge for each branch that has something to count, so a branch
     * without a reading from the latest run reads 0; a portfolio missing from an upload is no data instead.
     */
    public boolean fromMonitorRun() {
        return fromMonitorRun;
    }
}
