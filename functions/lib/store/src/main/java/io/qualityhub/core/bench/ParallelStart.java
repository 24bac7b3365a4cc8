package io.qualityhub.core.bench;

import io.qualityhub.core.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Prices issue 10's lever "clients initialised in parallel" before anyone builds it into a handler: the logging
 * backend and a DynamoDB, a KMS and (where the artifact has it) an S3 client are started on four threads at once, and
 * the handler is built after them, finding their classes loaded. What the handler then saves is the most a parallel
 * start could give. {@link HandlerProbe} runs it when the system property {@value #PROPERTY} is set
 * ({@code bench coldstart --jvm-options -Dqualityhub.probe.parallelStart=true}); the throwaway clients' CPU counts
 * in the figures, as a real parallel start's would. Measured on 2026-12-06 it made the first invocation later, on one
 * core and on two (docs/benchmarks.md), so no handler starts its clients in parallel.
 */
final class ParallelStart {

  static final String PROPERTY = "qualityhub.probe.parallelStart";

  private ParallelStart() {}

  static boolean requested() {
    return System.getProperty(PROPERTY) != null;
  }

  static void run() throws InterruptedException {
    AwsClients clients = AwsClients.fromEnvironment();
    List<Runnable> parts = List.of(
        () -> LoggerFactory.getLogger(ParallelStart.class),
        () -> clients.dynamoDb(),
        () -> clients.kms(),
        () -> startS3(clients));
    List<Thread> threads = new ArrayList<>();
    for (Runnable part : parts) {
      threads.add(Thread.ofPlatform().start(part));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /**
   * S3 by name: a function without S3 ships none of its classes (decision 0019, checked by FunctionArtifactClassesTest),
   * and then this part starts nothing.
   */
  private static void startS3(AwsClients clients) {
    try {
      AwsClients.class.getMethod("s3").invoke(clients);
    } catch (ReflectiveOperationException | LinkageError absent) {
      // No S3 in this function's artifact.
    }
  }
}
