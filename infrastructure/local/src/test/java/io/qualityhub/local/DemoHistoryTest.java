package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.local.generate.DemoHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's three earlier months: every file valid as intake reads it, the same bytes each time. */
class DemoHistoryTest {

  @TempDir
  Path dir;

  @Test
  void threeMonthsOfClaimsComplaintsAndSalesPerBranchEveryRowValid() throws Exception {
    List<Path> files = DemoHistory.writeTo(dir.resolve("first"));

    assertEquals(27, files.size());
    assertEquals(List.of("TPE-01/2026-08-18/claims.csv", "TPE-01/2026-08-18/complaints.csv", "TPE-01/2026-08-18/sales.csv",
            "KHH-02/2026-08-18/claims.csv"),
        files.subList(0, 4).stream().map(file -> dir.resolve("first").relativize(file).toString().replace('\\', '/')).toList());
    assertEquals("TXG-03/2026-10-20/sales.csv",
        dir.resolve("first").relativize(files.getLast()).toString().replace('\\', '/'));
    for (Path file : files) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int status = new ValidateCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(List.of(file.toString()));
      String said = printed.toString(StandardCharsets.UTF_8);
      assertEquals(0, status, said);
      int rows = file.getFileName().toString().equals("sales.csv") ? 20 : 10;
      assertTrue(said.contains(rows + " rows: " + rows + " good, 0 rejected"), said);
    }
    List<Path> again = DemoHistory.writeTo(dir.resolve("second"));
    for (int i = 0; i < files.size(); i++) {
      assertEquals(Files.readString(files.get(i)), Files.readString(again.get(i)), "the same bytes every time");
    }
  }
}
