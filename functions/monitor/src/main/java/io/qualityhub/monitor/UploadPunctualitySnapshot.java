package io.qualityhub.monitor;

import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.UploadPunctualityFact;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code UPLOADS} aggregate of a branch and business date in the reports table: how many files the upload calendar
 * expected and how many came by their cutoff, for the reports' on-time upload rate. Written by every daily run while
 * the date is reviewed, into one slot per branch and date ({@code {date}#{branch}#UPLOADS}), so a rerun replaces it;
 * in the monitor's aggregate slots ({@link MonitorAggregateSlots}). After its cutoff a date's figures no longer
 * change: a late arrival stays late.
 */
final class UploadPunctualitySnapshot {

  private final MonitorAggregateSlots slots;

  UploadPunctualitySnapshot(MonitorAggregateSlots slots) {
    this.slots = slots;
  }

  /** @return false when a later run already stored this branch's figures for the date */
  boolean put(String branch, LocalDate businessDate, long expected, long onTime, Instant runAt, String runId) {
    return slots.put(branch, businessDate, AggregateOrigin.UPLOADS,
        new UploadPunctualityFact(branch, businessDate, expected, onTime), runAt, runId);
  }
}
