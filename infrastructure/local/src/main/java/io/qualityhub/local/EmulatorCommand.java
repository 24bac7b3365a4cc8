package io.qualityhub.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./qualityhub emulator start|stop|status}: a moto that outlives one command, so that demo,
 * lookup, erase and rekey work on the same data. Those commands use it by themselves while it runs.
 */
final class EmulatorCommand {

  static final String USAGE = "usage: qualityhub emulator start|stop|status";

  private final Path projectRoot;
  private final PrintStream out;

  EmulatorCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    if (args.size() != 1) {
      throw new UsageException(USAGE);
    }
    BackgroundEmulator emulator = new BackgroundEmulator(projectRoot);
    return switch (args.get(0)) {
      case "start" -> {
        Optional<BackgroundEmulator.Running> before = emulator.running();
        BackgroundEmulator.Running running = emulator.start(projectRoot);
        out.println((before.isPresent() ? "Already running" : "Started") + ": moto on " + running.endpoint()
            + " (pid " + running.pid() + ", log " + running.log() + ")");
        // With demo, the one command that creates the resources template.yaml declares (stack qualityhub-local).
        LocalDeployment.open(projectRoot, Optional.of(running.endpoint())).close();
        out.println("Resources of template.yaml are there (stack " + LocalDeployment.STACK_NAME + ").");
        out.println("demo, lookup, erase and rekey use it until './qualityhub emulator stop'.");
        yield 0;
      }
      case "status" -> {
        Optional<BackgroundEmulator.Running> running = emulator.running();
        running.ifPresentOrElse(
            r -> out.println("Running: moto on " + r.endpoint() + " (pid " + r.pid() + ")"),
            () -> out.println("Not running; commands start a fresh emulator per run. Start one with './qualityhub emulator start'."));
        yield running.isPresent() ? 0 : 1;
      }
      case "stop" -> {
        Optional<BackgroundEmulator.Running> stopped = emulator.stop();
        out.println(stopped.map(r -> "Stopped moto on " + r.endpoint() + " (pid " + r.pid() + ")").orElse("Not running."));
        yield 0;
      }
      default -> throw new UsageException(USAGE);
    };
  }
}
