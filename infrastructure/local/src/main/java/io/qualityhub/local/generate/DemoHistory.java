package io.qualityhub.local.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The three months before the demo's sample day, so its reports have a trend to show: for each branch of the sample
 * day and each month, one business day's claims settled, complaints resolved and policies sold, with a share of each
 * on time or complete that moves from month to month ({@link #MONTHS}). Every record's own dates fall on its file's
 * business date (a claim closed, a complaint resolved, a policy sold that day), so it counts in that month however
 * the reports date it; every claim is closed and every complaint resolved, so none opens a deadline, an alert or a
 * sampling stratum of the sample day's month. The same files every time: nothing random, no customer of the sample
 * day.
 */
public final class DemoHistory {

    /** Claims, complaints and sales per branch and month: this many of each. */
    public static final int CLAIMS = 10;
    public static final int COMPLAINTS = 10;
    public static final int SALES = 20;

    /**
     * Per month and branch: claims settled on time (of {@link #CLAIMS}), complaints resolved on time (of
     * {@link #COMPLAINTS}), sales with complete disclosure (of {@link #SALES}). For the company, claims settled on time
     * fall from 93.3% to 80.0% to 70.0%, complaints resolved on time rise from 80.0% to 86.7% to 96.7%, and sales
     * disclosure goes from 91.7% to 93.3% to 95.0%.
     */
    public record Month(LocalDate businessDate, String branch, int claimsOnTime, int complaintsOnTime,
                        int salesComplete) {
    }

    public static final List<Month> MONTHS = List.of(
            new Month(LocalDate.of(2026, 8, 18), "TPE-01", 10, 9, 20),
            new Month(LocalDate.of(2026, 8, 18), "KHH-02", 9, 7, 17),
            new Month(LocalDate.of(2026, 8, 18), "TXG-03", 9, 8, 18),
            new Month(LocalDate.of(2026, 9, 15), "TPE-01", 9, 9, 19),
            new Month(LocalDate.of(2026, 9, 15), "KHH-02", 7, 8, 18),
            new Month(LocalDate.of(2026, 9, 15), "TXG-03", 8, 9, 19),
            new Month(LocalDate.of(2026, 10, 20), "TPE-01", 6, 10, 18),
            new Month(LocalDate.of(2026, 10, 20), "KHH-02", 8, 9, 19),
            new Month(LocalDate.of(2026, 10, 20), "TXG-03", 7, 10, 20));

    private static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,"
            + "status,reported_at,documents_complete_at,decided_at,closed_at,amount_claimed,currency,handler_id,updated_at";
    private static final String COMPLAINTS_HEADER = "complaint_id,received_at,channel,category,severity,status,"
            + "first_response_at,resolved_at,updated_at";
    private static final String SALES_HEADER = "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
            + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,terms_given,"
            + "risk_notice_given,customer_signed";
    /** Fictitious customers, one per sale, none of them the sample day's. */
    private static final String[] SURNAMES = {"歐陽", "司馬", "諸葛", "上官", "東方"};
    private static final String[] GIVEN = {"曉風", "子晴", "予安", "若水"};

    private DemoHistory() {
    }

    /** Writes every month's files under {@code dir} as {@code {branch}/{date}/{type}.csv}; returns them in order. */
    public static List<Path> writeTo(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Month month : MONTHS) {
            Path day = dir.resolve(month.branch()).resolve(month.businessDate().toString());
            Files.createDirectories(day);
            files.add(write(day.resolve("claims.csv"), CLAIMS_HEADER, claims(month)));
            files.add(write(day.resolve("complaints.csv"), COMPLAINTS_HEADER, complaints(month)));
            files.add(write(day.resolve("sales.csv"), SALES_HEADER, sales(month)));
        }
        return files;
    }

    /** On time: documents complete 2 days before closing (limit 10 days); late: 35 days before. */
    static List<String> claims(Month month) {
        List<String> rows = new ArrayList<>();
        OffsetDateTime closed = at(month.businessDate(), 15);
        for (int i = 1; i <= CLAIMS; i++) {
            boolean onTime = i <= month.claimsOnTime();
            OffsetDateTime complete = closed.minusDays(onTime ? 2 : 35);
            rows.add(String.join(",", id("CLM", month, i), id("P-C", month, i), "AC-PA10", "accident", "simple", "N",
                    "closed", text(complete.minusDays(1)), text(complete), text(closed.minusHours(2)), text(closed),
                    "12000", "TWD", "CH-" + (100 + i % 3), text(closed)));
        }
        return rows;
    }

    /** General complaints: on time resolved 2 days after receipt (limit 30 days); late, 45 days after. */
    static List<String> complaints(Month month) {
        List<String> rows = new ArrayList<>();
        OffsetDateTime resolved = at(month.businessDate(), 16);
        for (int i = 1; i <= COMPLAINTS; i++) {
            boolean onTime = i <= month.complaintsOnTime();
            OffsetDateTime received = resolved.minusDays(onTime ? 2 : 45);
            rows.add(String.join(",", id("CMP", month, i), text(received), "phone", "服務態度", "general", "resolved",
                    text(received.plusHours(3)), text(resolved), text(resolved)));
        }
        return rows;
    }

    /** Accident policies sold by agents (no recording required); incomplete ones lack the risk notice. */
    static List<String> sales(Month month) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= SALES; i++) {
            boolean complete = i <= month.salesComplete();
            rows.add(String.join(",", id("S", month, i), id("P-S", month, i),
                    text(at(month.businessDate(), 9).plusMinutes(i * 7L)), "AG-" + (2000 + i % 4), "2020-01-06", "AC-PA10", "accident", "agent", "2450", "TWD",
                    SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length], nationalId(month, i), "Y",
                    complete ? "Y" : "N", "Y"));
        }
        return rows;
    }

    /** {@code CLM-TPE01-2608-003}: the branch, the month and the row, unique within the branch and type. */
    private static String id(String prefix, Month month, int row) {
        return prefix + "-" + month.branch().replace("-", "") + "-"
                + YearMonth.from(month.businessDate()).toString().substring(2).replace("-", "") + "-"
                + String.format("%03d", row);
    }

    /** A fictitious Taiwanese id number of the right shape (a letter, 1 or 2, eight digits). */
    private static String nationalId(Month month, int row) {
        return "Z" + (row % 2 + 1) + String.format("%08d", month.businessDate().getMonthValue() * 1_000 + row
                + MONTHS.indexOf(month) * 100_000);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(Fakes.TAIWAN);
    }

    /** {@code 2026-08-18T15:00:00+08:00}, seconds included. */
    private static String text(OffsetDateTime time) {
        return Fakes.timestamp(time.toEpochSecond());
    }

    private static Path write(Path file, String header, List<String> rows) throws IOException {
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
