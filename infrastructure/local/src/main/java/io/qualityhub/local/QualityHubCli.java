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
      "  bench      measure intake:                                 intake [--rows N] | coldstart [--runs N]",
      "  lookup     a customer's records, by blind index:         --id-no VALUE | --phone VALUE [--data-key ARN] [--endpoint URL]",
      "  erase      a customer's erasure request:                 --id-no VALUE [--phone VALUE] [--data-key ARN] [--endpoint URL]",
      "  rekey      move record data under another KMS key:       --to-key ARN [--from-key ARN] [--endpoint URL]",
      "  sample     verify a stored inspection sample:           verify --period P [--endpoint URL]",
      "  report     build one quality report on demand:          --period P [--branch B] [--topic T] [--endpoint URL]",
      "  audit      the audit trail (reports, lookups, erasures, re-keys): list [--since DATE] | verify [--endpoint URL]",
      "  faults     run the fault scenarios on the emulator:     [--list] [--only NAME] [--out DIR] [--endpoint URL]",
      "  portal     the web portal on 127.0.0.1 over the emulator: [--port N] [--endpoint URL]",
      "  config     the versioned configuration store:           list | get NAME | put NAME FILE | diff NAME [FILE] [--endpoint URL]",
      "  emulator   a local AWS emulator that outlives commands:  start | stop | status",
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
        case "bench" -> new BenchCommand(root, out).run(rest);
        case "lookup" -> new LookupCommand(root, out).run(rest);
        case "erase" -> new EraseCommand(root, out).run(rest);
        case "rekey" -> new RekeyCommand(root, out).run(rest);
        case "sample" -> new SampleCommand(root, out).run(rest);
        case "emulator" -> new EmulatorCommand(root, out).run(rest);
        case "audit" -> new AuditCommand(root, out).run(rest);
        case "report" -> new ReportCommand(root, out).run(rest);
        case "faults" -> new FaultsCommand(root, out).run(rest);
        case "config" -> new ConfigCommand(root, out, err).run(rest);
        case "portal" -> new PortalCommand(root, out).run(rest);
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
