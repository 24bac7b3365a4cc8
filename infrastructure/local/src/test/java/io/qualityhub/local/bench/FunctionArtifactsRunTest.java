package io.qualityhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.local.LocalDeployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each function runs from its own artifact and nothing else: a fresh JVM whose class path is the shaded jar
 * template.yaml deploys, the handler built as Lambda builds it (configuration and clients from the environment) and
 * invoked once with its sample event from {@code events/}, against the local emulator. A class left out of an
 * artifact (decision 0019: each function ships only the SDK services it calls) fails here rather than on Lambda.
 */
class FunctionArtifactsRunTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Pattern LINKAGE_FAILURE = Pattern.compile(
      "NoClassDefFoundError|ClassNotFoundException|NoSuchMethodError|NoSuchFieldError|LinkageError|VerifyError"
          + "|ExceptionInInitializerError|ServiceConfigurationError");

  /** Each function's sample event (events/README.md). */
  private static final Map<String, String> EVENTS = new TreeMap<>(Map.ofEntries(
      Map.entry("intake", "events/intake/sqs-s3-object-created.json"),
      Map.entry("monitor", "events/monitor/schedule-daily.json"),
      Map.entry("sampling", "events/sampling/schedule-monthly.json"),
      Map.entry("findings", "events/sampling/sqs-findings-file-current.json"),
      Map.entry("inspection-tasks", "events/sampling/http-api-inspection-tasks.json"),
      Map.entry("aggregate", "events/reports/sqs-aggregate-file-current.json"),
      Map.entry("report", "events/reports/schedule-monthly.json"),
      Map.entry("report-access", "events/reports/http-api-report-access.json"),
      Map.entry("audit-digest", "events/reports/schedule-audit-digest.json"),
      Map.entry("report-list", "events/reports/http-api-report-list.json"),
      Map.entry("customer-lookup", "events/reports/http-api-customer-lookup.json"),
      Map.entry("erasure", "events/erasure/erase-customer.json"),
      Map.entry("rekey", "events/maintenance/rekey.json"),
      Map.entry("reseal", "events/maintenance/reseal.json")));

  /** The functions that rewrite the items the others read: erasure, and the maintenance runs (decisions 0008 to 0010). */
  private static final Set<String> REWRITE_ITEMS = Set.of("erasure", "rekey", "reseal");

  /** Handlers that read and write streams, which HandlerProbe does not invoke: run by a probe of their own. */
  private static final Set<String> STREAM_HANDLERS = Set.of("monitor");
  private static final Path STREAM_HANDLER_PROBE = Path.of("src", "test", "resources", "stream-handler-probe",
      "StreamHandlerProbe.java").toAbsolutePath();

  /** Run with one artifact alone: makes DynamoDB and KMS refuse, through the operations the artifact kept. */
  private static final Path REFUSAL_PROBE = Path.of("src", "test", "resources", "refusal-probe", "RefusalProbe.java")
      .toAbsolutePath();

  private static LocalDeployment local;

  @BeforeAll
  static void deploy() {
    local = LocalDeployment.open(ROOT, Optional.empty());
  }

  @AfterAll
  static void close() {
    local.close();
  }

  @Test
  void everyFunctionStartsFromItsOwnArtifactAndAnswersItsSampleEvent() throws Exception {
    Map<String, FunctionArtifact> functions = FunctionArtifact.all(ROOT);
    assertEquals(EVENTS.keySet(), functions.keySet(), "a sample event for every function of template.yaml");
    // Two probes at once, as Lambda runs functions side by side; the ones that rewrite what the others read, one after
    // another in a single task, as an operator runs them.
    List<Callable<Map<String, Run>>> tasks = new ArrayList<>();
    tasks.add(() -> runEach(functions.values().stream().filter(function -> REWRITE_ITEMS.contains(function.name())).toList()));
    functions.values().stream().filter(function -> !REWRITE_ITEMS.contains(function.name()))
        .forEach(function -> tasks.add(() -> runEach(List.of(function))));
    Map<String, Run> runs = new TreeMap<>();
    try (ExecutorService probes = Executors.newFixedThreadPool(2)) {
      for (Future<Map<String, Run>> done : probes.invokeAll(tasks)) {
        runs.putAll(done.get());
      }
    }
    Map<String, String> failures = new TreeMap<>();
    runs.forEach((name, run) -> {
      if (run.exitCode() != 0 || LINKAGE_FAILURE.matcher(run.output()).find() || !run.output().contains("response=")) {
        failures.put(name, "exit " + run.exitCode() + "\n" + run.output());
      }
    });
    assertEquals(functions.keySet(), runs.keySet(), "every function probed");
    assertTrue(failures.isEmpty(), () -> "functions that did not run from their own artifact: " + failures);
    // The report's PDFBox and FontBox are shrunk and its PDF resources cut to what it writes (decision 0033).
    assertTrue(runs.get("report").output().contains("\"pdf\":{"), () -> "the report function wrote no PDF: " + runs.get("report"));
  }

  private static Map<String, Run> runEach(List<FunctionArtifact> functions) throws IOException, InterruptedException {
    Map<String, Run> runs = new LinkedHashMap<>();
    for (FunctionArtifact function : functions) {
      runs.put(function.name(), run(function, ROOT.resolve(EVENTS.get(function.name()))));
    }
    return runs;
  }

  @Test
  void refusalsTheSampleEventsDoNotMeetStillUnmarshalIntoTheirExceptionsInAShrunkArtifact()
      throws IOException, InterruptedException {
    // The shrinker keeps the model classes the kept operations name (decision 0025); an error's class is only named
    // where the client registers it, so a refusal is the path a lost class would break without a linkage error.
    FunctionArtifact intake = FunctionArtifact.of(ROOT, "intake");

    Run run = run(intake, List.of(REFUSAL_PROBE.toString()));

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("""
        generic_override=software.amazon.awssdk.services.kms.model.DecryptRequest [set]
        conditional_write=software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException
        transaction=software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException
        decrypt=software.amazon.awssdk.services.kms.model.InvalidCiphertextException
        """), run.output());
  }

  private record Run(int exitCode, String output) {}

  private static Run run(FunctionArtifact function, Path event) throws IOException, InterruptedException {
    String main = STREAM_HANDLERS.contains(function.name()) ? STREAM_HANDLER_PROBE.toString()
        : "io.qualityhub.core.bench.HandlerProbe";
    return run(function, List.of(main, function.handler(), event.toString(), function.logicalId()));
  }

  private static Run run(FunctionArtifact function, List<String> mainAndArguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", function.artifact().toString()));
    command.addAll(mainAndArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(local.functionEnvironment(function.logicalId()));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().put("AWS_ENDPOINT_URL", local.endpoint().toString());
    builder.environment().put("AWS_REGION", local.clients().region().id());
    builder.environment().putIfAbsent("AWS_ACCESS_KEY_ID", "qualityhub-local");
    builder.environment().putIfAbsent("AWS_SECRET_ACCESS_KEY", "qualityhub-local");
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}
