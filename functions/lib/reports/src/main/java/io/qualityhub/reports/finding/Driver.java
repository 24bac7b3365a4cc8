package io.qualityhub.reports.finding;

import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Unit;
import io.qualityhub.reports.render.Numbers;

/**
 * A branch behind a company finding: its value of the indicator and the counts it rests on.
 *
 * @param numerator   what was counted, or null where the value is no quotient
 * @param denominator what it was divided by, or null for a plain count
 */
public record Driver(String branch, double value, Unit unit, Double numerator, Double denominator, RagStatus status) {

    static Driver of(String branch, Indicator indicator) {
        return new Driver(branch, indicator.value(), indicator.unit(), indicator.numerator(), indicator.denominator(),
                indicator.status());
    }

    /** {@code KHH-05 30.0% (12 of 40)}. */
    String textEn() {
        return branch + " " + Numbers.withUnit(value, unit) + countsEn(numerator, denominator, unit);
    }

    /** {@code KHH-05 30.0%(40 件中 12 件)}. */
    String textZh() {
        return branch + " " + Numbers.withUnitZh(value, unit) + countsZh(numerator, denominator, unit);
    }

    /** {@code  (12 of 40)} for a share, {@code  (12 in 40000 policies)} for a rate per policies; empty otherwise. */
    static String countsEn(Double numerator, Double denominator, Unit unit) {
        if (numerator == null || denominator == null) {
            return "";
        }
        return unit == Unit.PER_10K_POLICIES ? " (" + count(numerator) + " in " + count(denominator) + " policies)"
                : unit == Unit.PERCENT ? " (" + count(numerator) + " of " + count(denominator) + ")" : "";
    }

    static String countsZh(Double numerator, Double denominator, Unit unit) {
        if (numerator == null || denominator == null) {
            return "";
        }
        return unit == Unit.PER_10K_POLICIES ? "(有效保單 " + count(denominator) + " 件," + count(numerator) + " 件)"
                : unit == Unit.PERCENT ? "(" + count(denominator) + " 件中 " + count(numerator) + " 件)" : "";
    }

    private static String count(double value) {
        return Long.toString(Math.round(value));
    }
}
