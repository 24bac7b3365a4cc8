package io.qualityhub.monitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Deadline monitor function, invoked by the EventBridge Scheduler schedules with
 * {@code {"asOf": "<aws.scheduler.scheduled-time>", "scope": "all|green_channel"}}. Returns a JSON summary of the run
 * ({@link MonitorService}); fails (and so is retried, resuming under the same run id) when a message was not accepted
 * or an item could not be read.
 */
public final class MonitorHandler implements RequestStreamHandler {

  /** The upload calendar, as the configuration store's {@code upload-calendar} document lays it over the environment. */
  public static final String UPLOAD_CALENDAR_VARIABLE = "UPLOAD_CALENDAR";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MonitorService service;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public MonitorHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local run and tests, which give the emulator's clients and their own clock. */
  public MonitorHandler(Settings environment, AwsClients clients, Clock clock) {
    this.service = MonitorWiring.of(environment, clients, clock);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    MonitorRun run = PowertoolsLogging.withLogging(context, () -> run(MonitorRequest.parse(input)));
    JSON.writeValue(output, service.complete(run));
  }

  /** One run, as the local demo and the tests drive it; {@link #handleRequest} adds metrics and the failure signal. */
  public MonitorRun run(MonitorRequest request) {
    return service.run(request);
  }

  /** The years within the start-up horizon whose holidays the policy does not list (empty when none). */
  public List<String> calendarProblems() {
    return service.calendarProblems();
  }

  /** Days from the run's date until some country's holidays are no longer listed: the alarmed metric. */
  public long calendarCoverageDaysLeft(MonitorRun run) {
    return service.calendarCoverageDaysLeft(run);
  }
}
