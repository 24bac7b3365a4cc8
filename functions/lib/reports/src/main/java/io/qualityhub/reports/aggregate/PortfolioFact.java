package io.qualityhub.reports.aggregate;

import java.time.YearMonth;
import java.util.Objects;

/** One portfolio row: the policies in force of one product line at the end of a month. */
public record PortfolioFact(YearMonth month, long policiesInForce) implements Fact {

    public PortfolioFact {
        Objects.requireNonNull(month, "month");
        if (policiesInForce < 0) {
            throw new IllegalArgumentException("policies in force cannot be negative: " + policiesInForce);
        }
    }
}
