package io.qualityhub.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run of {@code ./qualityhub demo} on the sample day, shared by the test classes that check what the whole demo
 * did on it: surefire runs a module's test classes in one JVM, and each class used to start an emulator of its own and
 * run the same demo again. The deployment stays open for the rest of the JVM (the emulator's shutdown hook stops it),
 * so a class may go on calling functions on it; what the demo itself printed and wrote (console, function log,
 * summary) is kept as the demo left it, whatever a class does afterwards.
 *
 * @param local   the deployment the demo ran on, with every request the functions made ({@link LocalDeployment#calls})
 * @param status  the demo's exit status
 * @param console what the demo printed
 * @param out     the demo's {@code --out} directory (function log, summary, reports)
 */
record SharedDemo(LocalDeployment local, int status, String console, Path out) {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static SharedDemo run;

  /** The demo's run, made by the first class that asks. */
  static synchronized SharedDemo get() throws Exception {
    if (run == null) {
      Path out = Files.createTempDirectory(Path.of("target"), "shared-demo-");
      LocalDeployment local = LocalDeployment.open(ROOT, Optional.empty());
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int status = new DemoCommand(ROOT, new PrintStream(printed, true, StandardCharsets.UTF_8)).run(Options.parse(
          List.of("--out", out.toString()), Set.of("--data", "--as-of", "--out", "--endpoint"), Set.of(), DemoCommand.USAGE),
          local);
      run = new SharedDemo(local, status, printed.toString(StandardCharsets.UTF_8), out);
    }
    return run;
  }
}
