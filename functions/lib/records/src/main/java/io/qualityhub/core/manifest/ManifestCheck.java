package io.qualityhub.core.manifest;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import java.util.Optional;

/**
 * Holds one file against its day's manifest: the manifest must name it, declare its data rows and, when it
 * gives one, its SHA-256. Intake applies it whichever arrives first, and {@code validate --manifest} offline.
 */
public final class ManifestCheck {

  private ManifestCheck() {}

  /**
   * @param dataRows the data rows the file holds, rejected ones included
   * @param sha256 the SHA-256 of the uploaded object, lower-case hex
   * @return the refusal ({@code NOT_IN_MANIFEST} or {@code MANIFEST_MISMATCH}), or empty when the file agrees
   */
  public static Optional<FileRefusedException> check(BranchManifest manifest, UploadKey file, long dataRows,
      String sha256) {
    String fileName = file.fileName();
    String manifestKey = new ManifestKey(manifest.branch(), manifest.businessDate()).objectKey();
    Optional<DeclaredFile> declared = manifest.declaredFor(file.type());
    if (declared.isEmpty() || !declared.get().name().equals(fileName)) {
      String named = declared.map(other -> "; for record type " + file.type().wireName() + " it names "
          + other.name()).orElse("");
      return Optional.of(new FileRefusedException(RefusalReason.NOT_IN_MANIFEST, "the manifest " + manifestKey
          + " does not name " + fileName + named + ": add the file to the manifest and upload the manifest, then"
          + " this file, again (or upload the file the manifest names)"));
    }
    DeclaredFile expected = declared.get();
    if (expected.rows() != dataRows) {
      return Optional.of(new FileRefusedException(RefusalReason.MANIFEST_MISMATCH, "the manifest " + manifestKey
          + " declares " + expected.rows() + " data rows for " + fileName + " and the file holds " + dataRows
          + ": upload the complete export again, or correct the manifest and upload it, then this file, again"));
    }
    if (expected.sha256() != null && !expected.sha256().equals(sha256)) {
      return Optional.of(new FileRefusedException(RefusalReason.MANIFEST_MISMATCH, "the SHA-256 of " + fileName
          + " differs from the one the manifest " + manifestKey + " declares (its " + dataRows + " data rows agree):"
          + " the file changed after the manifest was written; upload the file the manifest describes, or correct"
          + " the manifest and upload it, then this file, again"));
    }
    return Optional.empty();
  }
}
