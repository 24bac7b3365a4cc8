package io.qualityhub.local.generate;

import java.time.LocalDate;

/** Satisfaction surveys: an overall score, and scores for the services the customer met. */
final class SurveySource extends GeneratedSource {

    private static final String[] SCORE_COLUMNS = {"sales_score", "underwriting_score", "claims_score", "enquiry_score"};

    SurveySource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.SURVEYS, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        sequence++;
        int mood = fakes.between(1, 5);
        Row row = new Row(schema, branch)
                .set("survey_id", "SV-" + branch + "-" + datePart + "-" + String.format("%07d", sequence))
                .set("surveyed_on", businessDate.minusDays(fakes.between(0, 2)).toString())
                .set("policy_id", fakes.chance(0.85) ? "P-" + branch + "-V" + String.format("%07d", fakes.between(1, 9_999_999)) : null)
                .set("overall_score", mood)
                .set("comment", fakes.chance(0.4) ? fakes.surveyComment() : null);
        for (String column : SCORE_COLUMNS) {
            if (fakes.chance(0.5)) {
                row.set(column, Math.max(1, Math.min(5, mood + fakes.between(-1, 1))));
            }
        }
        return row;
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        return null;
    }
}
