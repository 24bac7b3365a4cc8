package io.qualityhub.local.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Claims as branches send them: one row per state change, several rows per claim with increasing
 * {@code updated_at}, now and then newest first. Claims were reported up to 60 days before the business
 * date, so some have been open long enough to be overdue.
 */
final class ClaimSource extends GeneratedSource {

    private static final List<String> PAID = List.of("reported", "documents_pending", "under_review", "approved", "paid", "closed");
    private static final List<String> PAID_COMPLEX = List.of("reported", "documents_pending", "under_review", "investigating", "approved", "paid", "closed");
    private static final List<String> REJECTED = List.of("reported", "documents_pending", "under_review", "rejected");
    private static final List<String> REJECTED_COMPLEX = List.of("reported", "documents_pending", "under_review", "investigating", "rejected");
    private static final List<String> WITHDRAWN = List.of("reported", "documents_pending", "withdrawn");
    private static final Set<String> TERMINAL = Set.of("closed", "rejected", "withdrawn");
    private static final int MAX_ROWS_PER_CLAIM = 4;

    private final ArrayDeque<Row> pending = new ArrayDeque<>();

    ClaimSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.CLAIMS, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        if (pending.isEmpty()) {
            pending.addAll(nextClaim());
        }
        return pending.poll();
    }

    private List<Row> nextClaim() {
        sequence++;
        String line = fakes.pick(Products.LINES);
        boolean complex = line.equals("life") || fakes.chance(0.25);
        double roll = fakes.random().nextDouble();
        List<String> path = roll < 0.75 ? (complex ? PAID_COMPLEX : PAID)
                : roll < 0.9 ? (complex ? REJECTED_COMPLEX : REJECTED) : WITHDRAWN;
        int current = fakes.between(0, path.size() - 1);
        long[] times = stageTimes(current + 1);
        long claimed = line.equals("life") ? fakes.between(100_000L, 3_000_000L) : fakes.between(2_000L, 500_000L);
        String claimId = "CLM-" + branch + "-" + monthPart + "-" + String.format("%07d", sequence);
        Row template = new Row(schema, branch)
                .set("claim_id", claimId)
                .set("policy_id", "P-" + branch + "-C" + String.format("%07d", fakes.between(1, 9_999_999)))
                .set("product_code", Products.codeFor(line, fakes))
                .set("product_line", line)
                .set("complexity", complex ? "complex" : "simple")
                .set("green_channel", fakes.chance(complex ? 0.2 : 0.05))
                .set("reported_at", Fakes.timestamp(times[0]))
                .set("amount_claimed", fakes.chance(0.8) ? BigDecimal.valueOf(claimed) : String.valueOf(claimed))
                .set("currency", "TWD")
                .set("handler_id", "CH-" + fakes.between(100, 399))
                .set("customer_name", fakes.name())
                .set("customer_id_no", fakes.idNumber())
                .set("customer_phone", fakes.chance(0.8) ? fakes.mobile() : null)
                .set("diagnosis", line.equals("property") || line.equals("auto") ? null : fakes.diagnosis());
        BigDecimal paid = BigDecimal.valueOf(claimed * fakes.between(70, 100) / 100);
        List<Row> rows = new ArrayList<>();
        for (int stage = Math.max(0, current - MAX_ROWS_PER_CLAIM + 1); stage <= current; stage++) {
            rows.add(stateRow(template, path, stage, times, paid));
        }
        if (rows.size() > 1 && fakes.chance(0.1)) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** Strictly increasing instants of the stages, the first being the report, all before the business day ends. */
    private long[] stageTimes(int stages) {
        long[] times = new long[stages];
        times[0] = dayStart - fakes.between(0, 60) * Fakes.DAY + fakes.between(8 * Fakes.HOUR, 12 * Fakes.HOUR);
        long end = dayStart + Fakes.DAY - 1;
        for (int i = 1; i < stages; i++) {
            long room = (end - times[i - 1]) / (stages - i);
            times[i] = times[i - 1] + fakes.between(1L, Math.max(1L, room));
        }
        return times;
    }

    private Row stateRow(Row template, List<String> path, int stage, long[] times, BigDecimal paid) {
        String status = path.get(stage);
        Row row = template.copy()
                .set("status", status)
                .set("updated_at", Fakes.timestamp(times[stage]));
        setWhenReached(row, "documents_complete_at", path, "under_review", stage, times);
        setWhenReached(row, "decided_at", path, "approved", stage, times);
        setWhenReached(row, "decided_at", path, "rejected", stage, times);
        // The statutory clocks' stop dates, at the step that meets them, so generated claims break no clock by design.
        setWhenReached(row, "agreed_at", path, "approved", stage, times);
        setWhenReached(row, "denial_notice_at", path, "rejected", stage, times);
        setWhenReached(row, "paid_at", path, "paid", stage, times);
        if (TERMINAL.contains(status)) {
            row.set("closed_at", Fakes.timestamp(times[stage]));
        }
        if (status.equals("paid") || status.equals("closed")) {
            row.set("amount_paid", paid);
        }
        return row;
    }

    private static void setWhenReached(Row row, String column, List<String> path, String step, int stage, long[] times) {
        int at = path.indexOf(step);
        if (at >= 0 && at <= stage) {
            row.set(column, Fakes.timestamp(times[at]));
        }
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        String status = (String) row.get("status");
        return switch (defect) {
            case CONDITIONAL_REQUIRED -> {
                if (TERMINAL.contains(status)) {
                    row.set("closed_at", null);
                    yield "closed_at";
                }
                row.set("status", "paid").set("amount_paid", null);
                yield "amount_paid";
            }
            case CONDITIONAL_FORBIDDEN -> {
                if (!TERMINAL.contains(status)) {
                    row.set("closed_at", row.get("updated_at"));
                    yield "closed_at";
                }
                if (status.equals("closed")) {
                    yield null;
                }
                row.set("amount_paid", BigDecimal.valueOf(fakes.between(1_000, 50_000)));
                yield "amount_paid";
            }
            case DATE_ORDER -> breakDateOrder(row);
            default -> null;
        };
    }

    private String breakDateOrder(Row row) {
        List<String> present = new ArrayList<>();
        for (String column : List.of("documents_complete_at", "decided_at", "paid_at", "closed_at")) {
            if (row.has(column)) {
                present.add(column);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        String column = present.get(fakes.random().nextInt(present.size()));
        long reportedAt = OffsetDateTime.parse((String) row.get("reported_at")).toEpochSecond();
        row.set(column, Fakes.timestamp(reportedAt - fakes.between(Fakes.HOUR, 5 * Fakes.DAY)));
        return column;
    }

    /** A status that is not valid, or missing, would also make a present closed_at or amount_paid forbidden. */
    @Override
    public boolean canDamage(Row row, String column) {
        return !column.equals("status") || (!row.has("closed_at") && !row.has("amount_paid"));
    }
}
