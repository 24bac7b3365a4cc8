package io.qualityhub.local;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.function.PeriodSecrets;
import io.qualityhub.sampling.function.PopulationReader;
import io.qualityhub.sampling.function.SampleStore;
import io.qualityhub.sampling.function.SampleVerification;
import io.qualityhub.sampling.function.SamplingHandler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ./qualityhub sample verify --period P}: draws the period again from its secret, the population as stored
 * now and the plan kept with the sample, and lists every difference from the stored sample. Exit status 0 when
 * there is none, 1 when there is any.
 */
final class SampleCommand {

  static final String USAGE = "usage: qualityhub sample verify --period P " + AwsTarget.USAGE + "   (P: 2026-11 or 2026-W47)";

  private final Path projectRoot;
  private final PrintStream out;

  SampleCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    if (args.isEmpty() || !args.getFirst().equals("verify")) {
      throw new UsageException("sample needs the action verify\n" + USAGE);
    }
    Options options = Options.parse(args.subList(1, args.size()), AwsTarget.optionsWith("--period"), Set.of(), USAGE);
    String periodText = options.value("--period").orElseThrow(() -> new UsageException("--period is required\n" + USAGE));
    Period period;
    try {
      period = Period.parse(periodText);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + "\n" + USAGE);
    }
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      List<SampleDifference> differences = verify(local, period);
      if (differences.isEmpty()) {
        out.println("Sample " + period + " verified: the stored sample is exactly what the method draws.");
        return 0;
      }
      out.println("Sample " + period + " differs from a fresh draw (" + differences.size() + " difference"
          + (differences.size() == 1 ? "" : "s") + "):");
      differences.forEach(difference -> out.println("  " + difference.describe()));
      return 1;
    }
  }

  static List<SampleDifference> verify(LocalDeployment local, Period period) {
    String table = LocalRecords.table(local);
    // A task refused for its seal is left out of the stored sample, so it shows as a difference.
    SampleStore store = new SampleStore(local.clients().dynamoDb(),
        SamplingHandler.sealOf(local.settingsOf("SamplingFunction"), local.clients()), refused -> { });
    return new SampleVerification(store,
        new PopulationReader(local.clients().dynamoDb(), table, Long.MAX_VALUE),
        new PeriodSecrets(local.clients().kms(), local.attribute("SamplingKey", "Arn"))).verify(period);
  }
}
