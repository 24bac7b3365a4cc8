package io.qualityhub.sampling.domain;

import java.util.Objects;
import java.util.Optional;

/** @param deviationLimit the upper deviation limit the stratum's results support; see {@link DeviationLimit#of} */
public record StratumStatistics(Stratum stratum, InspectionStatistics statistics,
                                Optional<DeviationLimit> deviationLimit) {

    public StratumStatistics {
        Objects.requireNonNull(stratum, "stratum");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(deviationLimit, "deviationLimit");
    }
}
