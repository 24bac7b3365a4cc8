package io.qualityhub.local.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheFilesAndSummarisesEachOnOneLine() {
        int exit = run("--branches", "1", "--rows", "10", "--out", dir.toString(), "--types", "claims,surveys",
                "--format", "jsonl", "--bad-share", "0", "--date", "2026-11-24");

        assertEquals(0, exit);
        assertEquals(List.of(
                "TPE-01/2026-11-24/claims.jsonl  rows=10 bad=0  " + dir.resolve("TPE-01/2026-11-24/claims.jsonl"),
                "TPE-01/2026-11-24/surveys.jsonl  rows=10 bad=0  " + dir.resolve("TPE-01/2026-11-24/surveys.jsonl"),
                "2 files, 20 rows, 0 bad"), out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(Files.exists(dir.resolve("TPE-01/2026-11-24/claims.jsonl")));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSummaryNamesTheReasonsOfTheBadRows() {
        int exit = run("--branches", "1", "--rows", "200", "--out", dir.toString(), "--types", "followups",
                "--format", "csv", "--bad-share", "0.5", "--gzip");

        assertEquals(0, exit);
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertTrue(first.matches("TPE-01/2026-11-23/followups\\.csv\\.gz  rows=200 bad=\\d+ \\((\\w+=\\d+, )*\\w+=\\d+\\)  .*"),
                first);
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertEquals(2, run("--branches", "2", "--rows", "10"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("generate: --branches, --rows and --out are required"), message);
        assertTrue(message.contains("usage: generate --branches N --rows M --out DIR"));
    }

    @Test
    void aValueOfTheWrongKindIsAUsageErrorNamingTheOption() {
        assertEquals(2, run("--branches", "2", "--rows", "ten", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("generate: --rows takes a whole number, got 'ten'"));
    }

    @Test
    void anUnknownTypeOrFormatIsAUsageError() {
        assertEquals(2, run("--branches", "1", "--rows", "1", "--out", dir.toString(), "--types", "sales,policies"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("generate: unknown record type 'policies'"));
        err.reset();
        assertEquals(2, run("--branches", "1", "--rows", "1", "--out", dir.toString(), "--format", "xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("generate: format must be one of [csv, jsonl, mixed], was 'xml'"));
        err.reset();
        assertEquals(2, run("--branches", "1", "--rows", "1", "--out", dir.toString(), "--date", "2026-11-31"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("generate: --date takes a date as YYYY-MM-DD, got '2026-11-31'"));
    }

    @Test
    void anOptionWithoutItsValueOrAnUnknownOptionIsAUsageError() {
        assertEquals(2, run("--branches", "1", "--rows", "1", "--out"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("generate: --out needs a value"));
        err.reset();
        assertEquals(2, run("--branches", "1", "--rows", "1", "--out", dir.toString(), "--colour"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("generate: unknown option '--colour'"));
    }

    @Test
    void helpPrintsTheUsageAndWritesNothing() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: generate"));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
