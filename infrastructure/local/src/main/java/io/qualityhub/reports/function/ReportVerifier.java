package io.qualityhub.reports.function;

import io.qualityhub.reports.report.InvalidSnapshotException;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportSnapshot;
import io.qualityhub.reports.report.SnapshotReference;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Rebuilds every stored version of a report from the snapshot it names and compares it with what was stored, byte
 * for byte, as {@code ./qualityhub report verify} reports it. A report version is one build: its PDF, CSV and JSON,
 * which name their snapshot in their metadata (the JSON also in its {@code snapshot} section). Every version of each
 * rendering in the bucket is checked, so a rendering put beside the built ones is found too. Reads only: the report
 * index, the renderings' versions and the snapshots.
 */
public final class ReportVerifier {

  /**
   * One report version's verdict.
   *
   * @param version    the id of the snapshot the version was built from, or the object version of a rendering that
   *                   names no snapshot
   * @param difference what differs, empty when the version rebuilds to exactly what was stored
   */
  public record Outcome(String reportId, String version, Optional<String> difference) {

    /** {@code verified ID VERSION} or {@code differs ID VERSION: what}. */
    public String line() {
      return difference.map(what -> "differs " + reportId + " " + version + ": " + what)
          .orElse("verified " + reportId + " " + version);
    }

    public boolean verified() {
      return difference.isEmpty();
    }
  }

  /** No index entry for the report asked for. */
  public static final class UnknownReportException extends RuntimeException {
    UnknownReportException(String reportId) {
      super("no report " + reportId + " is stored (./qualityhub report verify --all lists every stored report)");
    }
  }

  /** One stored version of one rendering. */
  private record Rendering(ReportFormat format, String versionId, byte[] bytes, String snapshotDigest) {}

  private final S3Client s3;
  private final String bucket;
  private final ReportStore index;
  private final ReportRenderings renderer;

  /** @param companyZone the report function's {@code COMPANY_TIME_ZONE}, which its PDFs give times in */
  public ReportVerifier(S3Client s3, String bucket, DynamoDbClient dynamoDb, String table, ZoneId companyZone) {
    this.s3 = s3;
    this.bucket = bucket;
    this.index = new ReportStore(s3, bucket, null, dynamoDb, table);
    this.renderer = new ReportRenderings(companyZone);
  }

  /** Every version of every report in the catalogue, report by report. */
  public List<Outcome> verifyAll() {
    List<Outcome> outcomes = new ArrayList<>();
    index.catalogue().stream().map(StoredReport::reportId).distinct().sorted()
        .forEach(reportId -> outcomes.addAll(verify(reportId)));
    return outcomes;
  }

  /** Every stored version of one report, oldest snapshot first. */
  public List<Outcome> verify(String reportId) {
    StoredReport report = index.find(reportId).orElseThrow(() -> new UnknownReportException(reportId));
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, List<Rendering>> bySnapshot = new TreeMap<>();
    report.objects().forEach((format, object) -> {
      for (StoredVersions.Version version : StoredVersions.of(s3, bucket, object.key())) {
        String label = format.extension() + "-version:" + version.versionId();
        if (version.deleteMarker()) {
          outcomes.add(new Outcome(reportId, label, Optional.of(object.key() + " was deleted (a delete marker hides it)")));
          continue;
        }
        ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(request -> request.bucket(bucket)
            .key(object.key()).versionId(version.versionId()));
        Map<String, String> metadata = stored.response().metadata();
        String snapshotId = metadata.get(ReportStore.SNAPSHOT_METADATA);
        if (snapshotId == null) {
          outcomes.add(new Outcome(reportId, label, Optional.of(object.key() + " names no snapshot: stored before"
              + " snapshots, or not by the report function")));
          continue;
        }
        bySnapshot.computeIfAbsent(snapshotId, id -> new ArrayList<>()).add(new Rendering(format, version.versionId(),
            stored.asByteArray(), metadata.get(ReportStore.SNAPSHOT_DIGEST_METADATA)));
      }
    });
    bySnapshot.forEach((snapshotId, renderings) -> outcomes.add(
        new Outcome(reportId, snapshotId, difference(reportId, snapshotId, renderings))));
    outcomes.sort(Comparator.comparing(Outcome::version));
    return outcomes;
  }

  private Optional<String> difference(String reportId, String snapshotId, List<Rendering> renderings) {
    List<String> differences = new ArrayList<>();
    for (ReportFormat format : ReportFormat.values()) {
      if (renderings.stream().noneMatch(rendering -> rendering.format() == format)) {
        differences.add("no " + format.extension() + " was stored from this snapshot");
      }
    }
    String key = SnapshotStore.key(snapshotId);
    List<StoredVersions.Version> versions = StoredVersions.of(s3, bucket, key);
    if (versions.isEmpty()) {
      differences.add("its snapshot " + key + " is missing");
      return Optional.of(String.join("; ", differences));
    }
    if (versions.size() > 1 || versions.getFirst().deleteMarker()) {
      differences.add("its snapshot " + key + " was written " + versions.size() + " times or deleted; a snapshot is"
          + " written once");
      return Optional.of(String.join("; ", differences));
    }
    byte[] json = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)
        .versionId(versions.getFirst().versionId())).asByteArray();
    String digest = ReportSnapshot.sha256(json);
    for (Rendering rendering : renderings) {
      if (!digest.equals(rendering.snapshotDigest())) {
        differences.add("its snapshot hashes to " + digest + ", not to the digest the " + rendering.format().extension()
            + " names (" + rendering.snapshotDigest() + ")");
      }
    }
    if (!differences.isEmpty()) {
      return Optional.of(String.join("; ", differences));
    }
    try {
      ReportSnapshot snapshot = ReportSnapshot.fromJson(json);
      SnapshotReference reference = snapshot.reference();
      if (!reference.id().equals(snapshotId)) {
        return Optional.of("the snapshot stored as " + snapshotId + " is " + reference.id() + " by its content");
      }
      QualityReport rebuilt = snapshot.rebuild(reportId);
      Map<ReportFormat, byte[]> renders = new EnumMap<>(ReportFormat.class);
      for (Rendering rendering : renderings) {
        byte[] expected = renders.computeIfAbsent(rendering.format(), format -> renderer.render(format, rebuilt, reference));
        firstDifference(expected, rendering.bytes()).ifPresent(at -> differences.add(rendering.format().extension()
            + " version " + rendering.versionId() + " differs from its rebuild at byte " + at + " (stored "
            + rendering.bytes().length + " bytes, rebuilt " + expected.length + ")"));
      }
    } catch (InvalidSnapshotException e) {
      differences.add("its snapshot cannot rebuild it: " + e.getMessage());
    }
    return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
  }

  private static Optional<Integer> firstDifference(byte[] expected, byte[] actual) {
    int at = Arrays.mismatch(expected, actual);
    return at < 0 ? Optional.empty() : Optional.of(at);
  }
}
