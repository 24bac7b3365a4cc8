package io.qualityhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.local.LocalContext;
import io.qualityhub.local.ReportRequests;
import io.qualityhub.reports.function.ReportAccessHandler;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Run in a fresh JVM by {@link ColdStartBenchmark}: builds the report-access handler and answers one auditor's
 * request for a stored report, as the HTTP API would send it, then prints how long after JVM start each point was
 * reached. Arguments: endpoint, report id, then the function's environment as NAME=VALUE pairs.
 */
public final class ReportAccessColdStartProbe {

  private ReportAccessColdStartProbe() {}

  public static void main(String[] args) {
    Map<String, String> environment = IntakeColdStartProbe.environmentOf(args);
    PrintStream console = System.out;
    System.setOut(new PrintStream(PrintStream.nullOutputStream()));
    ReportAccessHandler handler = new ReportAccessHandler(new Settings(environment),
        AwsClients.forEndpoint(URI.create(args[0]), Region.of(environment.getOrDefault("AWS_REGION", "us-east-1"))),
        Clock.systemUTC());
    long constructed = IntakeColdStartProbe.uptimeMillis();
    APIGatewayV2HTTPResponse response = handler.handleRequest(
        ReportRequests.get("auditor-cold", "[auditor]", args[1], "pdf", Instant.now().plusSeconds(600)),
        LocalContext.forFunction("ReportAccessFunction", 30_000));
    long invoked = IntakeColdStartProbe.uptimeMillis();
    System.setOut(console);
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException("the report-access probe was answered " + response.getStatusCode());
    }
    System.out.println("constructed_ms=" + constructed + " first_invocation_done_ms=" + invoked);
  }
}
