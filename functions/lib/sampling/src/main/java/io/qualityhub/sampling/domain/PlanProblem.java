package io.qualityhub.sampling.domain;

/**
 * One thing wrong with a sampling plan file.
 *
 * @param path JSON path of the offending value, e.g. {@code $.recordTypes.sales.baseRate}
 * @param fix  what to change
 */
public record PlanProblem(String path, String problem, String fix) {

    @Override
    public String toString() {
        return path + ": " + problem + "; " + fix;
    }
}
