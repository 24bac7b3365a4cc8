package io.qualityhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.bench.FloorProbe;
import io.qualityhub.core.bench.HandlerProbe;
import io.qualityhub.core.bench.LoggingProbe;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.Progress;
import io.qualityhub.local.ReportRequests;
import io.qualityhub.reports.function.ReportHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Cold start of a function against the floor, as Lambda runs Java: fresh JVMs with Lambda's flags (by default C1
 * only; tier 4 adds C2, as a function that sets it in JAVA_TOOL_OPTIONS runs), each started on the function's own
 * artifact (template.yaml's CodeUri). Each run starts three JVMs one after the other: B0 ({@link FloorProbe}: a
 * DynamoDB client and one BatchWriteItem), the function ({@link HandlerProbe}: the handler built as Lambda builds it
 * and one invocation against the local emulator, checked to have done its work) and the logging backend alone
 * ({@link LoggingProbe}). Alternating them spreads the shared machine's load over both sides of the ratio. Of a
 * function it has no invocation for, it measures the handler's construction only.
 */
public final class ColdStartBenchmark {

  /** The flags Lambda's java21 runtime starts the JVM with, but the tier. */
  private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:+UseSerialGC", "-Xshare:auto",
      "-Djava.net.preferIPv4Stack=true");
  private static final String FLOOR_TABLE = "qualityhub-local-coldstart-floor";
  private static final String KEY_FORMAT = "incoming/COLD-%02d/2026-11-23/surveys.csv";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ColdStartBenchmark() {}

  /** The functions it has an invocation for; of the others it measures the handler's construction. */
  public static final List<String> FUNCTIONS = List.of("intake", "report-access");

  /**
   * @param jvmOptions added to every JVM of the run (B0's too), to measure a lever such as
   *     {@code -Dlog4j2.disableJmx=true} before building it into the artifact
   * @param appCds which probes run on an application class-data archive of their own
   */
  public static Map<String, String> run(Path projectRoot, String functionName, int runs, int tier, List<String> jvmOptions,
      AppCds appCds, PrintStream progress) throws IOException, InterruptedException {
    FunctionArtifact function = FunctionArtifact.of(projectRoot, functionName);
    boolean invoked = FUNCTIONS.contains(functionName);
    try (LocalDeployment local = LocalDeployment.open(projectRoot, Optional.empty())) {
      createFloorTable(local);
      IntFunction<Invocation> invocations = invoked ? invocations(local, function) : null;
      List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=" + tier));
      jvm.addAll(LAMBDA_FLAGS);
      jvm.addAll(jvmOptions);
      jvm.addAll(List.of("-cp", function.artifact().toString()));
      Map<String, String> environment = lambdaEnvironment(local, function);
      Path work = Files.createTempDirectory("qualityhub-coldstart-");
      Path eventFile = work.resolve("event.json");
      Probes probes = new Probes(jvm, environment, work, appCds);
      long[] floor = new long[runs];
      long[] floorCpu = new long[runs];
      long[] constructed = new long[runs];
      long[] done = new long[runs];
      long[] functionCpu = new long[runs];
      long[] eventRead = new long[runs];
      long[] eventReadCpu = new long[runs];
      long[] logging = new long[runs];
      long[] loggingCpu = new long[runs];
      double[] pairedRatios = new double[runs];
      Progress runProgress = Progress.ofSteps(progress, "coldstart " + function.name(), runs);
      try {
        if (appCds != AppCds.OFF) {
          // One training run per probe writes its archive; the measured runs below only read it.
          probes.floor();
          probes.function(function, invocations == null ? null : invocations.apply(runs), eventFile);
          probes.logging();
          probes.archivesWritten();
        }
        for (int i = 0; i < runs; i++) {
          Map<String, Long> b0 = probes.floor();
          floor[i] = b0.get("first_invocation_done_ms");
          floorCpu[i] = b0.get("cpu_ms");
          Map<String, Long> handler = probes.function(function, invocations == null ? null : invocations.apply(i), eventFile);
          constructed[i] = handler.get("constructed_ms");
          done[i] = handler.getOrDefault("first_invocation_done_ms", constructed[i]);
          functionCpu[i] = handler.get("cpu_ms");
          eventRead[i] = handler.getOrDefault("event_read_ms", 0L);
          eventReadCpu[i] = handler.getOrDefault("event_read_cpu_ms", 0L);
          Map<String, Long> backend = probes.logging();
          logging[i] = backend.get("logging_ready_ms") - backend.get("jvm_ready_ms");
          loggingCpu[i] = backend.get("cpu_ms");
          pairedRatios[i] = (double) done[i] / floor[i];
          runProgress.step(String.format(Locale.ROOT, "B0 %d ms (CPU %d ms), %s constructed %d ms, %s %d ms (CPU %d ms),"
              + " logging %d ms (CPU %d ms)", floor[i], floorCpu[i], function.name(), constructed[i],
              invoked ? "first invocation done" : "construction only", done[i], functionCpu[i], logging[i], loggingCpu[i]));
        }
      } finally {
        try (var files = Files.list(work)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(work);
      }
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("function", function.logicalId());
      figures.put("artifact", projectRoot.relativize(function.artifact()).toString());
      figures.put("artifact_bytes", Long.toString(Files.size(function.artifact())));
      figures.put("runs", Integer.toString(runs));
      figures.put("jvm_flags", String.join(" ", jvm.subList(1, jvm.size() - 2)));
      figures.put("app_cds", appCds.description);
      figures.put("b0_first_invocation_ms_median", Long.toString(median(floor)));
      figures.put("handler_constructed_ms_median", Long.toString(median(constructed)));
      // Without an invocation the function's figures stop at the handler built: a lower bound of its cold start.
      String measured = invoked ? "first_invocation_done" : "handler_constructed";
      String ratio = invoked ? "ratio_to_b0" : "constructed_ratio_to_b0";
      if (invoked) {
        figures.put("first_invocation_done_ms_median", Long.toString(median(done)));
        figures.put("first_invocation_done_ms_min", Long.toString(Arrays.stream(done).min().orElseThrow()));
        figures.put("first_invocation_done_ms_max", Long.toString(Arrays.stream(done).max().orElseThrow()));
      }
      figures.put(ratio, String.format(Locale.ROOT, "%.2f", (double) median(done) / median(floor)));
      Arrays.sort(pairedRatios);
      figures.put(ratio + "_paired_median", String.format(Locale.ROOT, "%.2f", pairedRatios[runs / 2]));
      figures.put("b0_cpu_ms_median", Long.toString(median(floorCpu)));
      figures.put(invoked ? "first_invocation_cpu_ms_median" : "handler_constructed_cpu_ms_median", Long.toString(median(functionCpu)));
      figures.put(invoked ? "cpu_ratio_to_b0" : "constructed_cpu_ratio_to_b0",
          String.format(Locale.ROOT, "%.2f", (double) median(functionCpu) / median(floorCpu)));
      if (invoked) {
        // Lambda's runtime reads the event before it calls the handler, for B0 as for the function: not compared.
        figures.put("probe_event_read_ms_median_left_out", Long.toString(median(eventRead)));
        figures.put("probe_event_read_cpu_ms_median_left_out", Long.toString(median(eventReadCpu)));
      }
      figures.put("logging_backend_init_ms_median", Long.toString(median(logging)));
      figures.put("logging_backend_init_cpu_ms_median", Long.toString(median(loggingCpu)));
      figures.put("measured_to", measured);
      return figures;
    }
  }

  /**
   * Application class-data sharing for the probes: each archived probe's first run writes an archive of the classes it
   * loaded ({@code -XX:ArchiveClassesAtExit}) and every later run maps it ({@code -XX:SharedArchiveFile}).
   */
  public enum AppCds {
    OFF("off"),
    /** Every probe, B0 included: an archive's effect on the ratio when the floor has one too. */
    ALL("one archive per probe (B0, the function, the logging backend), from one training run each"),
    /** The function and its logging backend, not B0: an archived function against the floor as the issue defines it. */
    FUNCTION("one archive for the function and one for its logging backend, from one training run each; B0 without");

    private final String description;

    AppCds(String description) {
      this.description = description;
    }
  }

  /** The three probes' JVMs, with their class-data archives in {@code archives}. */
  private static final class Probes {

    private final List<String> jvm;
    private final Map<String, String> environment;
    private final Path archives;
    private final AppCds appCds;
    private boolean archivesWritten;

    Probes(List<String> jvm, Map<String, String> environment, Path archives, AppCds appCds) {
      this.jvm = jvm;
      this.environment = environment;
      this.archives = archives;
      this.appCds = appCds;
    }

    Map<String, Long> floor() throws IOException, InterruptedException {
      return figuresOf(probe(withArchive("b0"), environment, FloorProbe.class.getName(), FLOOR_TABLE));
    }

    /** The handler built and, with an invocation, invoked once; without one, built only. */
    Map<String, Long> function(FunctionArtifact function, Invocation invocation, Path eventFile)
        throws IOException, InterruptedException {
      if (invocation == null) {
        return figuresOf(probe(withArchive("function"), environment, HandlerProbe.class.getName(), function.handler()));
      }
      Files.writeString(eventFile, JSON.writeValueAsString(invocation.event()));
      String output = probe(withArchive("function"), environment, HandlerProbe.class.getName(), function.handler(),
          eventFile.toString(), function.logicalId());
      invocation.check(JSON.readTree(output.lines().filter(line -> line.startsWith("response="))
          .findFirst().orElseThrow().substring("response=".length())));
      return figuresOf(output);
    }

    Map<String, Long> logging() throws IOException, InterruptedException {
      return figuresOf(probe(withArchive("logging"), environment, LoggingProbe.class.getName()));
    }

    void archivesWritten() {
      archivesWritten = true;
    }

    private List<String> withArchive(String probe) {
      if (appCds == AppCds.OFF || appCds == AppCds.FUNCTION && probe.equals("b0")) {
        return jvm;
      }
      List<String> command = new ArrayList<>(jvm);
      String archive = archives.resolve(probe + ".jsa").toString();
      command.add(1, archivesWritten ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
      return command;
    }
  }

  /** An event for one run, and what its answer must show for the run to count. */
  private record Invocation(Object event, java.util.function.Consumer<JsonNode> check) {

    void check(JsonNode response) {
      check.accept(response);
    }
  }

  private static IntFunction<Invocation> invocations(LocalDeployment local, FunctionArtifact function) {
    return switch (function.name()) {
      case "intake" -> run -> {
        // A file of its own for each run: the same file again would take intake's already-processed path.
        String key = String.format(KEY_FORMAT, run);
        long processedBefore = processedGenerations(local, key);
        uploadSmallFile(local, key);
        return new Invocation(s3Notification(local.physicalId("IntakeBucket"), key), response -> {
          if (!response.path("batchItemFailures").isEmpty() || processedGenerations(local, key) != processedBefore + 1) {
            throw new IllegalStateException("the cold-start probe's file " + key + " was not processed: " + response);
          }
        });
      };
      case "report-access" -> {
        String reportId = storeReport(local);
        yield run -> new Invocation(ReportRequests.get("auditor-cold", "[auditor]", reportId, "pdf",
            Instant.now().plusSeconds(600)), response -> {
              if (response.path("statusCode").asInt() != 200) {
                throw new IllegalStateException("the report-access probe was answered " + response);
              }
            });
      }
      default -> throw new IllegalArgumentException("no cold-start invocation for " + function.name());
    };
  }

  /** The environment Lambda gives the function: the template's variables and the emulator as every endpoint. */
  private static Map<String, String> lambdaEnvironment(LocalDeployment local, FunctionArtifact function) {
    Map<String, String> environment = new LinkedHashMap<>(local.functionEnvironment(function.logicalId()));
    // The tier is the benchmark's to choose, for B0 and the function alike.
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.put("AWS_ENDPOINT_URL", local.endpoint().toString());
    environment.put("AWS_REGION", local.clients().region().id());
    environment.putIfAbsent("AWS_ACCESS_KEY_ID", "qualityhub-local");
    environment.putIfAbsent("AWS_SECRET_ACCESS_KEY", "qualityhub-local");
    environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    return environment;
  }

  private static String probe(List<String> jvm, Map<String, String> environment, String... mainAndArguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(jvm);
    command.addAll(List.of(mainAndArguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !output.contains("cpu_ms=")) {
      throw new IllegalStateException("the cold-start probe " + mainAndArguments[0] + " failed:\n" + output);
    }
    return output;
  }

  /** The figures a probe printed on its line of {@code name=value} pairs. */
  private static Map<String, Long> figuresOf(String output) {
    String line = output.lines().filter(l -> l.matches("(constructed_ms|jvm_ready_ms)=\\d+( \\w+=\\d+)+")).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("the probe printed no figures:\n" + output));
    Map<String, Long> figures = new LinkedHashMap<>();
    for (String pair : line.split(" ")) {
      figures.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
    }
    return figures;
  }

  private static void createFloorTable(LocalDeployment local) {
    try {
      local.clients().dynamoDb().createTable(request -> request.tableName(FLOOR_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S),
              definition -> definition.attributeName("sk").attributeType(ScalarAttributeType.S))
          .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH), key -> key.attributeName("sk").keyType(KeyType.RANGE)));
    } catch (ResourceInUseException createdByAnEarlierRun) {
      // B0 only adds items; an earlier run's table serves as well.
    }
  }

  /** The S3 notification SQS delivers to intake for {@code key}. */
  private static SQSEvent s3Notification(String bucket, String key) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("cold-start");
    message.setBody("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
        + bucket + "\"},\"object\":{\"key\":\"" + key + "\"}}}]}");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  /** Uploads a one-row file under {@code key}, its row new for each run (the same file again would be a duplicate). */
  private static void uploadSmallFile(LocalDeployment local, String key) {
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString("survey_id,surveyed_on,overall_score\nS-" + System.nanoTime() + ",2026-11-23,4\n",
            StandardCharsets.UTF_8));
  }

  /** How many generations of the file intake finished with status PROCESSED. */
  private static long processedGenerations(LocalDeployment local, String key) {
    String fileId;
    try {
      fileId = UploadKey.parse(key).fileId();
    } catch (FileRefusedException e) {
      throw new IllegalStateException("the benchmark's own key " + key + " is refused", e);
    }
    return local.clients().dynamoDb().query(request -> request.tableName(local.physicalId("RecordsTable")).consistentRead(true)
            .keyConditionExpression("pk = :file").expressionAttributeValues(Map.of(":file", AttributeValue.fromS(ItemKeys.filePk(fileId)))))
        .items().stream().filter(item -> item.containsKey("status") && "PROCESSED".equals(item.get("status").s())).count();
  }

  /** @return the id of a company report (of no data) the report-access probe asks for */
  private static String storeReport(LocalDeployment local) {
    PrintStream console = System.out;
    System.setOut(new PrintStream(PrintStream.nullOutputStream()));
    try {
      return new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), Clock.systemUTC())
          .produce(Map.of("period", "2026-10", "scope", "company")).keySet().iterator().next();
    } finally {
      System.setOut(console);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
