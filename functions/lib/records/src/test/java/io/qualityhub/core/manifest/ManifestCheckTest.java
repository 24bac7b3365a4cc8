package io.qualityhub.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A file against its day's manifest: agreeing, not named, or disagreeing in rows or SHA-256. */
class ManifestCheckTest {

  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String OTHER_SHA = "0000000000000000000000000000000000000000000000000000000000000000";
  private static final BranchManifest MANIFEST = new BranchManifest("TPE-01", LocalDate.of(2026, 11, 20), List.of(
      new DeclaredFile("claims.csv", RecordType.CLAIMS, 120, SHA),
      new DeclaredFile("sales.jsonl", RecordType.SALES, 3, null)));

  @Test
  void aFileWithTheDeclaredRowsAndHashAgrees() throws Exception {
    assertEquals(Optional.empty(), ManifestCheck.check(MANIFEST, key("claims.csv"), 120, SHA));
  }

  @Test
  void withoutADeclaredHashTheRowsAloneDecide() throws Exception {
    assertEquals(Optional.empty(), ManifestCheck.check(MANIFEST, key("sales.jsonl"), 3, OTHER_SHA));
  }

  @Test
  void otherRowsAreAMismatchNamingDeclaredAndCountedRows() throws Exception {
    assertEquals("MANIFEST_MISMATCH: the manifest incoming/TPE-01/2026-11-20/manifest.json declares 120 data rows for"
        + " claims.csv and the file holds 118: upload the complete export again, or correct the manifest and upload it,"
        + " then this file, again", refusal(key("claims.csv"), 118, SHA));
  }

  @Test
  void anotherHashWithTheRightRowsIsAMismatchToo() throws Exception {
    assertEquals("MANIFEST_MISMATCH: the SHA-256 of claims.csv differs from the one the manifest"
        + " incoming/TPE-01/2026-11-20/manifest.json declares (its 120 data rows agree): the file changed after the"
        + " manifest was written; upload the file the manifest describes, or correct the manifest and upload it, then"
        + " this file, again", refusal(key("claims.csv"), 120, OTHER_SHA));
  }

  @Test
  void aTypeTheManifestDoesNotNameIsNotInManifest() throws Exception {
    assertEquals("NOT_IN_MANIFEST: the manifest incoming/TPE-01/2026-11-20/manifest.json does not name complaints.csv:"
        + " add the file to the manifest and upload the manifest, then this file, again (or upload the file the"
        + " manifest names)", refusal(key("complaints.csv"), 5, SHA));
  }

  @Test
  void anotherEncodingOfANamedTypeIsNotInManifestAndSaysWhichFileIsNamed() throws Exception {
    assertEquals("NOT_IN_MANIFEST: the manifest incoming/TPE-01/2026-11-20/manifest.json does not name claims.csv.gz;"
        + " for record type claims it names claims.csv: add the file to the manifest and upload the manifest, then this"
        + " file, again (or upload the file the manifest names)", refusal(key("claims.csv.gz"), 120, SHA));
  }

  private static String refusal(UploadKey key, long rows, String sha256) {
    return ManifestCheck.check(MANIFEST, key, rows, sha256).map(FileRefusedException::describe).orElse("agrees");
  }

  private static UploadKey key(String name) throws FileRefusedException {
    return UploadKey.parse("incoming/TPE-01/2026-11-20/" + name);
  }
}
