package io.qualityhub.local.generate;

import java.time.LocalDate;

/** Policies sold on the business date, with the salesperson's disclosure steps and call recording. */
final class SalesSource extends GeneratedSource {

    private static final String[] CHANNELS = {"agent", "agent", "agent", "agent", "agent", "bancassurance",
        "bancassurance", "telemarketing", "telemarketing", "online", "broker"};

    SalesSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.SALES, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        sequence++;
        String line = fakes.pick(Products.LINES);
        String channel = fakes.pick(CHANNELS);
        boolean newcomer = fakes.chance(0.15);
        LocalDate hiredOn = businessDate.minusDays(newcomer ? fakes.between(1, 90) : fakes.between(91, 7_000));
        Row row = new Row(schema, branch)
                .set("record_id", "S-" + branch + "-" + businessDate.toString().replace("-", "") + "-"
                        + String.format("%07d", sequence))
                .set("policy_id", "P-" + branch + "-" + String.format("%08d", sequence))
                .set("sold_at", Fakes.timestamp(dayStart + fakes.between(8 * Fakes.HOUR, 20 * Fakes.HOUR)))
                .set("salesperson_id", prefixOf(channel) + "-" + fakes.between(1000, 9999))
                .set("salesperson_licence_no", fakes.chance(0.9) ? String.format("%010d", fakes.between(0, 999_999_999)) : null)
                .set("salesperson_hired_on", hiredOn.toString())
                .set("product_code", Products.codeFor(line, fakes))
                .set("product_line", line)
                .set("channel", channel)
                .set("premium", fakes.amount(500, line.equals("life") ? 300_000 : 40_000))
                .set("currency", line.equals("life") && fakes.chance(0.1) ? "USD" : "TWD")
                .set("customer_name", fakes.name())
                .set("customer_id_no", fakes.idNumber())
                .set("customer_phone", fakes.chance(0.8) ? fakes.mobile() : null)
                .set("terms_given", fakes.chance(0.97))
                .set("risk_notice_given", fakes.chance(0.95))
                .set("customer_signed", fakes.chance(0.98));
        if (recordingRequired(channel, line) || fakes.chance(0.3)) {
            row.set("recording_id", "REC-" + branch + "-" + String.format("%08d", sequence));
        }
        return row;
    }

    private static String prefixOf(String channel) {
        return switch (channel) {
            case "bancassurance" -> "BA";
            case "telemarketing" -> "TM";
            case "online" -> "OL";
            case "broker" -> "BR";
            default -> "AG";
        };
    }

    private static boolean recordingRequired(String channel, String line) {
        return channel.equals("telemarketing") || channel.equals("bancassurance")
                || line.equals("life") || line.equals("health");
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        return switch (defect) {
            case CONDITIONAL_REQUIRED -> {
                row.set("channel", "telemarketing").set("recording_id", null);
                yield "recording_id";
            }
            case DATE_ORDER -> {
                LocalDate soldOn = LocalDate.parse(((String) row.get("sold_at")).substring(0, 10));
                row.set("salesperson_hired_on", soldOn.plusDays(fakes.between(1, 30)).toString());
                yield "sold_at";
            }
            default -> null;
        };
    }
}
