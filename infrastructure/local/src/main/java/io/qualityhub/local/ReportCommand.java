package io.qualityhub.local;

import io.qualityhub.reports.function.ReportHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./qualityhub report --period P [--branch B] [--topic T]}: builds one report on demand from
 * the aggregates at the endpoint, as the report function does for an on-demand request, and
 * stores it (PDF, CSV, JSON) in the reports bucket with its index entry.
 */
final class ReportCommand {

  static final String USAGE = "usage: qualityhub report --period P [--branch B] [--topic T] " + AwsTarget.USAGE
      + "   (P: 2026-10, 2026-Q4 or 2026-10-01..2026-10-15; T: e.g. claims-timeliness)\n       "
      + ReportVerifyCommand.USAGE.substring("usage: ".length());

  private final Path projectRoot;
  private final PrintStream out;

  ReportCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    if (!args.isEmpty() && args.getFirst().equals("verify")) {
      return new ReportVerifyCommand(projectRoot, out).run(args.subList(1, args.size()));
    }
    Options options = Options.parse(args, AwsTarget.optionsWith("--period", "--branch", "--topic"), Set.of(), USAGE);
    Map<String, String> order = new LinkedHashMap<>();
    order.put("period", options.value("--period").orElseThrow(() -> new UsageException("--period is required\n" + USAGE)));
    order.put("scope", options.value("--branch").map(branch -> "branch:" + branch).orElse("company"));
    options.value("--topic").ifPresent(topic -> order.put("topic", topic));
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      Map<String, Object> produced;
      // The function's own log lines (what Lambda would send to CloudWatch) stay off the console.
      PrintStream console = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try {
        produced = new ReportHandler(local.settingsOf("ReportFunction"), local.clientsFor("ReportFunction"), Clock.systemUTC()).produce(order);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage() + "\n" + USAGE);
      } finally {
        System.setOut(console);
      }
      String bucket = local.physicalId("ReportsBucket");
      produced.forEach((reportId, formats) -> {
        out.println("Report " + reportId + ":");
        ((Map<?, ?>) formats).forEach((format, object) -> {
          Map<?, ?> stored = (Map<?, ?>) object;
          out.printf("  %-4s s3://%s/%s  sha256 %s%n", format, bucket, stored.get("key"), stored.get("sha256"));
        });
      });
      return 0;
    }
  }
}
