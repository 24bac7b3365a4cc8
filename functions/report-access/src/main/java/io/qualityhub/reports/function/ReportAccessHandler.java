package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.reports.audit.AccessDecision;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.ReportAccessPolicy;
import io.qualityhub.reports.report.ReportScope;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Report access function behind the HTTP API ({@code GET /reports/{reportId}?format=pdf|csv|json}),
 * whose JWT authoriser has already checked the token. Decides with {@link ReportAccessPolicy} from
 * the token's groups, writes the chained audit record of the decision first, and only then, when
 * allowed, returns a pre-signed URL of that one object. The URL is never logged.
 */
public final class ReportAccessHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /** The longest a download URL may live, whatever the configuration says. */
  public static final Duration MAX_URL_VALIDITY = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(ReportAccessHandler.class);

  private final ReportStore reports;
  private final AuditTrail trail;
  private final ScopedUrlSigner signer;
  private final Duration urlValidity;
  private final Clock clock;
  /**
   * Held so that CRaC, which holds resources weakly, still primes this handler when SnapStart snapshots it; tests
   * prime it themselves.
   */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public ReportAccessHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local run and tests, with the emulator's clients and their own clock. */
  public ReportAccessHandler(Settings settings, AwsClients clients, Clock clock) {
    String table = settings.required("REPORTS_TABLE");
    String reportsKey = settings.required("REPORTS_KEY_ARN");
    this.reports = new ReportStore(clients.s3(), settings.required("REPORTS_BUCKET"), reportsKey, clients.dynamoDb(), table);
    this.trail = new AuditTrail(clients.dynamoDb(), table);
    this.signer = new ScopedUrlSigner(clients.configure(StsClient.builder()).build(),
        settings.required("DOWNLOAD_ROLE_ARN"), reportsKey, clients.region(), clients.endpoint());
    this.urlValidity = urlValidity(settings);
    this.clock = clock;
    this.priming = SnapStartPriming.register("report-access", this::primeRequestPath);
  }

  /** SnapStart priming (decision 0018): the request path on a made-up auditor's request, without its AWS calls. */
  private void primeRequestPath() {
    Caller caller = Caller.of(PrimingRequests.signedIn("[auditor]"), Instant.EPOCH);
    ReportAccessPolicy.decide(caller.groups(), ReportScope.company());
    ReportFormat.fromExtension("pdf");
    signer.presignForPriming();
  }

  private static Duration urlValidity(Settings settings) {
    String text = settings.optional("URL_EXPIRY_SECONDS").orElse("300");
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

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Caller caller = Caller.of(event, now);
    String reportId = Optional.ofNullable(event.getPathParameters()).map(p -> p.get("reportId")).orElse("");
    String formatText = Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get("format")).orElse("pdf");
    ReportFormat format;
    try {
      format = ReportFormat.fromExtension(formatText);
    } catch (IllegalArgumentException e) {
      return JsonResponses.of(400, Map.of("error", e.getMessage()));
    }
    if (caller.problem().isPresent()) {
      record(caller, "none", reportId, AccessRecord.Decision.DENY, now);
      return JsonResponses.of(401, Map.of("error", caller.problem().get()));
    }
    Optional<StoredReport> report = reports.find(reportId);
    Optional<StoredReport.StoredObject> object = report.map(r -> r.objects().get(format));
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
      // Answered like an unknown report, so a caller cannot learn which reports exist; the trail and the log keep the decision.
      return noSuchReport(reportId, format);
    }
    URI url = signer.sign(reports.bucket(), objectKey, object.get().versionId(), urlValidity);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("report", reportId);
    body.put("format", format.extension());
    body.put("key", objectKey);
    body.put("sha256", object.get().sha256());
    body.put("expiresInSeconds", urlValidity.toSeconds());
    body.put("url", url.toString());
    return JsonResponses.of(200, body);
  }

  private static APIGatewayV2HTTPResponse noSuchReport(String reportId, ReportFormat format) {
    return JsonResponses.of(404, Map.of("error", "no report '" + reportId + "' in format " + format.extension()
        + " that you may read; report ids look like quality-report_2026-11_company"));
  }

  /** The audit record goes first: if it cannot be written, no URL is handed out. */
  private void record(Caller caller, String role, String reportKey, AccessRecord.Decision decision, Instant now) {
    AccessRecord record = trail.append(caller.who(), role, reportKey, decision, now, caller.sourceIp(), caller.userAgent());
    FunctionMetrics.publish(decision == AccessRecord.Decision.ALLOW ? "AccessAllowed" : "AccessDenied", 1);
    LOG.info("report access {}", decision.wire(), entry("who", caller.who()), entry("role", role),
        entry("report", reportKey), entry("auditHash", record.hash()));
  }
}
