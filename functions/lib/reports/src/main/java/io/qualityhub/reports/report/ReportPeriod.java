package io.qualityhub.reports.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period of whole days: a month, a quarter, or a custom range. */
public record ReportPeriod(Kind kind, LocalDate start, LocalDate endInclusive) {

    public enum Kind { MONTH, QUARTER, CUSTOM }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endInclusive, "endInclusive");
        if (endInclusive.isBefore(start)) {
            throw new IllegalArgumentException("period ends (" + endInclusive + ") before it starts (" + start + ")");
        }
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1-4, got " + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new ReportPeriod(Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public static ReportPeriod custom(LocalDate start, LocalDate endInclusive) {
        return new ReportPeriod(Kind.CUSTOM, start, endInclusive);
    }

    /** Parses {@code 2026-10}, {@code 2026-Q4} or {@code 2026-10-01..2026-10-15}. */
    public static ReportPeriod parse(String text) {
        try {
            Matcher quarter = QUARTER.matcher(text);
            if (quarter.matches()) {
                return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
            }
            Matcher range = RANGE.matcher(text);
            if (range.matches()) {
                return custom(LocalDate.parse(range.group(1)), LocalDate.parse(range.group(2)));
            }
            return month(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period '" + text + "' is not a month (2026-10), a quarter (2026-Q4) "
                    + "or a range (2026-10-01..2026-10-15)", e);
        }
    }

    /** The period just before: the previous month or quarter, or a range of the same length. */
    public ReportPeriod previous() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(start).minusMonths(1));
            case QUARTER -> {
                LocalDate previousStart = start.minusMonths(3);
                yield quarter(previousStart.getYear(), (previousStart.getMonthValue() + 2) / 3);
            }
            case CUSTOM -> custom(start.minusDays(days()), start.minusDays(1));
        };
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, endInclusive) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(endInclusive);
    }

    /** {@code 2026-10}, {@code 2026-Q4} or {@code 2026-10-01..2026-10-15}; parses back with {@link #parse}. */
    public String label() {
        return switch (kind) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
            case CUSTOM -> start + ".." + endInclusive;
        };
    }
}
