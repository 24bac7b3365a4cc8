package io.qualityhub.local;

import io.qualityhub.reports.function.maintenance.ResealHandler;
import io.qualityhub.reports.function.maintenance.ResealOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./qualityhub reseal}: the one-off upgrade step that seals items stored before seals existed, run as the
 * re-seal function ({@link MaintenanceFunctions}); docs/operations/upgrade.md. Exit 1 when items are left refused.
 */
final class ResealCommand {

  static final String USAGE = "usage: qualityhub reseal " + AwsTarget.USAGE;

  private final Path projectRoot;
  private final PrintStream out;

  ResealCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.OPTIONS, Set.of(), USAGE);
    if (!options.positional().isEmpty()) {
      throw new UsageException(USAGE);
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      ResealOutcome outcome = ResealOutcome.fromResponse(MaintenanceFunctions.call(local, "ResealFunction",
          Map.of("requestedBy", CliAudit.principal(local).who()), ResealHandler::new));
      out.println((outcome.completedNow() ? "Sealed " + outcome.sealed() + " items stored before seals; the pass is complete"
          + " and seals nothing from now on." : "The re-seal pass completed at " + outcome.completedAt() + " and sealed nothing"
          + " this time.") + " " + outcome.alreadySealed() + " items were sealed already.");
      long left = outcome.refused() + outcome.leftUnsealed();
      if (left > 0) {
        out.println(left + " items stay refused (" + outcome.refused() + " with a seal that fails, " + outcome.leftUnsealed()
            + " without a seal after completion): the log names each; see docs/operations/runbooks.md, ItemSealRefusedAlarm.");
        return QualityHubCli.CHECK_FAILED;
      }
      return QualityHubCli.DONE;
    }
  }
}
