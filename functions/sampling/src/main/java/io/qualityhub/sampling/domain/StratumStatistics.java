package io.qualityhub.sampling.domain;

import java.util.Objects;

public record StratumStatistics(Stratum stratum, InspectionStatistics statistics) {

    public StratumStatistics {
        Objects.requireNonNull(stratum, "stratum");
        Objects.requireNonNull(statistics, "statistics");
    }
}
