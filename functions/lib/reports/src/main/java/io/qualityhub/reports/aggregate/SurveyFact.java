package io.qualityhub.reports.aggregate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One satisfaction survey: a score 1-5 per answered dimension; overall is always answered. */
public record SurveyFact(Map<Dimension, Integer> scores) implements Fact {

    public enum Dimension { SALES, UNDERWRITING, CLAIMS, ENQUIRY, OVERALL }

    public SurveyFact {
        Objects.requireNonNull(scores, "scores");
        if (!scores.containsKey(Dimension.OVERALL)) {
            throw new IllegalArgumentException("a survey needs an overall score; this one has none");
        }
        scores.forEach((dimension, score) -> {
            if (score == null || score < 1 || score > 5) {
                throw new IllegalArgumentException(
                        "survey score for " + dimension + " must be an integer 1-5, got " + score);
            }
        });
        scores = Map.copyOf(new EnumMap<>(scores));
    }

    public static SurveyFact of(Integer sales, Integer underwriting, Integer claims, Integer enquiry, int overall) {
        Map<Dimension, Integer> scores = new EnumMap<>(Dimension.class);
        putIfPresent(scores, Dimension.SALES, sales);
        putIfPresent(scores, Dimension.UNDERWRITING, underwriting);
        putIfPresent(scores, Dimension.CLAIMS, claims);
        putIfPresent(scores, Dimension.ENQUIRY, enquiry);
        scores.put(Dimension.OVERALL, overall);
        return new SurveyFact(scores);
    }

    private static void putIfPresent(Map<Dimension, Integer> scores, Dimension dimension, Integer score) {
        if (score != null) {
            scores.put(dimension, score);
        }
    }
}
