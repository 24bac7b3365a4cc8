package io.qualityhub.deadlines;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The deadline policy in force: limits per clock, alert thresholds, calendars and time zone. Loaded and validated by
 * {@link DeadlinePolicyLoader}; see {@code docs/deadlines.md} for the meaning and source of each default.
 *
 * @param version          the policy version, recorded with what it produced
 * @param timeZone         the company time zone in which days begin and end
 * @param warningShare     share of a limit's counted time after which an item is approaching, in (0, 1)
 * @param severeMultiplier multiple of a limit's counted time after which an item is severely overdue, above 1
 * @param calendars        business-day calendars by country and the country of each branch
 * @param claims           claim limits
 * @param complaints       complaint limits
 */
public record DeadlinePolicy(String version, ZoneId timeZone, BigDecimal warningShare, BigDecimal severeMultiplier,
                             BusinessCalendars calendars, ClaimLimits claims, ComplaintLimits complaints) {

    public DeadlinePolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(warningShare, "warningShare");
        Objects.requireNonNull(severeMultiplier, "severeMultiplier");
        Objects.requireNonNull(calendars, "calendars");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(complaints, "complaints");
    }

    DeadlineCounter counterFor(String branch) {
        return new DeadlineCounter(timeZone, calendars.forBranch(branch));
    }
}
