package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.manifest.BranchManifest;
import io.qualityhub.core.manifest.DeclaredFile;
import io.qualityhub.core.manifest.ManifestCheck;
import io.qualityhub.core.manifest.ManifestParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo's manifest (TXG-03's sample day) names exactly the branch's sample files, and each of them agrees. */
class SampleDayManifestTest {

  private static final Path DAY = Path.of("..", "..", "..", "events", "sample-day", "TXG-03", "2026-11-23");

  @Test
  void theSampleManifestAgreesWithEveryFileOfItsDay() throws Exception {
    ManifestKey key = ManifestKey.parse("incoming/TXG-03/2026-11-23/manifest.json");
    BranchManifest manifest = ManifestParser.parse(Files.readAllBytes(DAY.resolve("manifest.json")), key);
    List<String> sent = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    try (Stream<Path> files = Files.list(DAY)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.equals(ManifestKey.FILE_NAME)) {
          continue;
        }
        sent.add(name);
        UploadKey upload = UploadKey.parse("incoming/TXG-03/2026-11-23/" + name);
        byte[] bytes = Files.readAllBytes(file);
        long rows = ScanFixture.scan("TXG-03", upload.type(), upload.format(), bytes, upload.gzipped()).result.rowsRead();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        ManifestCheck.check(manifest, upload, rows, sha256).ifPresent(refusal -> disagreements.add(refusal.describe()));
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(sent, manifest.files().stream().map(DeclaredFile::name).sorted().toList(), "no file named that never comes");
    assertEquals(2, manifest.files().stream().filter(file -> file.sha256() != null).count(), "two files with their SHA-256");
  }
}
