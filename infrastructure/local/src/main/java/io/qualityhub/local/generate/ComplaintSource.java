package io.qualityhub.local.generate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;

/** Complaints of the last 30 days, one row per state change; some major ones still open. */
final class ComplaintSource extends GeneratedSource {

    private static final List<String> PLAIN = List.of("open", "responded", "resolved", "closed");
    private static final List<String> ESCALATED = List.of("open", "responded", "escalated", "resolved", "closed");
    private static final String[] CHANNELS = {"phone", "phone", "email", "branch", "online", "regulator"};
    private static final String[] CONCERNS = {"policy", "claim", "sales", "service"};
    private static final int MAX_ROWS_PER_COMPLAINT = 3;

    private final ArrayDeque<Row> pending = new ArrayDeque<>();

    ComplaintSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.COMPLAINTS, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        if (pending.isEmpty()) {
            pending.addAll(nextComplaint());
        }
        return pending.poll();
    }

    private List<Row> nextComplaint() {
        sequence++;
        boolean major = fakes.chance(0.15);
        List<String> path = major && fakes.chance(0.6) ? ESCALATED : PLAIN;
        int current = fakes.between(0, path.size() - 1);
        long[] times = new long[current + 1];
        times[0] = dayStart - fakes.between(0, 30) * Fakes.DAY + fakes.between(8 * Fakes.HOUR, 12 * Fakes.HOUR);
        long end = dayStart + Fakes.DAY - 1;
        for (int i = 1; i <= current; i++) {
            times[i] = times[i - 1] + fakes.between(1L, Math.max(1L, (end - times[i - 1]) / (current + 1 - i)));
        }
        String concerns = fakes.chance(0.8) ? fakes.pick(CONCERNS) : null;
        Row template = new Row(schema, branch)
                .set("complaint_id", "CMP-" + branch + "-" + monthPart + "-" + String.format("%07d", sequence))
                .set("received_at", Fakes.timestamp(times[0]))
                .set("channel", major && fakes.chance(0.5) ? "regulator" : fakes.pick(CHANNELS))
                .set("category", fakes.complaintCategory())
                .set("severity", major ? "major" : "general")
                .set("concerns_type", concerns)
                .set("concerns_id", concerns == null || concerns.equals("service") ? null
                        : "P-" + branch + "-K" + String.format("%07d", fakes.between(1, 9_999_999)))
                .set("staff_id", fakes.chance(0.7) ? "SV-" + fakes.between(300, 599) : null)
                .set("customer_name", fakes.name())
                .set("customer_phone", fakes.chance(0.8) ? fakes.mobile() : null)
                .set("description", fakes.complaintText());
        List<Row> rows = new ArrayList<>();
        for (int stage = Math.max(0, current - MAX_ROWS_PER_COMPLAINT + 1); stage <= current; stage++) {
            Row row = template.copy()
                    .set("status", path.get(stage))
                    .set("updated_at", Fakes.timestamp(times[stage]));
            if (stage >= 1) {
                row.set("first_response_at", Fakes.timestamp(times[1]));
            }
            int resolved = path.indexOf("resolved");
            if (stage >= resolved) {
                row.set("resolved_at", Fakes.timestamp(times[resolved]));
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        if (defect != Defect.DATE_ORDER) {
            return null;
        }
        long receivedAt = OffsetDateTime.parse((String) row.get("received_at")).toEpochSecond();
        row.set("first_response_at", Fakes.timestamp(receivedAt - fakes.between(Fakes.HOUR, 2 * Fakes.DAY)));
        return "first_response_at";
    }
}
