package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ManifestKeyTest {

  @Test
  void aBranchManifestKeyNamesItsBranchAndDay() throws Exception {
    ManifestKey key = ManifestKey.parse("incoming/TPE-01/2026-11-20/manifest.json");
    assertEquals(new ManifestKey("TPE-01", LocalDate.of(2026, 11, 20)), key);
    assertEquals("incoming/TPE-01/2026-11-20/manifest.json", key.objectKey());
    assertEquals("rejects/TPE-01/2026-11-20/manifest.csv", key.rejectsKey());
  }

  @Test
  void onlyKeysEndingInManifestJsonUnderIncomingAreManifests() {
    assertTrue(ManifestKey.isManifest("incoming/TPE-01/2026-11-20/manifest.json"));
    assertTrue(ManifestKey.isManifest("incoming/x/manifest.json"));
    assertFalse(ManifestKey.isManifest("incoming/TPE-01/2026-11-20/claims.csv"));
    assertFalse(ManifestKey.isManifest("other/TPE-01/2026-11-20/manifest.json"));
  }

  @Test
  void aManifestKeyOfTheWrongShapeBranchDateOrOfQaIsAnInvalidKey() {
    assertInvalid("incoming/x/manifest.json", "a manifest's key must look like incoming/{branch}/{YYYY-MM-DD}/manifest.json");
    assertInvalid("incoming/tpe/2026-11-20/manifest.json", "branch must be 2-16 characters of A-Z, 0-9 and '-'");
    assertInvalid("incoming/TPE-01/2026-02-30/manifest.json", "business date must be a real date written YYYY-MM-DD");
    assertInvalid("incoming/QA/2026-11-20/manifest.json",
        "manifests are for branch uploads; the quality department's findings and roster have none");
  }

  @Test
  void anUploadsManifestIsItsBranchsOfItsDay() throws Exception {
    assertEquals(new ManifestKey("TPE-01", LocalDate.of(2026, 11, 20)),
        ManifestKey.of(UploadKey.parse("incoming/TPE-01/2026-11-20/claims.csv.gz")));
    assertEquals("claims.csv.gz", UploadKey.parse("incoming/TPE-01/2026-11-20/claims.csv.gz").fileName());
  }

  private static void assertInvalid(String key, String message) {
    FileRefusedException refused = assertThrows(FileRefusedException.class, () -> ManifestKey.parse(key));
    assertEquals(RefusalReason.INVALID_KEY, refused.reason());
    assertEquals(message, refused.getMessage());
  }
}
