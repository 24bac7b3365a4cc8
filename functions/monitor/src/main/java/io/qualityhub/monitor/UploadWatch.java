package io.qualityhub.monitor;

import io.qualityhub.core.store.RefusedItems;
import io.qualityhub.deadlines.UploadExpectations;
import io.qualityhub.deadlines.UploadSlot;
import io.qualityhub.deadlines.UploadVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily run's look at expected uploads (docs/uploads.md): reads the arrivals ledger (arrivals and the files the
 * manifests in force name), judges each expected file
 * of the last {@value #REVIEWED_DAYS} days whose cutoff has passed, and stores each branch and date's figures for the
 * reports. A file missing longer than that has long been severely overdue, its last level, and is alerted no more.
 */
final class UploadWatch {

  /** Business dates reviewed, ending yesterday: today's files are not due before tomorrow. */
  static final int REVIEWED_DAYS = 14;
  /** Arrivals read before the first reviewed date: enough for five business days even over Lunar New Year. */
  static final int LEARNING_SPAN_DAYS = 31;

  private final UploadArrivals arrivals;
  private final UploadExpectations expectations;
  private final UploadPunctualitySnapshot snapshots;
  private final ZoneId zone;

  UploadWatch(UploadArrivals arrivals, UploadExpectations expectations, UploadPunctualitySnapshot snapshots, ZoneId zone) {
    this.arrivals = arrivals;
    this.expectations = expectations;
    this.snapshots = snapshots;
    this.zone = zone;
  }

  String calendarVersion() {
    return expectations.calendar().version();
  }

  List<UploadVerdict> review(Instant now, RefusedItems refused) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate first = today.minusDays(REVIEWED_DAYS);
    UploadArrivals.Ledger ledger = arrivals.between(first.minusDays(LEARNING_SPAN_DAYS), today, refused);
    return expectations.verdicts(ledger.arrivals(), ledger.named(), first, today.minusDays(1), now);
  }

  /** One aggregate per branch and business date reviewed: files expected and files on time. */
  void record(List<UploadVerdict> verdicts, Instant now, String runId) {
    Map<String, long[]> figures = new TreeMap<>();
    for (UploadVerdict verdict : verdicts) {
      long[] counts = figures.computeIfAbsent(verdict.slot().businessDate() + "#" + verdict.slot().branch(), key -> new long[2]);
      counts[0]++;
      if (verdict.onTime()) {
        counts[1]++;
      }
    }
    figures.forEach((dateAndBranch, counts) -> {
      String[] parts = dateAndBranch.split("#", 2);
      snapshots.put(parts[1], LocalDate.parse(parts[0]), counts[0], counts[1], now, runId);
    });
  }
}
