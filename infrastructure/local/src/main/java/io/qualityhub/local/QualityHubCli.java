package io.qualityhub.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The {@code ./qualityhub} command line. */
public final class QualityHubCli {

  static final String USAGE = String.join("\n",
      "usage: qualityhub <command> [options]",
      "  demo       run the whole product on the local AWS emulator: " + DemoCommand.USAGE.substring("usage: qualityhub demo".length()),
      "  validate   check a branch file offline:                   FILE [--type TYPE] [--branch BRANCH]",
      "  generate   write a synthetic data set:                     --branches N --rows M --out DIR [--seed S]",
      "  bench      measure intake:                                 intake --rows N",
      "  help       this text");

  private QualityHubCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    Path root = Path.of(System.getProperty("qualityhub.root", ".")).toAbsolutePath().normalize();
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "demo" -> new DemoCommand(root, out).run(
            Options.parse(rest, Set.of("--data", "--as-of", "--out", "--endpoint"), Set.of(), DemoCommand.USAGE));
        case "validate" -> new ValidateCommand(out).run(rest);
        case "generate" -> io.qualityhub.local.generate.GenerateCommand.run(rest.toArray(String[]::new), out, err);
        // bench: see BenchCommand (being written)
        default -> throw new UsageException("unknown command '" + args[0] + "'\n" + USAGE);
      };
    } catch (UsageException e) {
      err.println("qualityhub: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("qualityhub " + args[0] + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 3;
    }
  }
}
