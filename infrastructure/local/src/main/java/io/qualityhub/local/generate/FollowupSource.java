package io.qualityhub.local.generate;

import java.time.LocalDate;

/** Post-issue visits and calls of the last few days. */
final class FollowupSource implements RecordSource {

    private static final String[] OUTCOMES = {"understood", "understood", "understood", "understood",
        "not_understood", "unreachable", "issue_raised"};

    private final RecordSchema schema = RecordSchema.of(RecordSchema.FOLLOWUPS);
    private final Fakes fakes;
    private final String branch;
    private final LocalDate businessDate;
    private final String datePart;
    private int sequence;

    FollowupSource(Fakes fakes, String branch, LocalDate businessDate) {
        this.fakes = fakes;
        this.branch = branch;
        this.businessDate = businessDate;
        this.datePart = businessDate.toString().replace("-", "");
    }

    @Override
    public RecordSchema schema() {
        return schema;
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
