package io.qualityhub.local.generate;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Underwriting files received in the last two weeks, decided or still pending. */
final class UnderwritingSource extends GeneratedSource {

    private static final String[] DECISIONS = {"accept", "accept", "accept", "accept", "accept", "decline", "refer",
        "more_evidence", "pending", "pending"};
    private static final String[] RISK_LEVELS = {"low", "low", "medium", "medium", "high"};

    UnderwritingSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.UNDERWRITING, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        sequence++;
        String line = fakes.pick(Products.LINES);
        String decision = fakes.pick(DECISIONS);
        long receivedAt = dayStart - fakes.between(0, 14) * Fakes.DAY + fakes.between(8 * Fakes.HOUR, 18 * Fakes.HOUR);
        boolean decided = switch (decision) {
            case "pending" -> false;
            case "more_evidence" -> fakes.chance(0.5);
            default -> true;
        };
        boolean exception = fakes.chance(0.15);
        boolean medical = line.equals("life") || line.equals("health") ? fakes.chance(0.5) : false;
        Row row = new Row(schema, branch)
                .set("record_id", "U-" + branch + "-" + datePart + "-" + String.format("%07d", sequence))
                .set("application_id", "APP-" + branch + "-" + String.format("%08d", sequence))
                .set("policy_id", decision.equals("accept") && fakes.chance(0.8)
                        ? "P-" + branch + "-U" + String.format("%07d", sequence) : null)
                .set("underwriter_id", "UW-" + fakes.between(100, 399))
                .set("product_code", Products.codeFor(line, fakes))
                .set("product_line", line)
                .set("received_at", Fakes.timestamp(receivedAt))
                .set("decided_at", decided ? Fakes.timestamp(fakes.between(receivedAt + Fakes.HOUR,
                        dayStart + Fakes.DAY - 1)) : null)
                .set("decision", decision)
                .set("risk_level", exception ? "high" : fakes.pick(RISK_LEVELS))
                .set("medical_exam", medical)
                .set("standard_exception", exception)
                .set("exception_reason", exception ? fakes.exceptionReason() : null);
        if (fakes.chance(0.9)) {
            row.set("customer_name", fakes.name()).set("customer_id_no", fakes.idNumber())
                    .set("occupation", fakes.occupation());
        }
        if (medical && fakes.chance(0.6)) {
            row.set("health_notes", fakes.healthNotes());
        }
        return row;
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        if (defect != Defect.DATE_ORDER) {
            return null;
        }
        long receivedAt = OffsetDateTime.parse((String) row.get("received_at")).toEpochSecond();
        row.set("decided_at", Fakes.timestamp(receivedAt - fakes.between(Fakes.HOUR, 3 * Fakes.DAY)));
        return "decided_at";
    }
}
