package io.qualityhub.sampling.domain;

import java.util.Objects;

/** How many records a stratum had in the period, how many were picked, and why that many. */
public record StratumDraw(Stratum stratum, int populationSize, int sampleSize, StratumSizing sizing) {

    public StratumDraw {
        Objects.requireNonNull(stratum, "stratum");
        Objects.requireNonNull(sizing, "sizing");
        if (populationSize < 1 || sampleSize < 0 || sampleSize > populationSize) {
            throw new IllegalArgumentException("stratum " + stratum + " cannot have " + sampleSize
                    + " picked out of " + populationSize);
        }
    }

    /** Taken whole: every record was inspected, so its estimates carry no sampling error. */
    public boolean census() {
        return sampleSize == populationSize;
    }
}
