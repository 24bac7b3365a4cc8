package io.qualityhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.LocalContext;
import io.qualityhub.local.S3NotificationEvents;
import io.qualityhub.local.generate.SampleDataGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Measures the intake function on a generated claims file: the real handler, SDK and HTTP client,
 * against {@link StubAwsEndpoint} so that storage time is left out and requests are counted.
 */
public final class IntakeBenchmark {

  /** The branch and date {@link SampleDataGenerator#writeCsv} writes for; the file's name is its record type. */
  private static final String KEY_PREFIX = "incoming/TPE-01/2026-11-23/";
  /** The contract's largest file (UPLOAD-FORMAT.md, "Limits"). */
  private static final long CONTRACT_MAX_FILE_BYTES = 2L << 30;
  private static final String DEFAULT_TYPE = "claims";
  private static final int WARM_UP_ROWS = 20_000;

  private IntakeBenchmark() {}

  /** Runs the benchmark and returns its figures, in print order. */
  public static Map<String, String> run(int rows, PrintStream progress) throws IOException {
    return run(rows, 0, progress);
  }

  /**
   * Runs the benchmark with each invocation given {@code invocationBudgetSeconds} (0: unlimited), as Lambda's timeout
   * would: a file that does not fit continues in further invocations, as many as it takes (decision 0017).
   */
  public static Map<String, String> run(int rows, int invocationBudgetSeconds, PrintStream progress) throws IOException {
    return run(rows, invocationBudgetSeconds, 0, false, DEFAULT_TYPE, progress);
  }

  /**
   * @param storageLatencyMillis added by the stub to every request, as storage's round trip would
   * @param profile whether to sample where intake's CPU goes, by pass and stage ({@link StageProfile})
   * @param type the record type of the generated file: claims (the default, with state rows and the claim-state pass)
   *     or a narrower type, whose rows fit 10 million to the contract's 2 GiB (claims' 245 bytes a row stop at about
   *     8.8 million)
   */
  public static Map<String, String> run(int rows, int invocationBudgetSeconds, int storageLatencyMillis, boolean profile,
      String type, PrintStream progress) throws IOException {
    Path dir = Files.createTempDirectory("qualityhub-bench-");
    try {
      Path warmUp = generate(dir.resolve("warm-up.csv"), type, WARM_UP_ROWS);
      progress.println("warming up on " + WARM_UP_ROWS + " rows...");
      measure(warmUp, type, WARM_UP_ROWS, 0, storageLatencyMillis, false, progress);
      Path file = generate(dir.resolve(type + ".csv"), type, rows);
      progress.println("measuring " + rows + " rows of " + type + " (" + Files.size(file) / (1 << 20) + " MiB)...");
      return measure(file, type, rows, invocationBudgetSeconds, storageLatencyMillis, profile, progress);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static Path generate(Path file, String type, int rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      SampleDataGenerator.writeCsv(out, type, rows, 7, 0.01);
    }
    return file;
  }

  private static Map<String, String> measure(Path file, String type, int rows, int budgetSeconds, int latencyMillis,
      boolean profile, PrintStream progress) throws IOException {
    try (StubAwsEndpoint stub = new StubAwsEndpoint(file, latencyMillis)) {
      AwsClients clients = AwsClients.forEndpoint(stub.endpoint(), Region.US_EAST_1);
      Settings settings = new Settings(Map.of(
          "RECORDS_TABLE", "bench-records",
          "DATA_KEY_ARN", "arn:aws:kms:us-east-1:123456789012:key/data",
          "INDEX_KEY_ARN", "arn:aws:kms:us-east-1:123456789012:key/index",
          "INFRA_KEY_ARN", "arn:aws:kms:us-east-1:123456789012:key/infra",
          "INTEGRITY_KEY_ARN", "arn:aws:kms:us-east-1:123456789012:key/integrity",
          "INTAKE_QUEUE_URL", stub.endpoint() + "/123456789012/intake",
          // As on Lambda (300 s of 900): a third of the budget is left for the steps after the rows.
          "CONTINUE_WHEN_SECONDS_LEFT", Integer.toString(budgetSeconds / 3)));
      List<FileOutcome> outcomes = new ArrayList<>();
      IntakeHandler handler = new IntakeHandler(settings, clients, outcomes::add);

      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      HeapAfterCollections heap = new HeapAfterCollections();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      Map<Long, Long> intakeCpuBefore = threadsCpu(threads, IntakeBenchmark::isIntakeThread);
      Map<Long, Long> stubCpuBefore = threadsCpu(threads, IntakeBenchmark::isStubThread);
      long processCpuBefore = processCpuNanos();
      long gcMillisBefore = gcMillis();
      long requestBytesBefore = stub.batchWriteBytes();
      StageProfile stages = profile ? new StageProfile(IntakeBenchmark::isIntakeThread) : null;
      long wallBefore = System.nanoTime();
      PrintStream console = System.out;
      System.setOut(new PrintStream(PrintStream.nullOutputStream()));
      int invocations = 0;
      long longestInvocationNanos = 0;
      try {
        SQSEvent next = event(type);
        while (next != null) {
          long invocationStarted = System.nanoTime();
          handler.handleRequest(next, budgetSeconds == 0 ? null : LocalContext.forFunction("bench-intake", budgetSeconds * 1000));
          invocations++;
          if (budgetSeconds > 0) {
            progress.printf("invocation %d ended after %.1f s, %d BatchWriteItem calls so far%n", invocations,
                (System.nanoTime() - invocationStarted) / 1e9, stub.requests().getOrDefault("DynamoDB.BatchWriteItem", 0L));
          }
          longestInvocationNanos = Math.max(longestInvocationNanos, System.nanoTime() - invocationStarted);
          List<String> continuations = stub.takeSentMessages();
          if (continuations.size() > 1) {
            throw new IllegalStateException("one invocation sent " + continuations.size() + " continuations");
          }
          next = continuations.isEmpty() ? null : S3NotificationEvents.sqsEvent("bench-" + invocations, continuations.get(0));
        }
      } finally {
        System.setOut(console);
        heap.close();
      }
      long wallNanos = System.nanoTime() - wallBefore;
      long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
      long intakeCpuNanos = cpuSince(threadsCpu(threads, IntakeBenchmark::isIntakeThread), intakeCpuBefore);
      long stubCpuNanos = cpuSince(threadsCpu(threads, IntakeBenchmark::isStubThread), stubCpuBefore);
      long processCpuNanos = processCpuNanos() - processCpuBefore;
      long gcMillis = gcMillis() - gcMillisBefore;
      long requestBytes = stub.batchWriteBytes() - requestBytesBefore;

      if (outcomes.size() != invocations || outcomes.get(outcomes.size() - 1).status() != FileStatus.PROCESSED) {
        throw new IllegalStateException("the benchmark file was not processed; see the handler's log");
      }
      FileOutcome outcome = outcomes.get(outcomes.size() - 1);
      Map<String, Long> requests = stub.requests();
      double per10k = 10_000.0 / rows;
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("record_type", type);
      figures.put("rows", Long.toString(outcome.rowsRead()));
      figures.put("accepted", Long.toString(outcome.accepted()));
      figures.put("rejected", Long.toString(outcome.rejected()));
      figures.put("file_mib", String.format("%.1f", Files.size(file) / 1048576.0));
      figures.put("file_within_contract_2_gib", Files.size(file) <= CONTRACT_MAX_FILE_BYTES ? "yes" : "no");
      figures.put("wall_seconds", String.format("%.2f", wallNanos / 1e9));
      figures.put("invocation_budget_seconds", budgetSeconds == 0 ? "unlimited" : Integer.toString(budgetSeconds));
      figures.put("invocations", Integer.toString(invocations));
      figures.put("longest_invocation_seconds", String.format("%.2f", longestInvocationNanos / 1e9));
      figures.put("rows_per_second", String.format("%.0f", rows / (wallNanos / 1e9)));
      figures.put("handler_cpu_us_per_row", String.format("%.2f", cpuNanos / 1000.0 / rows));
      figures.put("intake_cpu_us_per_row", String.format("%.2f", intakeCpuNanos / 1000.0 / rows));
      // Not intake's: the stand-in for S3, DynamoDB and KMS shares the machine's cores with it (docs/benchmarks.md).
      figures.put("stub_cpu_us_per_row", String.format("%.2f", stubCpuNanos / 1000.0 / rows));
      // Every thread of the process: intake, the stub, the collector, the compilers and the profiler when on.
      figures.put("process_cpu_us_per_row", String.format("%.2f", processCpuNanos / 1000.0 / rows));
      figures.put("gc_ms_per_10k_rows", String.format("%.1f", gcMillis * 10_000.0 / rows));
      figures.put("batch_write_item_request_bytes_per_row", String.format("%.0f", (double) requestBytes / rows));
      figures.put("storage_latency_ms_per_request", Integer.toString(latencyMillis));
      figures.put("peak_heap_mib", String.format("%.1f", heap.peakCollectionUsageBytes() / 1048576.0));
      figures.put("peak_heap_after_any_collection_mib", String.format("%.1f", heap.peakAfterAnyCollectionBytes() / 1048576.0));
      figures.put("collections", Long.toString(heap.collections()));
      figures.put("max_heap_mib", String.format("%.0f", Runtime.getRuntime().maxMemory() / 1048576.0));
      long batchWrites = requests.getOrDefault("DynamoDB.BatchWriteItem", 0L);
      figures.put("batch_write_item_calls", Long.toString(batchWrites));
      figures.put("batch_write_item_bound_ceil_rows_over_25", Long.toString((outcome.accepted() + 24) / 25));
      long dynamoDb = requests.entrySet().stream().filter(e -> e.getKey().startsWith("DynamoDB.")).mapToLong(Map.Entry::getValue).sum();
      long kms = requests.entrySet().stream().filter(e -> e.getKey().startsWith("KMS.")).mapToLong(Map.Entry::getValue).sum();
      figures.put("dynamodb_requests_per_10k_rows", String.format("%.1f", dynamoDb * per10k));
      figures.put("kms_requests_per_10k_rows", String.format("%.3f", kms * per10k));
      figures.put("kms_requests_per_100k_rows_written", String.format("%.3f", kms * 100_000.0 / rows));
      figures.put("kms_requests_total", Long.toString(kms));
      requests.forEach((operation, count) -> figures.put("requests." + operation, Long.toString(count)));
      if (stages != null) {
        try (stages) {
          figures.putAll(stages.figures(intakeCpuNanos / 1000.0 / rows));
        }
      }
      figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " "
          + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
      return figures;
    }
  }

  /** CPU time so far of each live thread whose name {@code counted} takes. */
  private static Map<Long, Long> threadsCpu(ThreadMXBean threads, java.util.function.Predicate<String> counted) {
    Map<Long, Long> cpu = new java.util.HashMap<>();
    for (var thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (thread != null && counted.test(thread.getThreadName())) {
        long nanos = threads.getThreadCpuTime(thread.getThreadId());
        if (nanos >= 0) {
          cpu.put(thread.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }

  private static long cpuSince(Map<Long, Long> now, Map<Long, Long> before) {
    return now.entrySet().stream().mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L)).sum();
  }

  /** Every thread but the stub's and the flight recorder's: the handler's, and the threads it hands work to. */
  private static boolean isIntakeThread(String name) {
    return !isStubThread(name) && !name.startsWith("JFR");
  }

  private static boolean isStubThread(String name) {
    return name.startsWith(StubAwsEndpoint.THREAD_NAME_PREFIX) || name.equals("HTTP-Dispatcher");
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
  }

  private static SQSEvent event(String type) {
    return S3NotificationEvents.sqsEvent("bench",
        S3NotificationEvents.objectCreated("bench", KEY_PREFIX + type + ".csv", null, "0A", null));
  }
}
