package io.qualityhub.local.generate;

import java.time.LocalDate;

/** Post-issue visits and calls of the last few days. */
final class FollowupSource extends GeneratedSource {

    private static final String[] OUTCOMES = {"understood", "understood", "understood", "understood",
        "not_understood", "unreachable", "issue_raised"};

    FollowupSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.FOLLOWUPS, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        sequence++;
        String outcome = fakes.pick(OUTCOMES);
        boolean notes = outcome.equals("issue_raised") || outcome.equals("not_understood");
        return new Row(schema, branch)
                .set("record_id", "F-" + branch + "-" + datePart + "-" + String.format("%07d", sequence))
                .set("policy_id", "P-" + branch + "-F" + String.format("%07d", fakes.between(1, 9_999_999)))
                .set("visited_on", businessDate.minusDays(fakes.between(0, 3)).toString())
                .set("visitor_id", "SV-" + fakes.between(300, 599))
                .set("outcome", outcome)
                .set("issue_notes", notes ? fakes.followupNotes() : null);
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        return null;
    }
}
