package io.qualityhub.deadlines;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Counts limits the way the civil codes of both TW (民法 art. 120-121) and the PRC (民法典 art. 201, 203) count
 * periods in days: the day the clock starts on is not counted, and the period ends when its last day ends, in the
 * company's time zone. Business-day limits count only the business days of the branch's calendar. Hour limits run
 * from the exact starting instant.
 *
 * <p>"Counted time" is the time elapsed inside counted days (or, for hours, since the start); shares of a limit,
 * such as the warning share or the severe multiplier, are shares of counted time.
 */
final class DeadlineCounter {

    private static final long SECONDS_PER_HOUR = 3600;

    private final ZoneId zone;
    private final HolidayCalendar calendar;

    DeadlineCounter(ZoneId zone, HolidayCalendar calendar) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The instant the limit runs out: the end of its last counted day, or start plus the hours. */
    Instant dueAt(Instant start, DeadlineLimit limit) {
        if (limit.unit() == LimitUnit.HOURS) {
            return start.plus(Duration.ofHours(limit.amount()));
        }
        return endOf(nthCountedDay(start, limit.amount(), limit.unit()));
    }

    /** The start of the limit's last counted day; for hour limits, one hour before the due instant. */
    Instant lastUnitStartsAt(Instant start, DeadlineLimit limit) {
        if (limit.unit() == LimitUnit.HOURS) {
            return dueAt(start, limit).minus(Duration.ofHours(1));
        }
        return startOf(nthCountedDay(start, limit.amount(), limit.unit()));
    }

    /**
     * The earliest instant at which the counted time reaches {@code multiple} times the limit (0.8 for the warning
     * share, 2 for the severe multiplier). Rounded up to the second so the level never starts early.
     */
    Instant reachedAt(Instant start, DeadlineLimit limit, BigDecimal multiple) {
        BigDecimal target = multiple.multiply(BigDecimal.valueOf(limit.amount()));
        if (limit.unit() == LimitUnit.HOURS) {
            return start.plusSeconds(ceilSeconds(target, SECONDS_PER_HOUR));
        }
        long wholeDays = target.setScale(0, RoundingMode.FLOOR).longValueExact();
        BigDecimal fraction = target.subtract(BigDecimal.valueOf(wholeDays));
        if (fraction.signum() == 0) {
            return endOf(nthCountedDay(start, wholeDays, limit.unit()));
        }
        LocalDate partDay = nthCountedDay(start, wholeDays + 1, limit.unit());
        Instant partDayStart = startOf(partDay);
        long dayLength = Duration.between(partDayStart, endOf(partDay)).toSeconds();
        return partDayStart.plusSeconds(ceilSeconds(fraction, dayLength));
    }

    /**
     * How many counted units have begun by {@code now}: on the first counted day that is 1, on the due day it equals
     * the limit, on the first day after it the limit plus one. For hours, the hour in progress counts.
     */
    long unitsBegun(Instant start, LimitUnit unit, Instant now) {
        if (now.isBefore(start)) {
            return 0;
        }
        if (unit == LimitUnit.HOURS) {
            return Duration.between(start, now).toHours() + 1;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        long begun = 0;
        for (LocalDate day = startDate(start).plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (counts(day, unit)) {
                begun++;
            }
        }
        return begun;
    }

    private LocalDate nthCountedDay(Instant start, long n, LimitUnit unit) {
        LocalDate day = startDate(start);
        if (unit == LimitUnit.CALENDAR_DAYS) {
            return day.plusDays(n);
        }
        long counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (counts(day, unit)) {
                counted++;
            }
        }
        return day;
    }

    private boolean counts(LocalDate day, LimitUnit unit) {
        return unit == LimitUnit.CALENDAR_DAYS || calendar.isBusinessDay(day);
    }

    private LocalDate startDate(Instant start) {
        return LocalDate.ofInstant(start, zone);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    private static long ceilSeconds(BigDecimal units, long secondsPerUnit) {
        return units.multiply(BigDecimal.valueOf(secondsPerUnit)).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
