package io.qualityhub.reports.function;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.reports.audit.ReportAccessPolicy;
import io.qualityhub.reports.report.ReportScope;
import java.time.Instant;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The report access function's parts, built from its settings and clients.
 *
 * @param warmUp SnapStart priming (decision 0018): the request path on a made-up auditor's request, without its AWS calls
 */
record ReportAccessWiring(ReportAccessService access, Runnable warmUp) {

  static ReportAccessWiring of(Settings settings, AwsClients clients) {
    String table = settings.required("REPORTS_TABLE");
    String reportsKey = settings.required("REPORTS_KEY_ARN");
    ReportStore reports = new ReportStore(clients.s3(), settings.required("REPORTS_BUCKET"), reportsKey, clients.dynamoDb(), table);
    AuditTrail trail = new AuditTrail(clients.dynamoDb(), table);
    ScopedUrlSigner signer = new ScopedUrlSigner(clients.configure(StsClient.builder()).build(),
        settings.required("DOWNLOAD_ROLE_ARN"), reportsKey, clients.region(), clients.endpoint());
    ReportAccessService access = new ReportAccessService(reports::find, trail::append,
        (objectKey, versionId, validity) -> signer.sign(reports.bucket(), objectKey, versionId, validity),
        ReportAccessService.urlValidity(settings.optional("URL_EXPIRY_SECONDS")));
    return new ReportAccessWiring(access, () -> {
      Caller caller = Caller.of(PrimingRequests.signedIn("[auditor]"), Instant.EPOCH);
      ReportAccessPolicy.decide(caller.groups(), ReportScope.company());
      ReportFormat.fromExtension("pdf");
      signer.presignForPriming();
    });
  }
}
