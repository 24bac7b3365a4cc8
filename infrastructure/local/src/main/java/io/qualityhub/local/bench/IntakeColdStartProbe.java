package io.qualityhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Run in a fresh JVM by {@link ColdStartBenchmark}: builds the intake handler and completes one
 * invocation against the endpoint, then prints how long after JVM start each point was reached.
 * Arguments: endpoint, object key, then the function's environment as NAME=VALUE pairs.
 */
public final class IntakeColdStartProbe {

  private IntakeColdStartProbe() {}

  public static void main(String[] args) {
    Map<String, String> environment = environmentOf(args);
    PrintStream console = System.out;
    System.setOut(new PrintStream(PrintStream.nullOutputStream()));
    List<FileOutcome> outcomes = new ArrayList<>();
    IntakeHandler handler = new IntakeHandler(new Settings(environment),
        AwsClients.forEndpoint(URI.create(args[0]), Region.of(environment.getOrDefault("AWS_REGION", "us-east-1"))),
        outcomes::add);
    long constructed = uptimeMillis();
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("cold-start");
    message.setBody("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
        + environment.get("INTAKE_BUCKET") + "\"},\"object\":{\"key\":\"" + args[1] + "\"}}}]}");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    SQSBatchResponse response = handler.handleRequest(event, null);
    long invoked = uptimeMillis();
    System.setOut(console);
    if (!response.getBatchItemFailures().isEmpty() || outcomes.size() != 1
        || outcomes.getFirst().status() != FileStatus.PROCESSED) {
      throw new IllegalStateException("the cold-start probe's file was not processed: " + outcomes.stream().map(FileOutcome::status).toList());
    }
    System.out.println("constructed_ms=" + constructed + " first_invocation_done_ms=" + invoked);
  }

  /** The function's environment: the arguments after the first two, as NAME=VALUE pairs. */
  static Map<String, String> environmentOf(String[] args) {
    Map<String, String> environment = new HashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      environment.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    return environment;
  }

  /** Milliseconds since the JVM started (its own clock, so process spawn time is not counted). */
  static long uptimeMillis() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}
