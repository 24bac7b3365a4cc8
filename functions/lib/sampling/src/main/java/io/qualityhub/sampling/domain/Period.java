package io.qualityhub.sampling.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sampling period: a calendar month ({@code 2026-11}) or an ISO-8601 week ({@code 2026-W47}, Monday to
 * Sunday, weeks belonging to the year that holds their Thursday). {@link #toString()} gives the canonical text.
 */
public sealed interface Period permits Period.Month, Period.Week {

    PeriodType type();

    LocalDate start();

    /** The last day of the period, inclusive. */
    LocalDate end();

    default boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    static Period parse(String text) {
        Objects.requireNonNull(text, "period text");
        Matcher month = Month.FORMAT.matcher(text);
        if (month.matches()) {
            return new Month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
        }
        Matcher week = Week.FORMAT.matcher(text);
        if (week.matches()) {
            return new Week(Integer.parseInt(week.group(1)), Integer.parseInt(week.group(2)));
        }
        throw new IllegalArgumentException("period \"" + text + "\" is neither a month like 2026-11 nor an ISO week"
                + " like 2026-W47; write it in one of those two forms");
    }

    static Period containing(LocalDate date, PeriodType type) {
        return switch (type) {
            case MONTHLY -> new Month(YearMonth.from(date));
            case WEEKLY -> new Week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }

    record Month(YearMonth yearMonth) implements Period {
        private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

        public Month {
            Objects.requireNonNull(yearMonth, "yearMonth");
        }

        @Override
        public PeriodType type() {
            return PeriodType.MONTHLY;
        }

        @Override
        public LocalDate start() {
            return yearMonth.atDay(1);
        }

        @Override
        public LocalDate end() {
            return yearMonth.atEndOfMonth();
        }

        @Override
        public String toString() {
            return yearMonth.toString();
        }
    }

    record Week(int weekBasedYear, int week) implements Period {
        private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

        public Week {
            if (weekBasedYear < 1000 || weekBasedYear > 9999) {
                throw new IllegalArgumentException("ISO week year " + weekBasedYear + " is outside 1000-9999");
            }
            long weeksInYear = mondayOfWeekOne(weekBasedYear).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                    .range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            if (week < 1 || week > weeksInYear) {
                throw new IllegalArgumentException("week " + week + " does not exist in ISO year " + weekBasedYear
                        + ", which has weeks 1 to " + weeksInYear);
            }
        }

        @Override
        public PeriodType type() {
            return PeriodType.WEEKLY;
        }

        @Override
        public LocalDate start() {
            return mondayOfWeekOne(weekBasedYear).plusWeeks(week - 1L);
        }

        @Override
        public LocalDate end() {
            return start().plusDays(6);
        }

        @Override
        public String toString() {
            return String.format("%04d-W%02d", weekBasedYear, week);
        }

        private static LocalDate mondayOfWeekOne(int weekBasedYear) {
            // 4 January is always in ISO week 1.
            return LocalDate.of(weekBasedYear, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }
}
