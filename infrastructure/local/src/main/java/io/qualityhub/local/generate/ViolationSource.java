package io.qualityhub.local.generate;

import java.time.LocalDate;

/** Staff violations of the last month and their sanctions; a fine carries its amount and currency. */
final class ViolationSource extends GeneratedSource {

    private static final String[] DEPARTMENTS = {"sales", "sales", "sales", "underwriting", "claims", "service"};
    private static final String[] SEVERITIES = {"minor", "minor", "major", "severe"};
    private static final String[] SANCTIONS = {"warning", "warning", "training", "fine", "fine", "suspension", "termination"};

    ViolationSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.VIOLATIONS, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        sequence++;
        String sanction = fakes.pick(SANCTIONS);
        boolean fine = sanction.equals("fine");
        return new Row(schema, branch)
                .set("record_id", "V-" + branch + "-" + monthPart + "-" + String.format("%07d", sequence))
                .set("staff_id", fakes.pick(new String[] {"AG", "TM", "BA", "UW", "CH", "SV"}) + "-" + fakes.between(1000, 9999))
                .set("department", fakes.pick(DEPARTMENTS))
                .set("occurred_on", businessDate.minusDays(fakes.between(1, 30)).toString())
                .set("violation_type", fakes.violationType())
                .set("severity", fakes.pick(SEVERITIES))
                .set("sanction", sanction)
                .set("fine_amount", fine ? fakes.amount(3_000, 50_000) : null)
                .set("currency", fine ? "TWD" : null);
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        if (defect != Defect.CONDITIONAL_REQUIRED) {
            return null;
        }
        row.set("sanction", "fine");
        if (fakes.chance(0.5)) {
            row.set("fine_amount", null).set("currency", "TWD");
            return "fine_amount";
        }
        row.set("fine_amount", fakes.amount(3_000, 50_000)).set("currency", null);
        return "currency";
    }
}
