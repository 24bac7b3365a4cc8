package io.qualityhub.local;

import io.qualityhub.local.bench.BurstBenchmark;
import io.qualityhub.local.bench.ColdStartBenchmark;
import io.qualityhub.local.bench.IntakeBenchmark;
import io.qualityhub.local.bench.MonitorBenchmark;
import io.qualityhub.local.bench.ReadBackBenchmark;
import io.qualityhub.local.bench.ReportOrderBenchmark;
import io.qualityhub.local.bench.ReportsBenchmark;
import io.qualityhub.local.bench.SamplingBenchmark;
import io.qualityhub.local.generate.SampleDataGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code ./qualityhub bench intake --rows N}: prints the intake benchmark's figures, one {@code name: value} per line. */
final class BenchCommand {

  static final String USAGE = "usage: qualityhub bench intake [--rows N] [--invocation-budget SECONDS]"
      + "   (default 1000000, unlimited: with a budget, a file that does not fit continues in further invocations)\n"
      + "         [--storage-latency-ms MS] [--profile]  (default 0: the stub answers at once; where the CPU goes, by stage)\n"
      + "         [--type " + String.join("|", SampleDataGenerator.branchTypes()) + "]  (default claims; sales fits 10,000,000"
      + " rows in the contract's 2 GiB, claims about 8,800,000)\n"
      + "       qualityhub bench coldstart [--runs N] [--tier 1|4] [--function " + String.join("|", ColdStartBenchmark.FUNCTIONS)
      + "|any other of template.yaml's functions] [--jvm-options '-Dname=value ...'] [--app-cds all|function]  (default 5, 1:"
      + " Lambda's default C1 only, intake, off; against B0 on the same artifact; the other functions to their handler built)\n"
      + "       qualityhub bench sampling [--records N] [--branches B] [--history-months M]  (default 1000000, 50, 0)\n"
      + "       qualityhub bench monitor [--closed N] [--open M]  (default 1000000 and 2000)\n"
      + "       qualityhub bench monitor --records N [--open-percent P] [--branches B]  (in memory: the run's work on the P%"
      + " of N records that are open claims, default 2 and 50; the requests counted)\n"
      + "       qualityhub bench report-order [--records N] [--branches B]  (default 1000000, 50: the company's report and"
      + " one per branch, in memory)\n"
      + "       qualityhub bench reports [--records N] [--branches B]  (default 1000000, 50)\n"
      + "       qualityhub bench readback [--rows N]  (default 100000; on the emulator)\n"
      + "       qualityhub bench burst [--branches B] [--pollers P]  (default 50 branches of eight files each, uploaded at once,"
      + " and the template's 5 pollers; on the emulator)\n"
      + "       qualityhub bench attach [--runs N]  (default 20: a command's finding the deployment, and deploying again; on"
      + " the emulator)";

  private final Path projectRoot;
  private final PrintStream out;

  BenchCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) throws Exception {
    Options options = Options.parse(args, Set.of("--rows", "--invocation-budget", "--runs", "--records", "--branches", "--pollers", "--closed", "--open", "--tier", "--function",
        "--history-months", "--jvm-options", "--app-cds", "--storage-latency-ms", "--type", "--open-percent"),
        Set.of("--profile"), USAGE);
    if (options.positional().equals(List.of("burst"))) {
      BurstBenchmark.run(projectRoot, positive(options, "--branches", "50"),
              positive(options, "--pollers", Integer.toString(BurstBenchmark.TEMPLATE_POLLERS)), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("attach"))) {
      AttachBenchmark.run(projectRoot, positive(options, "--runs", "20", 2)).forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("readback"))) {
      ReadBackBenchmark.run(projectRoot, positive(options, "--rows", "100000"), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("reports"))) {
      ReportsBenchmark.run(positive(options, "--records", "1000000"), positive(options, "--branches", "50"), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("monitor")) && options.value("--records").isPresent()) {
      MonitorBenchmark.inMemory(positive(options, "--records", "10000000"), positive(options, "--open-percent", "2") / 100.0,
              positive(options, "--branches", "50"), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("report-order"))) {
      ReportOrderBenchmark.run(positive(options, "--records", "1000000"), positive(options, "--branches", "50"), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("monitor"))) {
      MonitorBenchmark.run(projectRoot, positive(options, "--closed", "1000000"), positive(options, "--open", "2000"), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("sampling"))) {
      SamplingBenchmark.run(positive(options, "--records", "1000000"), positive(options, "--branches", "50"),
              positive(options, "--history-months", "0", 0), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (options.positional().equals(List.of("coldstart"))) {
      String tier = options.value("--tier").orElse("1");
      if (!tier.equals("1") && !tier.equals("4")) {
        throw new UsageException("--tier must be 1 (C1 only, Lambda's default) or 4 (C1 then C2)\n" + USAGE);
      }
      String function = options.value("--function").orElse("intake");
      String appCds = options.value("--app-cds").orElse("off");
      if (!List.of("off", "all", "function").contains(appCds)) {
        throw new UsageException("--app-cds must be all (every probe, B0 too) or function (the function and its logging"
            + " backend, B0 without)\n" + USAGE);
      }
      List<String> jvmOptions = options.value("--jvm-options").map(value -> List.of(value.trim().split("\\s+"))).orElse(List.of());
      ColdStartBenchmark.run(projectRoot, function, positive(options, "--runs", "5"), Integer.parseInt(tier), jvmOptions,
              ColdStartBenchmark.AppCds.valueOf(appCds.toUpperCase(java.util.Locale.ROOT)), System.err)
          .forEach((name, value) -> out.println(name + ": " + value));
      return 0;
    }
    if (!options.positional().equals(List.of("intake"))) {
      throw new UsageException(USAGE);
    }
    String type = options.value("--type").orElse("claims");
    if (!SampleDataGenerator.branchTypes().contains(type)) {
      throw new UsageException("--type must be a record type branches upload\n" + USAGE);
    }
    IntakeBenchmark.run(positive(options, "--rows", "1000000"),
            options.value("--invocation-budget").isPresent() ? positive(options, "--invocation-budget", "900") : 0,
            positive(options, "--storage-latency-ms", "0", 0), options.flag("--profile"), type, System.err)
        .forEach((name, value) -> out.println(name + ": " + value));
    return 0;
  }

  private static int positive(Options options, String name, String defaultValue) {
    return positive(options, name, defaultValue, 1);
  }

  private static int positive(Options options, String name, String defaultValue, int least) {
    try {
      int value = Integer.parseInt(options.value(name).orElse(defaultValue));
      if (value >= least) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be a whole number of at least " + least + "\n" + USAGE);
  }
}
