package io.qualityhub.reports.render;

import io.qualityhub.reports.indicator.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers read in reports: rounded half-up, no exponent, no locale grouping. */
public final class Numbers {

    private Numbers() {
    }

    /** Rounded to {@code decimals} places with trailing zeros kept, e.g. 95.0; "n/a" for null. */
    public static String format(Double value, int decimals) {
        if (value == null) {
            return "n/a";
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    public static int decimalsFor(Unit unit) {
        return switch (unit) {
            case COUNT -> 0;
            case SCORE -> 2;
            case PERCENT, DAYS, PER_10K_POLICIES -> 1;
        };
    }

    public static String format(Double value, Unit unit) {
        return format(value, decimalsFor(unit));
    }

    public static String withUnit(Double value, Unit unit) {
        if (value == null) {
            return "n/a";
        }
        String number = format(value, unit);
        return switch (unit) {
            case PERCENT -> number + "%";
            case COUNT -> number;
            case DAYS, PER_10K_POLICIES, SCORE -> number + " " + unit.suffixEn();
        };
    }

    /** For narrow table cells and chart labels: the per-10,000 unit shortened to "/10k". */
    public static String compact(Double value, Unit unit) {
        if (value == null) {
            return "n/a";
        }
        return unit == Unit.PER_10K_POLICIES ? format(value, unit) + " /10k" : withUnit(value, unit);
    }

    public static String withUnitZh(Double value, Unit unit) {
        if (value == null) {
            return "無資料";
        }
        String number = format(value, unit);
        return switch (unit) {
            case PERCENT -> number + "%";
            case COUNT -> number + " 件";
            case DAYS -> number + " 天";
            case PER_10K_POLICIES -> number + "(每萬件保單)";
            case SCORE -> number + " 分";
        };
    }

    /** Full precision for machine-read formats: up to 6 decimals, trailing zeros dropped. */
    public static String exact(Double value) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
