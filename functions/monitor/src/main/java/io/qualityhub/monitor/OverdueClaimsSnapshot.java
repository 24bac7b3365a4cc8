package io.qualityhub.monitor;

import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.OpenItemsSnapshot;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The daily {@code MONITOR_SNAPSHOT} aggregate of each branch (open claims overdue or severely
 * overdue) in the reports table, one slot per branch and day in the monitor's aggregate slots
 * ({@link MonitorAggregateSlots}), so a rerun the same day replaces it.
 */
final class OverdueClaimsSnapshot {

  private final MonitorAggregateSlots slots;

  OverdueClaimsSnapshot(MonitorAggregateSlots slots) {
    this.slots = slots;
  }

  /** @return false when a later run already stored this branch's snapshot for the day */
  boolean put(String branch, LocalDate asOfDay, Instant runAt, String runId, long overdueOpenClaims) {
    return slots.put(branch, asOfDay, AggregateOrigin.MONITOR_SNAPSHOT, new OpenItemsSnapshot(branch, asOfDay, overdueOpenClaims),
        runAt, runId);
  }
}
