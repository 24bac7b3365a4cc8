package io.qualityhub.core.format;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A branch manifest's object key, {@code incoming/{branch}/{business-date}/manifest.json}: the control totals of
 * that branch's files of that day. The quality department's uploads ({@code QA}) have none.
 */
public record ManifestKey(String branch, LocalDate businessDate) {

  public static final String FILE_NAME = "manifest.json";

  public ManifestKey {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(businessDate, "businessDate");
  }

  /** Whether the key is meant as a manifest: under {@code incoming/}, named {@value #FILE_NAME}. */
  public static boolean isManifest(String key) {
    return key.startsWith(UploadKey.INCOMING_PREFIX) && key.endsWith("/" + FILE_NAME);
  }

  /** Parses a manifest key, refusing ({@code INVALID_KEY}) with what the key should look like. */
  public static ManifestKey parse(String key) throws FileRefusedException {
    String[] parts = key.startsWith(UploadKey.INCOMING_PREFIX)
        ? key.substring(UploadKey.INCOMING_PREFIX.length()).split("/", -1) : new String[0];
    if (parts.length != 3 || !FILE_NAME.equals(parts[2])) {
      throw UploadKey.invalid("a manifest's key must look like incoming/{branch}/{YYYY-MM-DD}/" + FILE_NAME);
    }
    String branch = UploadKey.checkedBranch(parts[0]);
    LocalDate date = UploadKey.checkedDate(parts[1]);
    if (UploadKey.QUALITY_BRANCH.equals(branch)) {
      throw UploadKey.invalid("manifests are for branch uploads; the quality department's findings and roster have none");
    }
    return new ManifestKey(branch, date);
  }

  public String objectKey() {
    return UploadKey.INCOMING_PREFIX + branch + "/" + businessDate + "/" + FILE_NAME;
  }

  /** Where the manifest's own rejects report is written (a header only when the manifest is accepted). */
  public String rejectsKey() {
    return "rejects/" + branch + "/" + businessDate + "/manifest.csv";
  }

  /** The manifest that covers an upload: its branch's, of its business date. */
  public static ManifestKey of(UploadKey upload) {
    return new ManifestKey(upload.branch(), upload.businessDate());
  }
}
