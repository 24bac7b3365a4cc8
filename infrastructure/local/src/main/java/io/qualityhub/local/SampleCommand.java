package io.qualityhub.local;

import io.qualityhub.core.config.Settings;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.sampling.domain.AdhocOrder;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.InvalidAdhocOrderException;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import io.qualityhub.sampling.domain.PopulationChanges;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.function.AdhocOrderStore;
import io.qualityhub.sampling.function.AdhocOutcome;
import io.qualityhub.sampling.function.AdhocVerification;
import io.qualityhub.sampling.function.PeriodSecrets;
import io.qualityhub.sampling.function.PlanSource;
import io.qualityhub.sampling.function.PopulationReader;
import io.qualityhub.sampling.function.SampleStore;
import io.qualityhub.sampling.function.SampleVerification;
import io.qualityhub.sampling.function.SamplingWiring;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./qualityhub sample verify --period P}: draws the period again from its secret, the population frozen at the
 * draw (checked against the hash the sample recorded) and the plan kept with the sample, and lists every difference
 * from the stored sample; then carries out the period's ad-hoc orders again and lists how their stored tasks differ.
 * It also prints the records that entered the period after the draw ({@code late arrivals: N}, then per stratum),
 * left it or changed, which are no difference. Exit status 0 when there is none, 1 when there is any.
 *
 * <p>{@code ./qualityhub sample adhoc --branch B --type T --reason TEXT (--count N | --ids ID,...) [--period P]}:
 * an ad-hoc inspection (policy II.2.2) of records of one type at one branch, assigned like drawn tasks, sent to the
 * inspection queue and the team's task list marked ad hoc, with the reason and the caller as requester, and put on
 * the audit trail. The same order again the same day creates nothing new.
 */
final class SampleCommand {

  static final String USAGE = "usage: qualityhub sample verify --period P " + AwsTarget.USAGE
      + "   (P: 2026-11 or 2026-W47)\n"
      + "       qualityhub sample adhoc --branch B --type T --reason TEXT (--count N | --ids ID,...) [--period P] "
      + AwsTarget.USAGE + "   (P: the type's period holding the records; default the one holding today)";

  private final Path projectRoot;
  private final PrintStream out;
  private final Clock clock;

  SampleCommand(Path projectRoot, PrintStream out) {
    this(projectRoot, out, Clock.systemUTC());
  }

  /** @param clock the day an ad-hoc order is given, read in the company's time zone */
  SampleCommand(Path projectRoot, PrintStream out, Clock clock) {
    this.projectRoot = projectRoot;
    this.out = out;
    this.clock = clock;
  }

  int run(List<String> args) {
    if (args.isEmpty() || !(args.getFirst().equals("verify") || args.getFirst().equals("adhoc"))) {
      throw new UsageException("sample needs the action verify or adhoc\n" + USAGE);
    }
    List<String> rest = args.subList(1, args.size());
    return args.getFirst().equals("verify") ? verify(rest) : adhoc(rest);
  }

  private int verify(List<String> args) {
    Options options = Options.parse(args, AwsTarget.optionsWith("--period"), Set.of(), USAGE);
    String periodText = options.value("--period").orElseThrow(() -> new UsageException("--period is required\n" + USAGE));
    Period period = period(periodText);
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      SampleVerification.Result result = check(local, period);
      List<SampleDifference> differences = new ArrayList<>(result.differences());
      differences.addAll(verifyAdhoc(local, period));
      result.changes().ifPresent(this::printChanges);
      if (differences.isEmpty()) {
        out.println("Sample " + period + " verified: the stored sample is exactly what the method draws"
            + (result.changes().isPresent() ? " from the population frozen at the draw" : "")
            + " (and its ad-hoc orders, if any, exactly what they give).");
        return 0;
      }
      out.println("Sample " + period + " differs from a fresh draw (" + differences.size() + " difference"
          + (differences.size() == 1 ? "" : "s") + "):");
      differences.forEach(difference -> out.println("  " + difference.describe()));
      return 1;
    }
  }

  private int adhoc(List<String> args) {
    Options options = Options.parse(args,
        AwsTarget.optionsWith("--branch", "--type", "--reason", "--count", "--ids", "--period"), Set.of(), USAGE);
    String branch = required(options, "--branch");
    String type = required(options, "--type");
    String reason = required(options, "--reason");
    int count = options.value("--count").map(SampleCommand::count).orElse(0);
    List<String> ids = options.value("--ids").map(text -> Arrays.asList(text.split(",", -1))).orElse(List.of());
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, out)) {
      Settings settings = local.settingsOf("SamplingFunction");
      ZoneId zone = ZoneId.of(settings.optional("COMPANY_TIME_ZONE").orElse("Asia/Taipei"));
      LocalDate today = LocalDate.now(clock.withZone(zone));
      Period period = options.value("--period").map(SampleCommand::period)
          .orElseGet(() -> Period.containing(today, frequencyOf(type, settings)));
      CliAudit.Principal requester = CliAudit.principal(local);
      AdhocOrder order;
      AdhocOutcome outcome;
      try {
        order = new AdhocOrder(period, branch, type, reason, requester.who(), today, count, ids);
        outcome = SamplingWiring.adhocOrders(settings, local.clientsFor("SamplingFunction"), refused -> { },
            (unassignedPeriod, roster, tasks) -> out.println("WARNING: " + tasks.size() + " task"
                + (tasks.size() == 1 ? " has" : "s have") + " no eligible inspector (active, on the team, not from "
                + branch + ", with capacity left): " + tasks.stream().map(InspectionTask::taskId)
                .collect(Collectors.joining(", ")) + ". Upload a roster that covers them.")).order(order);
      } catch (InvalidAdhocOrderException e) {
        throw new UsageException(e.getMessage() + "\n" + USAGE);
      }
      if (!outcome.orderedBefore()) {
        audit(local, order, outcome);
      }
      out.println("Ad-hoc order " + outcome.orderId() + (outcome.orderedBefore() ? " (given before; completed)" : "")
          + ": " + outcome.tasks().size() + " " + type + " task" + (outcome.tasks().size() == 1 ? "" : "s") + " at "
          + branch + " in " + period + ", " + outcome.tasksCreated() + " new, " + outcome.messagesSent()
          + " sent to the inspection queue.");
      for (InspectionTask task : outcome.tasks()) {
        out.println("  " + task.taskId() + "  " + task.record().recordId() + "  inspector "
            + (task.assignment().assigned() ? task.assignment().inspectorId() : "none (unassigned)")
            + (task.assignment().doubleScored() ? ", second " + task.assignment().secondInspectorId() : "")
            + "  due " + task.dueOn());
      }
      out.println("Task lists: " + String.join(", ", outcome.taskLists()));
      return 0;
    }
  }

  /** Puts an order carried out for the first time on the audit trail, under its requester. */
  static void audit(LocalDeployment local, AdhocOrder order, AdhocOutcome outcome) {
    CliAudit.append(local, AccessRecord.ADHOC_INSPECTION, "ad-hoc inspection order " + outcome.orderId() + " of "
        + order.recordType() + " at " + order.branch() + " in " + order.period() + " ("
        + (order.count() > 0 ? "count " + order.count() : "ids") + "), reason: " + order.reason() + "; tasks "
        + outcome.tasks().stream().map(InspectionTask::taskId).collect(Collectors.joining(",")), outcome.tasks().size());
  }

  private static String required(Options options, String name) {
    return options.value(name).orElseThrow(() -> new UsageException(name + " is required\n" + USAGE));
  }

  private static int count(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--count: \"" + text + "\" is not a whole number of records\n" + USAGE);
    }
  }

  private static Period period(String text) {
    try {
      return Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + "\n" + USAGE);
    }
  }

  /** The type's sampling frequency under the plan in force; monthly for a type the plan does not know (refused later). */
  private static PeriodType frequencyOf(String type, Settings settings) {
    return new PlanSource(settings.optional(PlanSource.OVERRIDE_VARIABLE).orElse(null)).current().forType(type)
        .map(plan -> plan.period()).orElse(PeriodType.MONTHLY);
  }

  /**
   * Records that entered the period after the draw, left it, or changed in a sampled column: none of them counts
   * against the sample, which is drawn again from the population frozen at the draw.
   */
  private void printChanges(PopulationChanges changes) {
    out.println("late arrivals: " + changes.arrivals());
    changes.arrived().forEach((stratum, count) -> out.println("  " + stratum + ": " + count));
    out.println("left since the draw: " + changes.departures());
    changes.left().forEach((stratum, count) -> out.println("  " + stratum + ": " + count));
    out.println("changed since the draw: " + changes.changes());
    changes.changed().forEach((stratum, count) -> out.println("  " + stratum + ": " + count));
  }

  static List<SampleDifference> verify(LocalDeployment local, Period period) {
    return check(local, period).differences();
  }

  static SampleVerification.Result check(LocalDeployment local, Period period) {
    String table = LocalRecords.table(local);
    // A task refused for its seal is left out of the stored sample, so it shows as a difference.
    SampleStore store = new SampleStore(local.clients().dynamoDb(), seal(local), refused -> { });
    return new SampleVerification(store,
        new PopulationReader(local.clients().dynamoDb(), table, Long.MAX_VALUE),
        new PeriodSecrets(local.clients().kms(), local.attribute("SamplingKey", "Arn")),
        SamplingWiring.frozenPopulations(local.settingsOf("SamplingFunction"), local.clients())).check(period);
  }

  static List<SampleDifference> verifyAdhoc(LocalDeployment local, Period period) {
    ItemSeal seal = seal(local);
    return new AdhocVerification(new SampleStore(local.clients().dynamoDb(), seal, refused -> { }),
        new AdhocOrderStore(local.clients().dynamoDb(), seal, refused -> { }),
        new PopulationReader(local.clients().dynamoDb(), LocalRecords.table(local), Long.MAX_VALUE),
        new PeriodSecrets(local.clients().kms(), local.attribute("SamplingKey", "Arn"))).verify(period);
  }

  private static ItemSeal seal(LocalDeployment local) {
    return ItemSeal.ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"), local.clients());
  }
}
