package io.qualityhub.reports.function;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/** Every version of one object key in a versioned bucket, delete markers included, oldest first. */
final class StoredVersions {

  /** @param deleteMarker whether this version is a delete marker rather than content */
  record Version(String versionId, Instant lastModified, boolean deleteMarker) {}

  private StoredVersions() {}

  static List<Version> of(S3Client s3, String bucket, String key) {
    List<Version> versions = new ArrayList<>();
    for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(request -> request.bucket(bucket).prefix(key))) {
      page.versions().stream().filter(version -> version.key().equals(key))
          .forEach(version -> versions.add(new Version(version.versionId(), version.lastModified(), false)));
      page.deleteMarkers().stream().filter(marker -> marker.key().equals(key))
          .forEach(marker -> versions.add(new Version(marker.versionId(), marker.lastModified(), true)));
    }
    versions.sort(Comparator.comparing(Version::lastModified));
    return versions;
  }
}
