package io.qualityhub.local;

import io.qualityhub.reports.function.ReportVerifier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * {@code ./qualityhub report verify (--report ID | --all)}: rebuilds every stored version of the report (or of every
 * report) from the snapshot it names and compares it with what was stored, byte for byte; prints {@code verified ID
 * VERSION} or {@code differs ID VERSION: what} per version; exit 0 when every version verified, 1 when any differs.
 * It only reads (the report index, the renderings' versions, the snapshots): on a stack, the role
 * {@code ReportVerifierRole} suffices.
 */
final class ReportVerifyCommand {

  static final String USAGE = "usage: qualityhub report verify (--report ID | --all) " + AwsTarget.USAGE
      + "   (rebuilds each stored report version from its snapshot and compares it byte for byte;"
      + " exit 0 all verified, 1 any differs)";

  private final Path projectRoot;
  private final PrintStream out;

  ReportVerifyCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--report"), Set.of("--all"), USAGE);
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected arguments " + options.positional() + "\n" + USAGE);
    }
    if (options.flag("--all") == options.value("--report").isPresent()) {
      throw new UsageException("give either --report ID or --all\n" + USAGE);
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, System.err)) {
      ReportVerifier verifier = new ReportVerifier(local.clients().s3(), local.physicalId("ReportsBucket"),
          local.clients().dynamoDb(), local.physicalId("ReportsTable"),
          ZoneId.of(local.settingsOf("ReportFunction").required("COMPANY_TIME_ZONE")));
      List<ReportVerifier.Outcome> outcomes;
      try {
        outcomes = options.flag("--all") ? verifier.verifyAll() : verifier.verify(options.value("--report").get());
      } catch (ReportVerifier.UnknownReportException e) {
        throw new UsageException(e.getMessage());
      }
      outcomes.forEach(outcome -> out.println(outcome.line()));
      long differing = outcomes.stream().filter(outcome -> !outcome.verified()).count();
      out.println(outcomes.size() - differing + " report versions verified, " + differing + " differ.");
      return differing == 0 ? QualityHubCli.DONE : QualityHubCli.CHECK_FAILED;
    }
  }
}
