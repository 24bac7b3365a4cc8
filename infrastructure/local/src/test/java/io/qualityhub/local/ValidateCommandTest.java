package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./qualityhub validate}: one exit status per kind of outcome, and never a stack trace for a person to read. */
class ValidateCommandTest {

  private static final String HEADER = "survey_id,surveyed_on,overall_score,comment\n";

  @TempDir
  Path dir;

  @Test
  void exitStatusSaysCleanRejectedRefusedOrInternalError() throws Exception {
    assertEquals(0, validate(write("surveys.csv", HEADER + "S-1,2026-11-20,3,ok\n")));
    assertEquals(1, validate(write("surveys.csv", HEADER + "S-1,2026-11-20,9,ok\n")));
    assertEquals(2, validate(write("surveys.csv", "S-1,2026-11-20,3,ok\n")));
  }

  @Test
  void aFailureOfTheValidatorItselfIsOneLineNamingALogThatHoldsNoContent() throws Exception {
    Path file = write("surveys.csv", HEADER + "S-1,2026-11-20,3,PLANTED-comment\n");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ValidateCommand failingDisk = new ValidateCommand(new PrintStream(printed, true, StandardCharsets.UTF_8),
        path -> new FilterInputStream(Files.newInputStream(path)) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            throw new IOException("Input/output error reading PLANTED-comment");
          }
        });

    int status = failingDisk.run(List.of(file.toString()));

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, status);
    assertEquals(1, lines.size(), "one line, no stack trace: " + lines);
    assertTrue(lines.get(0).startsWith(file + ": internal error of the validator (IOException), not a problem of the file;"
        + " details in "), lines.get(0));
    Path log = Path.of(lines.get(0).substring(lines.get(0).indexOf("details in ") + "details in ".length()));
    String details = Files.readString(log);
    assertTrue(details.startsWith("java.io.IOException\n\tat "), details);
    assertFalse(details.contains("PLANTED"), "exception messages stay out of the log");
    Files.delete(log);
  }

  private Path write(String name, String content) throws IOException {
    Path branchDir = Files.createDirectories(dir.resolve("TPE-01/2026-11-20"));
    return Files.writeString(branchDir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static int validate(Path file) throws IOException {
    return new ValidateCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(List.of(file.toString()));
  }
}
