package io.qualityhub.deadlines;

import java.util.Objects;

/**
 * A time limit such as "15 calendar days" or "24 hours".
 *
 * @param amount how many units, at least 1
 * @param unit   how the units are counted
 * @param basis  where the figure comes from (a regulation or "company choice"), kept so that every rule is on record;
 *               empty when the policy gave none
 */
public record DeadlineLimit(int amount, LimitUnit unit, String basis) {

    public DeadlineLimit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(basis, "basis");
        if (amount < 1) {
            throw new IllegalArgumentException("a deadline limit needs at least 1 " + unit.wireName() + ", was " + amount);
        }
    }

    public static DeadlineLimit of(int amount, LimitUnit unit) {
        return new DeadlineLimit(amount, unit, "");
    }

    /** "15 calendar days", "1 business day", "24 hours". */
    public String describe() {
        String plural = switch (unit) {
            case CALENDAR_DAYS -> "calendar days";
            case BUSINESS_DAYS -> "business days";
            case HOURS -> "hours";
        };
        return amount + " " + (amount == 1 ? plural.substring(0, plural.length() - 1) : plural);
    }

    /** True when both limits count the same unit and this one allows more of it. */
    boolean isLongerThan(DeadlineLimit other) {
        return unit == other.unit && amount > other.amount;
    }
}
