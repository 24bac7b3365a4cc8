package io.qualityhub.local;

import io.qualityhub.local.faults.FaultContext;
import io.qualityhub.local.faults.FaultScenario;
import io.qualityhub.local.faults.FaultScenarios;
import io.qualityhub.local.faults.Verdict;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * {@code ./qualityhub faults}: runs the named fault scenarios on one emulator and prints {@code PASS name} or
 * {@code FAIL name: why} for each, then {@code N passed, M failed}. Exit status 0 when all passed, 1 otherwise.
 * The functions' own log output goes to {@code OUT/functions.log}, not the console.
 */
final class FaultsCommand {

  static final String USAGE = String.join("\n",
      "usage: qualityhub faults [--list] [--only NAME] [--out DIR] [--endpoint URL]",
      "  --list          name and describe every scenario, run nothing",
      "  --only NAME     run only the scenario NAME (several: NAME,NAME,...)",
      "  --out DIR       where the functions' log goes (default out/faults)",
      "  --endpoint URL  an emulator to use instead of starting moto");

  private final Path projectRoot;
  private final PrintStream out;

  FaultsCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) throws Exception {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(USAGE);
      return 0;
    }
    Options options = Options.parse(args, Set.of("--only", "--out", "--endpoint"), Set.of("--list"), USAGE);
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected arguments " + options.positional() + "\n" + USAGE);
    }
    List<FaultScenario> scenarios = FaultScenarios.all();
    if (options.value("--only").isPresent()) {
      List<String> wanted = List.of(options.value("--only").get().split(","));
      for (String name : wanted) {
        if (scenarios.stream().noneMatch(scenario -> scenario.name().equals(name))) {
          throw new UsageException("no fault scenario named '" + name + "'; ./qualityhub faults --list names them");
        }
      }
      scenarios = scenarios.stream().filter(scenario -> wanted.contains(scenario.name())).toList();
    }
    if (options.flag("--list")) {
      int width = scenarios.stream().mapToInt(scenario -> scenario.name().length()).max().orElse(0);
      scenarios.forEach(scenario -> out.printf("%-" + width + "s  %s%n", scenario.name(), scenario.description()));
      return 0;
    }
    Path outDir = options.path("--out").orElse(projectRoot.resolve("out/faults"));
    Files.createDirectories(outDir);
    Path logFile = outDir.resolve("functions.log");
    long started = System.nanoTime();
    int passed = 0;
    int failed = 0;
    try (PrintStream functionLog = new PrintStream(Files.newOutputStream(logFile), true, "UTF-8");
         LocalDeployment local = LocalDeployment.open(projectRoot,
             EmulatorEndpoint.choose(options.value("--endpoint"), System.getenv(), projectRoot))) {
      out.println("QualityHub fault scenarios on " + local.endpoint() + " (" + scenarios.size() + " scenarios; function log "
          + logFile + ")");
      FaultContext context = new FaultContext(local, token(), functionLog);
      for (FaultScenario scenario : scenarios) {
        Verdict verdict = runOne(scenario, context, functionLog);
        if (verdict.passed()) {
          passed++;
          out.println("PASS " + scenario.name());
        } else {
          failed++;
          out.println("FAIL " + scenario.name() + ": " + verdict.why());
        }
      }
    }
    out.printf("%d passed, %d failed (%.1f s)%n", passed, failed, (System.nanoTime() - started) / 1e9);
    return failed == 0 ? 0 : 1;
  }

  /** Runs one scenario with the functions' console output going to the function log; an exception fails it. */
  static Verdict runOne(FaultScenario scenario, FaultContext context, PrintStream functionLog) {
    PrintStream console = System.out;
    System.setOut(functionLog);
    try {
      functionLog.println("=== fault scenario " + scenario.name());
      Verdict verdict = scenario.run(context);
      functionLog.println("=== " + (verdict.passed() ? "PASS " : "FAIL ") + scenario.name() + " (" + context.cleanUp()
          + " items of the run's branches removed)");
      return verdict;
    } catch (Exception | Error e) {
      functionLog.println("=== FAIL " + scenario.name() + " threw " + e);
      return Verdict.fail("the scenario itself failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      functionLog.flush();
      System.setOut(console);
    }
  }

  /** Four characters that keep this run's branch codes apart from any earlier run's on the same emulator. */
  private static String token() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }
}
