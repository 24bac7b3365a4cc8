package io.qualityhub.core.manifest;

import io.qualityhub.core.format.RecordType;
import java.util.Objects;

/**
 * One file a manifest declares.
 *
 * @param name the file name as uploaded, e.g. {@code claims.csv.gz}
 * @param rows the file's data rows (header and blank lines not counted; rejected rows counted)
 * @param sha256 the SHA-256 of the uploaded object in lower-case hex, or {@code null} when the manifest leaves it out
 */
public record DeclaredFile(String name, RecordType type, long rows, String sha256) {

  public DeclaredFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
