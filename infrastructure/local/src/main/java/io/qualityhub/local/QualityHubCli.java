package io.qualityhub.local;

import io.qualityhub.local.generate.GenerateCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code ./qualityhub} command line. picocli dispatches, answers {@code --help} (on every subcommand) and
 * {@code --version}, and maps outcomes to exit codes: 0 done, 1 a check failed, 2 usage or not found (what was
 * given, or the stack or emulator it names, is not there), 3 internal error. Errors go to standard error.
 *
 * <p>Each subcommand parses its own arguments and is registered by one line in {@link #SUBCOMMANDS}.
 */
public final class QualityHubCli {

  /** Exit status: done. */
  static final int DONE = 0;
  /** Exit status: a check failed (rows rejected, a broken audit chain, a sample that differs...). */
  static final int CHECK_FAILED = 1;
  /** Exit status: the command line cannot be run as given, or what it names is not there. */
  static final int USAGE_OR_NOT_FOUND = 2;
  /** Exit status: the command itself failed. */
  static final int INTERNAL_ERROR = 3;

  /** What a subcommand gets besides its arguments. */
  record Context(Path projectRoot, PrintStream out, PrintStream err) {}

  /** Runs one subcommand on its arguments (everything after its name) and returns its exit status. */
  @FunctionalInterface
  interface Action {
    int run(Context cli, List<String> args) throws Exception;
  }

  /** A subcommand: its name, one line for the command list, its usage text ({@code usage: qualityhub ...}) and what runs it. */
  record Subcommand(String name, String summary, String usage, Action action) {}

  static final List<Subcommand> SUBCOMMANDS = List.of(
      new Subcommand("demo", "run the whole product on the local AWS emulator (creates its resources)", DemoCommand.USAGE,
          (cli, args) -> new DemoCommand(cli.projectRoot(), cli.out()).run(DemoCommand.options(args))),
      new Subcommand("validate", "check a branch file offline", ValidateCommand.USAGE,
          (cli, args) -> new ValidateCommand(cli.out()).run(args)),
      new Subcommand("generate", "write a synthetic data set", GenerateCommand.USAGE,
          (cli, args) -> GenerateCommand.run(args.toArray(String[]::new), cli.out(), cli.err())),
      new Subcommand("bench", "measure intake, cold starts, sampling, the monitor, reports, read-back, a burst", BenchCommand.USAGE,
          (cli, args) -> new BenchCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("lookup", "a customer's records, by blind index", LookupCommand.USAGE,
          (cli, args) -> new LookupCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("erase", "a customer's erasure request", EraseCommand.USAGE,
          (cli, args) -> new EraseCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("rekey", "move record data under another KMS key", RekeyCommand.USAGE,
          (cli, args) -> new RekeyCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("reseal", "seal items stored before seals (once, after the upgrade that brought them)", ResealCommand.USAGE,
          (cli, args) -> new ResealCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("sample", "verify a stored inspection sample, or order an ad-hoc inspection", SampleCommand.USAGE,
          (cli, args) -> new SampleCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("report", "build one quality report on demand", ReportCommand.USAGE,
          (cli, args) -> new ReportCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("audit", "the audit trail (reports, lookups, erasures, re-keys)", AuditCommand.USAGE,
          (cli, args) -> new AuditCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("redrive", "move a dead-letter queue's messages back to their source", RedriveCommand.USAGE,
          (cli, args) -> new RedriveCommand(cli.projectRoot(), cli.out(), cli.err()).run(args)),
      new Subcommand("portal", "the web portal on 127.0.0.1 over the emulator's data", PortalCommand.USAGE,
          (cli, args) -> new PortalCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("config", "the versioned configuration store", ConfigCommand.USAGE,
          (cli, args) -> new ConfigCommand(cli.projectRoot(), cli.out(), cli.err()).run(args)),
      new Subcommand("faults", "run the fault scenarios on the emulator", FaultsCommand.USAGE,
          (cli, args) -> new FaultsCommand(cli.projectRoot(), cli.out()).run(args)),
      new Subcommand("emulator", "a local AWS emulator that outlives commands", EmulatorCommand.USAGE,
          (cli, args) -> new EmulatorCommand(cli.projectRoot(), cli.out()).run(args)));

  private QualityHubCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path root = Path.of(System.getProperty("qualityhub.root", ".")).toAbsolutePath().normalize();
    CommandLine commandLine = commandLine(new Context(root, out, err));
    if (args.length == 0) {
      commandLine.usage(err);
      return USAGE_OR_NOT_FOUND;
    }
    return commandLine.execute(args);
  }

  static CommandLine commandLine(Context context) {
    CommandSpec top = CommandSpec.create().name("qualityhub").version(version()).mixinStandardHelpOptions(true);
    top.usageMessage()
        .description("QualityHub: branch data intake, samples, alerts and reports on AWS or the local emulator.",
            "Commands that talk to AWS take --stack NAME (a deployed stack, with --profile and --region as the AWS CLI"
                + " takes them) and otherwise act on the local emulator's deployment; only demo and emulator start create"
                + " resources.")
        .footer("", "Exit status: 0 done, 1 a check failed, 2 usage or not found, 3 internal error.",
            "'qualityhub COMMAND --help' describes a command.");
    CommandLine commandLine = new CommandLine(top);
    for (Subcommand subcommand : SUBCOMMANDS) {
      commandLine.addSubcommand(subcommand.name(), new CommandLine(new Runner(subcommand, context).spec()));
    }
    commandLine.addSubcommand("help", new CommandLine.HelpCommand());
    commandLine.setExpandAtFiles(false); // "@..." is a value here, never a file of arguments
    commandLine.setOut(new PrintWriter(context.out(), true));
    commandLine.setErr(new PrintWriter(context.err(), true));
    commandLine.setParameterExceptionHandler((exception, args) -> {
      context.err().println("qualityhub: " + exception.getMessage());
      context.err().println("'qualityhub --help' lists the commands.");
      return USAGE_OR_NOT_FOUND;
    });
    commandLine.setExecutionExceptionHandler((exception, command, parsed) -> exitFor(exception, command.getCommandName(), context.err()));
    return commandLine;
  }

  /** One line on standard error for a failure, and its exit status. */
  static int exitFor(Exception exception, String command, PrintStream err) {
    if (exception instanceof UsageException) {
      err.println("qualityhub: " + exception.getMessage());
      return USAGE_OR_NOT_FOUND;
    }
    if (exception instanceof NotDeployedException) {
      err.println("qualityhub " + command + ": " + exception.getMessage());
      return USAGE_OR_NOT_FOUND;
    }
    err.println("qualityhub " + command + " failed: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
    return INTERNAL_ERROR;
  }

  /** The project's version, from the build. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = QualityHubCli.class.getResourceAsStream("/qualityhub-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // No version file: said as such below.
    }
    return "qualityhub " + properties.getProperty("version", "(version unknown: not built by Maven)");
  }

  /**
   * Runs a {@link Subcommand}: picocli handles its {@code --help} and {@code --version}, and hands every other
   * argument, options included, to the subcommand in the order given.
   */
  private static final class Runner implements Callable<Integer> {

    private static final int USAGE_WIDTH = 240;

    private final Subcommand subcommand;
    private final Context context;
    private final List<String> args = new ArrayList<>();

    Runner(Subcommand subcommand, Context context) {
      this.subcommand = subcommand;
      this.context = context;
    }

    CommandSpec spec() {
      CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name(subcommand.name()).version(version())
          .mixinStandardHelpOptions(true);
      // The usage texts are laid out by hand: picocli must not wrap them at 80 columns.
      spec.usageMessage().description(subcommand.summary()).customSynopsis(synopsis(subcommand.usage())).width(USAGE_WIDTH);
      spec.parser().unmatchedOptionsArePositionalParams(true);
      spec.addPositional(PositionalParamSpec.builder()
          .index("0..*")
          .arity("0..*")
          .type(String[].class)
          .paramLabel("ARGUMENTS")
          .hidden(true)
          .setter(new CommandLine.Model.ISetter() {
            @Override
            public <T> T set(T value) {
              args.clear();
              if (value != null) {
                args.addAll(List.of((String[]) value));
              }
              return null;
            }
          })
          .build());
      return spec;
    }

    @Override
    public Integer call() throws Exception {
      return subcommand.action().run(context, List.copyOf(args));
    }

    /** "usage: qualityhub x ..." lines as picocli's synopsis, which its "Usage: " heading precedes. */
    private static String[] synopsis(String usage) {
      String text = usage.startsWith("usage: ") ? usage.substring("usage: ".length()) : usage;
      return text.replace("%", "%%").split("\n", -1);
    }
  }

  /** Subcommand names, for tests that walk them all. */
  static Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>();
    SUBCOMMANDS.forEach(subcommand -> names.add(subcommand.name()));
    return names;
  }
}
