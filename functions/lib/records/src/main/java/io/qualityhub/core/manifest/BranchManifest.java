package io.qualityhub.core.manifest;

import io.qualityhub.core.format.RecordType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A branch's control totals for one business day: which files it sends and how many data rows each holds. */
public record BranchManifest(String branch, LocalDate businessDate, List<DeclaredFile> files) {

  public BranchManifest {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(businessDate, "businessDate");
    files = List.copyOf(files);
  }

  /** The file the manifest declares for a record type; a manifest names each type at most once. */
  public Optional<DeclaredFile> declaredFor(RecordType type) {
    return files.stream().filter(file -> file.type() == type).findFirst();
  }
}
