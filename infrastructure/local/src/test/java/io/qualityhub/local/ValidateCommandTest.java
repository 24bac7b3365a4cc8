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
  void aPortfolioFileIsCheckedLikeAnyOtherType() throws Exception {
    String header = "month,product_line,policies_in_force\n";
    assertEquals(0, validate(write("portfolio.csv", header + "2026-11,life,8200\n2026-11,health,3100\n")));
    assertEquals(1, validate(write("portfolio.csv", header + "2026-11,life,8200.5\n")), "INVALID_COUNT");
  }

  @Test
  void generatedPortfolioFilesValidateClean() throws Exception {
    io.qualityhub.local.generate.GenerationResult generated = new io.qualityhub.local.generate.SampleDataGenerator()
        .generate(io.qualityhub.local.generate.GeneratorOptions.builder().outDir(dir.resolve("generated")).branches(2)
            .types(java.util.Set.of("portfolio")).build());
    assertEquals(List.of("TPE-01/2026-11-23/portfolio.csv", "KHH-02/2026-11-23/portfolio.csv"),
        generated.files().stream().map(io.qualityhub.local.generate.GeneratedFile::key).toList());
    for (io.qualityhub.local.generate.GeneratedFile file : generated.files()) {
      List<String> lines = Files.readAllLines(file.path());
      assertEquals(6, lines.size(), "header and five product lines");
      assertEquals(List.of("2026-11,life", "2026-11,health", "2026-11,accident", "2026-11,property", "2026-11,auto"),
          lines.subList(1, 6).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList());
      assertEquals(0, validate(file.path()), file.key());
    }
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

  @Test
  void withAManifestTheFileIsHeldAgainstItAsIntakeHoldsIt() throws Exception {
    Path surveys = write("surveys.csv", HEADER + "S-1,2026-11-20,3,ok\nS-2,2026-11-20,9,ok\n");
    String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(surveys)));
    Path agreeing = write("manifest.json", "{\"formatVersion\":1,\"branch\":\"TPE-01\",\"businessDate\":\"2026-11-20\","
        + "\"files\":[{\"name\":\"surveys.csv\",\"rows\":2,\"sha256\":\"" + sha256 + "\"}]}");

    Printed agrees = validate(surveys, "--manifest", agreeing.toString());
    assertEquals(1, agrees.status(), "a row rejected, the file agrees: as without a manifest");
    assertEquals(surveys + ": agrees with " + agreeing, agrees.lines().get(agrees.lines().size() - 1));

    Files.writeString(agreeing, "{\"formatVersion\":1,\"branch\":\"TPE-01\",\"businessDate\":\"2026-11-20\","
        + "\"files\":[{\"name\":\"surveys.csv\",\"rows\":3}]}");
    Printed mismatch = validate(surveys, "--manifest", agreeing.toString());
    assertEquals(2, mismatch.status());
    assertEquals(surveys + ": refused: MANIFEST_MISMATCH: the manifest incoming/TPE-01/2026-11-20/manifest.json declares 3"
        + " data rows for surveys.csv and the file holds 2: upload the complete export again, or correct the manifest and"
        + " upload it, then this file, again", mismatch.lines().get(mismatch.lines().size() - 1));

    Files.writeString(agreeing, "{\"formatVersion\":1,\"branch\":\"KHH-02\"}");
    Printed invalid = validate(surveys, "--manifest", agreeing.toString());
    assertEquals(2, invalid.status());
    assertEquals(surveys + ": refused: INVALID_MANIFEST: manifest " + agreeing + ": branch is not \"TPE-01\", the branch"
        + " of its key incoming/TPE-01/2026-11-20/manifest.json: a manifest describes the files of the branch and day it is"
        + " uploaded under; see docs/upload-format.md, \"Branch manifests\", and upload the manifest again",
        invalid.lines().get(invalid.lines().size() - 1));
  }

  private record Printed(int status, List<String> lines) {}

  private static Printed validate(Path file, String... options) throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(List.of(file.toString()));
    args.addAll(List.of(options));
    int status = new ValidateCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(args);
    return new Printed(status, printed.toString(StandardCharsets.UTF_8).lines().toList());
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
