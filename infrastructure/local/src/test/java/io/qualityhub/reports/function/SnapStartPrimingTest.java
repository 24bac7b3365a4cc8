package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Priming runs when Lambda snapshots a published version (decision 0018): it must make no AWS request and write
 * nothing. The clients point at a closed port, so a request would fail the priming; the interceptor names any that
 * was even started.
 */
class SnapStartPrimingTest {

  private static final Settings SETTINGS = new Settings(Map.of(
      "REPORTS_TABLE", "qualityhub-test-reports",
      "REPORTS_BUCKET", "qualityhub-test-reports-bucket",
      "REPORTS_KEY_ARN", "arn:aws:kms:us-east-1:111122223333:key/reports",
      "DOWNLOAD_ROLE_ARN", "arn:aws:iam::111122223333:role/report-download",
      "RECORDS_TABLE", "qualityhub-test-records",
      "INDEX_KEY_ARN", "arn:aws:kms:us-east-1:111122223333:key/index",
      "DATA_KEY_ARN", "arn:aws:kms:us-east-1:111122223333:key/data"));

  private final List<String> requests = new ArrayList<>();
  private final AwsClients closedPort = AwsClients.forEndpoint(URI.create("http://127.0.0.1:9"), Region.US_EAST_1)
      .withInterceptors(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
          requests.add(context.request().getClass().getSimpleName());
        }
      });

  @Test
  void reportAccessPrimesItsRequestPathAndPresigningWithoutAnyAwsRequest() {
    new ReportAccessHandler(SETTINGS, closedPort, Clock.systemUTC()).priming.beforeCheckpoint(null);

    assertEquals(List.of(), requests);
  }

  @Test
  void reportListPrimesWithoutAnyAwsRequest() {
    new ReportListHandler(SETTINGS, closedPort, Clock.systemUTC()).priming.beforeCheckpoint(null);

    assertEquals(List.of(), requests);
  }

  @Test
  void customerLookupPrimesWithoutAnyAwsRequestSoNothingReachesTheAuditTrail() {
    new CustomerLookupHandler(SETTINGS, closedPort, Clock.systemUTC()).priming.beforeCheckpoint(null);

    assertEquals(List.of(), requests);
  }

  @Test
  void thePrimingUrlIsSignedWithPlaceholderCredentialsNotTheFunctions() {
    ScopedUrlSigner signer = new ScopedUrlSigner(null, "arn:aws:iam::111122223333:role/report-download",
        "arn:aws:kms:us-east-1:111122223333:key/reports", Region.US_EAST_1, Optional.empty());

    String url = signer.presignForPriming().toString();

    assertTrue(url.contains("qualityhub-priming") && url.contains("/reports/priming.pdf?"), url);
    assertTrue(url.contains("X-Amz-Credential=PRIMINGONLY%2F"), url);
  }
}
