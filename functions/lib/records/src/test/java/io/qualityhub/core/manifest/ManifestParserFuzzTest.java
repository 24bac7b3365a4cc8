package io.qualityhub.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Any bytes as a branch manifest either give a manifest of the key's branch and day, each file a name the branch
 * uploads, of its own record type, with 1 to 10,000,000 rows and a SHA-256 of 64 lower-case hex digits or none; or
 * are refused {@code INVALID_MANIFEST} with a message that repeats no planted value. In a plain {@code mvn test}
 * this replays {@code ManifestParserFuzzTestInputs/}; see docs/testing.md.
 */
class ManifestParserFuzzTest {

  private static final ManifestKey KEY = new ManifestKey("TPE-01", LocalDate.of(2026, 11, 20));
  private static final String PLANTED = "A123456789";

  @FuzzTest(maxDuration = "2m")
  void parse(byte[] input) {
    byte[] planted = new String(input, StandardCharsets.UTF_8).replace("~", PLANTED).getBytes(StandardCharsets.UTF_8);
    BranchManifest manifest;
    try {
      manifest = ManifestParser.parse(planted, KEY);
    } catch (FileRefusedException refused) {
      assertEquals(RefusalReason.INVALID_MANIFEST, refused.reason());
      assertFalse(refused.getMessage().contains(PLANTED), "a refusal repeats no value of the manifest");
      assertTrue(refused.getCause() == null || !String.valueOf(refused.getCause().getMessage()).contains(PLANTED),
          "nor does its cause");
      return;
    }
    assertEquals(KEY.branch(), manifest.branch());
    assertEquals(KEY.businessDate(), manifest.businessDate());
    Set<String> types = new HashSet<>();
    for (DeclaredFile file : manifest.files()) {
      try {
        assertEquals(file.type(), UploadKey.parse("incoming/TPE-01/2026-11-20/" + file.name()).type());
      } catch (FileRefusedException e) {
        throw new AssertionError("a declared name is one the branch uploads", e);
      }
      assertTrue(types.add(file.type().wireName()), "one file per record type");
      assertTrue(file.rows() >= 1 && file.rows() <= 10_000_000, "rows within the format's limits");
      assertTrue(file.sha256() == null || file.sha256().matches("[0-9a-f]{64}"), "a SHA-256 in lower-case hex");
    }
  }
}
