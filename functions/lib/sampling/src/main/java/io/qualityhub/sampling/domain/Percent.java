package io.qualityhub.sampling.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates as people read them: {@code 0.05} is {@code 5%}, {@code 0.0125} is {@code 1.3%}. */
final class Percent {

    private Percent() {
    }

    /** To one decimal, half up, without a trailing {@code .0}. */
    static String of(double rate) {
        return format(BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP));
    }

    /** To one decimal, rounded up: for upper limits, which must never be understated. */
    static String ceiling(double rate) {
        // rate * 100 in binary may land a hair above an exact tenth (0.05 * 100 = 5.000000000000001)
        return format(BigDecimal.valueOf(rate * 100).setScale(9, RoundingMode.HALF_UP).setScale(1, RoundingMode.CEILING));
    }

    private static String format(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
