package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.reports.audit.AccessDecision;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.ReportAccessPolicy;
import io.qualityhub.reports.report.ReportScope;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request for a stored report: decides with {@link ReportAccessPolicy} from the caller's groups, writes the chained
 * audit record of the decision first, and only then, when allowed, hands out a pre-signed URL of that one object. A
 * report the caller may not read is answered like an unknown one, so a caller cannot learn which reports exist; the
 * trail and the log keep the decision. The URL is never logged.
 */
final class ReportAccessService {

  /** The longest a download URL may live, whatever the configuration says. */
  static final Duration MAX_URL_VALIDITY = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(ReportAccessService.class);

  /** The report catalogue ({@link ReportStore#find}). */
  interface Catalogue {
    Optional<StoredReport> find(String reportId);
  }

  /** The chained access trail ({@link AuditTrail#append}). */
  interface Trail {
    AccessRecord append(String who, String role, String reportKey, AccessRecord.Decision decision, Instant time,
        String sourceIp, String userAgent);
  }

  /** Pre-signs a GET of one object version of the reports bucket ({@link ScopedUrlSigner}). */
  interface Signer {
    URI sign(String objectKey, String versionId, Duration validity);
  }

  /** What the caller is told. */
  sealed interface Answer permits Granted, Refused {}

  /** The download of one rendering, valid for {@code validity}. */
  record Granted(String reportId, ReportFormat format, StoredReport.StoredObject object, Duration validity, URI url)
      implements Answer {

    /** The response body, in this order. */
    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("report", reportId);
      body.put("format", format.extension());
      body.put("key", object.key());
      body.put("sha256", object.sha256());
      body.put("expiresInSeconds", validity.toSeconds());
      body.put("url", url.toString());
      return body;
    }
  }

  /** A refusal with its HTTP status and the message the caller reads. */
  record Refused(int status, String message) implements Answer {}

  private final Catalogue catalogue;
  private final Trail trail;
  private final Signer signer;
  private final Duration urlValidity;

  /** @param urlValidity how long a download URL lives ({@link #urlValidity(Optional)}) */
  ReportAccessService(Catalogue catalogue, Trail trail, Signer signer, Duration urlValidity) {
    this.catalogue = catalogue;
    this.trail = trail;
    this.signer = signer;
    this.urlValidity = urlValidity;
  }

  /**
   * How long download URLs live: {@code URL_EXPIRY_SECONDS}, 300 when not set.
   *
   * @throws IllegalArgumentException when the setting is not a whole number of seconds from 1 to 900
   */
  static Duration urlValidity(Optional<String> configuredSeconds) {
    String text = configuredSeconds.orElse("300");
    long seconds;
    try {
      seconds = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("URL_EXPIRY_SECONDS '" + text + "' is not a whole number of seconds", e);
    }
    if (seconds < 1 || seconds > MAX_URL_VALIDITY.toSeconds()) {
      throw new IllegalArgumentException("URL_EXPIRY_SECONDS is " + seconds + "; set 1-" + MAX_URL_VALIDITY.toSeconds()
          + " (download URLs live at most 15 minutes)");
    }
    return Duration.ofSeconds(seconds);
  }

  /**
   * The answer to {@code caller}'s request for {@code reportId} in the format named {@code formatName} at {@code now}.
   * Every request that names a known format leaves one record in the trail, written before the answer.
   */
  Answer request(Caller caller, String reportId, String formatName, Instant now) {
    ReportFormat format;
    try {
      format = ReportFormat.fromExtension(formatName);
    } catch (IllegalArgumentException e) {
      return new Refused(400, e.getMessage());
    }
    if (caller.problem().isPresent()) {
      record(caller, "none", reportId, AccessRecord.Decision.DENY, now);
      return new Refused(401, caller.problem().get());
    }
    Optional<StoredReport> report = catalogue.find(reportId);
    Optional<StoredReport.StoredObject> object = report.map(found -> found.objects().get(format));
    if (object.isEmpty()) {
      record(caller, "none", reportId, AccessRecord.Decision.DENY, now);
      return noSuchReport(reportId, format);
    }
    ReportScope scope = report.get().scope().equals("company")
        ? ReportScope.company() : ReportScope.branch(report.get().scope());
    AccessDecision decision = ReportAccessPolicy.decide(caller.groups(), scope);
    String objectKey = object.get().key();
    record(caller, decision.role(), objectKey, decision.decision(), now);
    if (!decision.allowed()) {
      return noSuchReport(reportId, format);
    }
    URI url = signer.sign(objectKey, object.get().versionId(), urlValidity);
    return new Granted(reportId, format, object.get(), urlValidity, url);
  }

  private static Refused noSuchReport(String reportId, ReportFormat format) {
    return new Refused(404, "no report '" + reportId + "' in format " + format.extension()
        + " that you may read; report ids look like quality-report_2026-11_company");
  }

  /** The audit record goes first: if it cannot be written, no URL is handed out. */
  private void record(Caller caller, String role, String reportKey, AccessRecord.Decision decision, Instant now) {
    AccessRecord record = trail.append(caller.who(), role, reportKey, decision, now, caller.sourceIp(), caller.userAgent());
    FunctionMetrics.publish(decision == AccessRecord.Decision.ALLOW ? "AccessAllowed" : "AccessDenied", 1);
    LOG.info("report access {}", decision.wire(), entry("who", caller.who()), entry("role", role),
        entry("report", reportKey), entry("auditHash", record.hash()));
  }
}
