package io.qualityhub.local.bench;

import io.qualityhub.local.LocalDeployment;
import io.qualityhub.reports.function.ReportHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Cold start of a function, as Lambda runs Java (by default C1 only: -XX:TieredStopAtLevel=1; tier 4 adds C2, as a
 * function that sets it in JAVA_TOOL_OPTIONS runs): fresh JVMs, each building the handler and completing one
 * invocation against the local emulator. The intake function takes one small file; the report-access function
 * answers one auditor's request for a stored report. Reports the median over runs of JVM uptime at handler
 * construction and at the end of the first call.
 */
public final class ColdStartBenchmark {

  /** The functions it can measure, with the probe each runs in its fresh JVM. */
  public enum Function {
    INTAKE("IntakeFunction", IntakeColdStartProbe.class),
    REPORT_ACCESS("ReportAccessFunction", ReportAccessColdStartProbe.class);

    private final String logicalId;
    private final Class<?> probe;

    Function(String logicalId, Class<?> probe) {
      this.logicalId = logicalId;
      this.probe = probe;
    }

    public String logicalId() {
      return logicalId;
    }
  }

  private static final String KEY_FORMAT = "incoming/COLD-%02d/2026-11-23/surveys.csv";

  private ColdStartBenchmark() {}

  public static Map<String, String> run(Path projectRoot, int runs, int tier, Function function, PrintStream progress)
      throws IOException, InterruptedException {
    try (LocalDeployment local = LocalDeployment.open(projectRoot, Optional.empty())) {
      String reportId = function == Function.REPORT_ACCESS ? storeReport(local) : null;
      List<String> environment = new ArrayList<>();
      local.functionEnvironment(function.logicalId()).forEach((name, value) -> environment.add(name + "=" + value));
      String jar = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String tierFlag = "-XX:TieredStopAtLevel=" + tier;
      long[] constructed = new long[runs];
      long[] invoked = new long[runs];
      for (int i = 0; i < runs; i++) {
        // A file of its own for each run: the same file again would take intake's already-processed path.
        String invocation = function == Function.INTAKE ? uploadSmallFile(local, i) : reportId;
        List<String> command = new ArrayList<>(List.of(java, tierFlag, "-XX:+UseSerialGC", "-Xshare:auto",
            "-cp", jar, function.probe.getName(), local.endpoint().toString(), invocation));
        command.addAll(environment);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("first_invocation_done_ms=")) {
          throw new IllegalStateException("the cold-start probe failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("constructed_ms=")).findFirst().orElseThrow();
        constructed[i] = Long.parseLong(line.replaceAll(".*constructed_ms=(\\d+).*", "$1"));
        invoked[i] = Long.parseLong(line.replaceAll(".*first_invocation_done_ms=(\\d+).*", "$1"));
        progress.println("run " + (i + 1) + ": " + line);
      }
      long[] logging = new long[runs];
      for (int i = 0; i < runs; i++) {
        String output = probe(List.of(java, tierFlag, "-XX:+UseSerialGC", "-Xshare:auto", "-cp", jar,
            LoggingStartProbe.class.getName()));
        long ready = Long.parseLong(output.replaceAll("(?s).*jvm_ready_ms=(\\d+).*", "$1"));
        logging[i] = Long.parseLong(output.replaceAll("(?s).*logging_ready_ms=(\\d+).*", "$1")) - ready;
      }
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("function", function.logicalId());
      figures.put("runs", Integer.toString(runs));
      figures.put("jvm_flags", tierFlag + " -XX:+UseSerialGC");
      figures.put("handler_constructed_ms_median", Long.toString(median(constructed)));
      figures.put("first_invocation_done_ms_median", Long.toString(median(invoked)));
      figures.put("first_invocation_done_ms_min", Long.toString(Arrays.stream(invoked).min().orElseThrow()));
      figures.put("first_invocation_done_ms_max", Long.toString(Arrays.stream(invoked).max().orElseThrow()));
      figures.put("logging_backend_init_ms_median", Long.toString(median(logging)));
      return figures;
    }
  }

  /** @return the key of a one-row file, new for each run, that the intake probe takes */
  private static String uploadSmallFile(LocalDeployment local, int run) {
    String key = String.format(KEY_FORMAT, run);
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString("survey_id,surveyed_on,overall_score\nS-1,2026-11-23,4\n", StandardCharsets.UTF_8));
    return key;
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

  private static String probe(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("probe failed: " + command + "\n" + output);
    }
    return output;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
