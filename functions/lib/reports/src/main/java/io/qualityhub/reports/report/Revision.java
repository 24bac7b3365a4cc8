package io.qualityhub.reports.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A period whose figures changed after a report for it was issued: a later upload, correction or re-upload changed
 * a record counted in it. The next report for the period, or the next one that compares with it, says so.
 *
 * @param period     the period whose figures changed
 * @param reportedAt when the last earlier report for the period (same scope and topic) was generated
 * @param changedAt  when its figures last changed
 */
public record Revision(ReportPeriod period, Instant reportedAt, Instant changedAt) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public Revision {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (!changedAt.isAfter(reportedAt)) {
            throw new IllegalArgumentException("a revision's figures change after the report it revises: changed "
                    + changedAt + ", reported " + reportedAt);
        }
    }

    public String sentenceEn() {
        return "Revised: the figures of " + period.label() + " changed on " + minute(changedAt)
                + ", after the report of " + minute(reportedAt) + " for that period.";
    }

    public String sentenceZh() {
        return "修訂:" + period.label() + " 的數據於 " + minute(changedAt) + " 變動,晚於該期間 " + minute(reportedAt)
                + " 產製的報告。";
    }

    private static String minute(Instant instant) {
        return MINUTE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
