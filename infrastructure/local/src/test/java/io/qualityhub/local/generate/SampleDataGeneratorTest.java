package io.qualityhub.local.generate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final OffsetDateTime DAY_START = OffsetDateTime.parse("2026-11-23T00:00:00+08:00");
    private static final Set<String> TERMINAL = Set.of("closed", "rejected", "withdrawn");

    @TempDir
    Path dir;

    private final SampleDataGenerator generator = new SampleDataGenerator();

    private GeneratorOptions.Builder options(String subdir) {
        return GeneratorOptions.builder().outDir(dir.resolve(subdir)).businessDate(DAY);
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDifferentOnes() throws IOException {
        GeneratorOptions.Builder base = options("a").branches(2).rowsPerFile(300).badRowShare(0.1).format("mixed").gzip(true);
        GenerationResult first = generator.generate(base.build());
        GenerationResult again = generator.generate(base.outDir(dir.resolve("b")).build());
        GenerationResult otherSeed = generator.generate(base.outDir(dir.resolve("c")).seed(43).build());

        assertEquals(14, first.files().size());
        for (int i = 0; i < first.files().size(); i++) {
            byte[] bytes = Files.readAllBytes(first.files().get(i).path());
            assertArrayEquals(bytes, Files.readAllBytes(again.files().get(i).path()), first.files().get(i).key());
            assertFalse(Arrays.equals(bytes, Files.readAllBytes(otherSeed.files().get(i).path())),
                    first.files().get(i).key());
        }
    }

    @Test
    void writesOneFilePerBranchAndTypeAndFindingsOnlyForTheQualityDepartment() throws IOException {
        GenerationResult result = generator.generate(options("out").branches(2).rowsPerFile(50).format("csv")
                .types(Set.of("sales", "claims", "findings")).build());

        assertEquals(List.of("TPE-01/2026-11-23/sales.csv", "TPE-01/2026-11-23/claims.csv",
                "KHH-02/2026-11-23/sales.csv", "KHH-02/2026-11-23/claims.csv", "QA/2026-11-23/findings.csv"),
                result.files().stream().map(GeneratedFile::key).toList());
        for (GeneratedFile file : result.files()) {
            assertEquals(dir.resolve("out").resolve(file.key()), file.path());
            assertEquals(50, file.rows());
            assertEquals(50, UploadText.csv(UploadText.read(file.path())).size() - 1, file.key());
        }
        assertEquals(250, result.totalRows());
    }

    @Test
    void gzippedJsonLinesFilesHoldOneObjectPerRow() throws IOException {
        GenerationResult result = generator.generate(options("gz").branches(1).rowsPerFile(40).badRowShare(0)
                .format("jsonl").gzip(true).types(Set.of("complaints")).build());

        GeneratedFile file = result.files().get(0);
        assertEquals("TPE-01/2026-11-23/complaints.jsonl.gz", file.key());
        List<String> lines = UploadText.read(file.path()).lines().toList();
        assertEquals(40, lines.size());
        for (String line : lines) {
            assertEquals("TPE-01", UploadText.jsonObject(line).get("branch"));
        }
    }

    @Test
    void goodClaimRowsTellAPlausibleStoryOfEachClaim() throws IOException {
        List<Map<String, String>> rows = csvRowsOf("claims", 3_000);

        Map<String, List<OffsetDateTime>> updatesById = new HashMap<>();
        int longOpen = 0;
        int green = 0;
        for (Map<String, String> row : rows) {
            String status = row.get("status");
            OffsetDateTime reported = OffsetDateTime.parse(row.get("reported_at"));
            OffsetDateTime updated = OffsetDateTime.parse(row.get("updated_at"));
            assertAll(row.get("claim_id") + " " + status,
                    () -> assertFalse(reported.isBefore(DAY_START.minusDays(60))),
                    () -> assertTrue(updated.isBefore(DAY_START.plusDays(1))),
                    () -> assertFalse(updated.isBefore(reported)),
                    () -> assertEquals(TERMINAL.contains(status), row.containsKey("closed_at")),
                    () -> assertEquals(status.equals("paid") || status.equals("closed") && row.containsKey("paid_at"),
                            row.containsKey("amount_paid")),
                    () -> assertEquals("TWD", row.get("currency")));
            for (String step : List.of("documents_complete_at", "decided_at", "paid_at", "closed_at")) {
                if (row.containsKey(step)) {
                    assertFalse(OffsetDateTime.parse(row.get(step)).isBefore(reported), step);
                    assertFalse(OffsetDateTime.parse(row.get(step)).isAfter(updated), step);
                }
            }
            if (row.containsKey("amount_paid")) {
                assertTrue(Double.parseDouble(row.get("amount_paid")) <= Double.parseDouble(row.get("amount_claimed")));
            }
            updatesById.computeIfAbsent(row.get("claim_id"), id -> new ArrayList<>()).add(updated);
            if (reported.isBefore(DAY_START.minusDays(20)) && !TERMINAL.contains(status) && !status.equals("paid")) {
                longOpen++;
            }
            green += row.get("green_channel").equals("Y") ? 1 : 0;
        }

        int withHistory = 0;
        int newestFirst = 0;
        for (List<OffsetDateTime> updates : updatesById.values()) {
            assertEquals(updates.size(), new TreeSet<>(updates).size(), "a claim's state rows have distinct updated_at");
            withHistory += updates.size() > 1 ? 1 : 0;
            newestFirst += updates.size() > 1 && updates.get(0).isAfter(updates.get(1)) ? 1 : 0;
        }
        assertTrue(withHistory > updatesById.size() / 3, withHistory + " of " + updatesById.size());
        assertTrue(newestFirst > 0);
        assertTrue(longOpen > 0);
        assertTrue(green > 0);
    }

    @Test
    void goodSalesRowsFollowTheRecordingAndHireDateRules() throws IOException {
        for (Map<String, String> row : csvRowsOf("sales", 2_000)) {
            boolean recordingRequired = Set.of("telemarketing", "bancassurance").contains(row.get("channel"))
                    || Set.of("life", "health").contains(row.get("product_line"));
            LocalDate soldOn = OffsetDateTime.parse(row.get("sold_at")).toLocalDate();
            assertAll(row.get("record_id"),
                    () -> assertTrue(!recordingRequired || row.containsKey("recording_id")),
                    () -> assertEquals(DAY, soldOn),
                    () -> assertFalse(LocalDate.parse(row.get("salesperson_hired_on")).isAfter(soldOn)),
                    () -> assertTrue(row.get("premium").matches("\\d+(\\.\\d{1,2})?")),
                    () -> assertTrue(Set.of("Y", "N").containsAll(List.of(row.get("terms_given"),
                            row.get("risk_notice_given"), row.get("customer_signed")))),
                    () -> assertTrue(row.get("customer_id_no").matches("[A-Z][12]\\d{8}")));
        }
    }

    @Test
    void goodRowsOfTheOtherTypesKeepTheirConditionalAndDateRules() throws IOException {
        for (Map<String, String> row : csvRowsOf("underwriting", 1_000)) {
            if (row.containsKey("decided_at")) {
                assertFalse(OffsetDateTime.parse(row.get("decided_at")).isBefore(OffsetDateTime.parse(row.get("received_at"))));
            }
        }
        for (Map<String, String> row : csvRowsOf("complaints", 1_000)) {
            OffsetDateTime received = OffsetDateTime.parse(row.get("received_at"));
            for (String step : List.of("first_response_at", "resolved_at")) {
                assertTrue(!row.containsKey(step) || !OffsetDateTime.parse(row.get(step)).isBefore(received));
            }
        }
        for (Map<String, String> row : csvRowsOf("violations", 1_000)) {
            boolean fine = row.get("sanction").equals("fine");
            assertEquals(fine, row.containsKey("fine_amount"));
            assertEquals(fine, row.containsKey("currency"));
        }
        for (Map<String, String> row : csvRowsOf("surveys", 1_000)) {
            assertTrue(row.get("overall_score").matches("[1-5]"));
        }
        for (Map<String, String> row : csvRowsOf("findings", 1_000)) {
            if (row.get("result").equals("fail")) {
                assertTrue(row.keySet().containsAll(List.of("severity", "corrective_action", "action_owner", "action_due_on")));
            }
            if (row.containsKey("action_closed_on")) {
                assertFalse(LocalDate.parse(row.get("action_closed_on")).isBefore(LocalDate.parse(row.get("inspected_on"))));
            }
        }
    }

    @Test
    void jsonLinesCarryTheSameRecordsAsCsvWithJsonBooleansAndNumbers() throws IOException {
        GeneratorOptions.Builder base = options("csv").branches(1).rowsPerFile(500).badRowShare(0)
                .types(Set.of("sales", "surveys"));
        GenerationResult csv = generator.generate(base.format("csv").build());
        GenerationResult jsonl = generator.generate(base.outDir(dir.resolve("jsonl")).format("jsonl").build());

        for (int f = 0; f < csv.files().size(); f++) {
            List<Map<String, String>> csvRows = UploadText.csvRows(UploadText.read(csv.files().get(f).path()));
            List<String> lines = UploadText.read(jsonl.files().get(f).path()).lines().toList();
            assertEquals(csvRows.size(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Map<String, String> asCsv = new HashMap<>();
                UploadText.jsonObject(lines.get(i)).forEach((name, value) -> asCsv.put(name,
                        value instanceof Boolean flag ? (flag ? "Y" : "N") : value.toString().replaceFirst("^#", "")));
                assertEquals(csvRows.get(i), asCsv);
            }
        }
    }

    @Test
    void aboutTheAskedShareOfRowsIsBadSpreadOverEveryReasonTheFileCanCarry() throws IOException {
        GenerationResult result = generator.generate(options("bad").branches(1).rowsPerFile(20_000).badRowShare(0.05)
                .format("csv").types(Set.of("claims")).build());

        RowCounts counts = result.files().get(0).counts();
        assertTrue(counts.badRows() > 900 && counts.badRows() < 1_100, "bad rows: " + counts.badRows());
        // Claims have no date or score column, and a CSV file cannot carry an unknown column in a row.
        Set<String> csvClaimReasons = Set.of("MALFORMED_ROW", "ROW_TOO_LARGE", "BRANCH_MISMATCH", "MISSING_REQUIRED",
                "INVALID_TIMESTAMP", "INVALID_BOOLEAN", "INVALID_AMOUNT", "INVALID_CURRENCY", "INVALID_ENUM",
                "CONDITIONAL_REQUIRED", "CONDITIONAL_FORBIDDEN", "DATE_ORDER", "DUPLICATE_ID", "INVALID_IDENTIFIER",
                "INVALID_TEXT");
        assertEquals(csvClaimReasons, counts.badRowsByReason().keySet());
        assertEquals(1L, counts.badRowsByReason().get("ROW_TOO_LARGE"));
        assertEquals(counts.badRows(), counts.badRowsByReason().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void eachReportedBadRowStartsOnItsLineAndCarriesItsDefect() throws IOException {
        List<String[]> reported = new ArrayList<>();
        GenerationResult result = generator.generate(options("lines").branches(1).rowsPerFile(1_000).badRowShare(0.2)
                .format("csv").types(Set.of("complaints")).build(),
                (key, line, column, reason) -> reported.add(new String[] {String.valueOf(line), column, reason}));

        assertEquals(result.totalBadRows(), reported.size());
        List<UploadText.CsvRecord> records = UploadText.csv(UploadText.read(result.files().get(0).path()));
        List<String> header = records.get(0).fields();
        Map<Long, UploadText.CsvRecord> byLine = new HashMap<>();
        records.forEach(r -> byLine.put(r.line(), r));
        Set<String> goodKeys = new HashSet<>();
        Set<Long> badLines = new HashSet<>();
        reported.forEach(r -> badLines.add(Long.parseLong(r[0])));
        for (UploadText.CsvRecord record : records.subList(1, records.size())) {
            if (!badLines.contains(record.line())) {
                goodKeys.add(record.fields().get(1) + "@" + record.fields().get(header.indexOf("updated_at")));
            }
        }
        for (String[] bad : reported) {
            UploadText.CsvRecord record = byLine.get(Long.parseLong(bad[0]));
            List<String> fields = record.fields();
            String value = bad[1].isEmpty() || fields.size() != header.size() ? null : fields.get(header.indexOf(bad[1]));
            switch (bad[2]) {
                case "MALFORMED_ROW" -> assertEquals(header.size() - 1, fields.size());
                case "ROW_TOO_LARGE" -> assertTrue(String.join(",", fields).length() > 64 * 1024);
                case "BRANCH_MISMATCH" -> assertEquals("KHH-02", value);
                case "MISSING_REQUIRED" -> assertEquals("", value);
                case "INVALID_ENUM" -> assertEquals("other", value);
                case "INVALID_TIMESTAMP" -> assertThrows(RuntimeException.class, () -> OffsetDateTime.parse(value));
                case "DATE_ORDER" -> assertTrue(OffsetDateTime.parse(value).isBefore(
                        OffsetDateTime.parse(fields.get(header.indexOf("received_at")))));
                case "DUPLICATE_ID" -> assertTrue(goodKeys.contains(
                        value + "@" + fields.get(header.indexOf("updated_at"))));
                case "INVALID_IDENTIFIER" -> assertTrue(value.codePointCount(0, value.length()) > 128
                        || value.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT), value.length() + " chars");
                case "INVALID_TEXT" -> assertTrue(value.contains("\u0000"));
                default -> throw new AssertionError("complaints CSV cannot carry " + bad[2]);
            }
        }
    }

    @Test
    void writeClaimsWritesOneClaimsCsvOfTheAskedSize() throws IOException {
        StringWriter out = new StringWriter();
        RowCounts counts = SampleDataGenerator.writeClaims(out, 1_000, 7, 0.0);

        List<Map<String, String>> rows = UploadText.csvRows(out.toString());
        assertEquals(1_000, rows.size());
        assertEquals(new RowCounts(1_000, 0, Map.of()), counts);
        assertTrue(out.toString().startsWith("branch,claim_id,policy_id,product_code,product_line,complexity,"));
        assertTrue(rows.stream().allMatch(row -> row.get("branch").equals("TPE-01")));
    }

    /**
     * {@code bench intake --type sales --rows 10000000} measures the contract's largest file: 20,000 rows as the bench
     * writes them (seed 7, 1% bad rows) must stay within a 500th of 2 GiB, 4,294,967 bytes. Claims do not (about 245
     * bytes a row: 8.8 million rows fill 2 GiB).
     */
    @Test
    void salesRowsAreNarrowEnoughForTenMillionInTheContractsTwoGibAndClaimsRowsAreNot() throws IOException {
        StringWriter sales = new StringWriter();
        RowCounts counts = SampleDataGenerator.writeCsv(sales, "sales", 20_000, 7, 0.01);
        StringWriter claims = new StringWriter();
        SampleDataGenerator.writeCsv(claims, "claims", 20_000, 7, 0.01);

        assertEquals(20_000, counts.rows());
        assertTrue(sales.toString().startsWith("branch,record_id,policy_id,sold_at,"));
        long salesBytes = sales.toString().getBytes(StandardCharsets.UTF_8).length;
        long claimsBytes = claims.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(salesBytes <= 4_294_967, salesBytes + " bytes");
        assertTrue(claimsBytes > 4_294_967, claimsBytes + " bytes");
        IllegalArgumentException findings = assertThrows(IllegalArgumentException.class,
                () -> SampleDataGenerator.writeCsv(new StringWriter(), "findings", 1, 7, 0.0));
        assertTrue(findings.getMessage().startsWith("'findings' is not a record type branches upload"), findings.getMessage());
    }

    @Test
    void optionsOutsideTheFormatsLimitsAreRefusedWithTheReason() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> GeneratorOptions.builder().rowsPerFile(10_000_001).build());
        assertEquals("rows per file must be 1-10000000 (the upload format's limit), was 10000001", tooMany.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GeneratorOptions.builder().types(Set.of("policies")).build());
        assertTrue(unknown.getMessage().startsWith("unknown record type 'policies'"));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.builder().badRowShare(1.5).build());
    }

    private List<Map<String, String>> csvRowsOf(String type, int rows) throws IOException {
        GenerationResult result = generator.generate(options(type).branches(1).rowsPerFile(rows).badRowShare(0)
                .format("csv").types(Set.of(type)).build());
        return UploadText.csvRows(UploadText.read(result.files().get(0).path()));
    }
}
