package io.qualityhub.sampling.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.core.metrics.ItemsRefusedMetric;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.sampling.domain.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Sampling function, invoked by the weekly and monthly schedules (or by hand with {@code {"period": "2026-11"}}):
 * draws the period ({@link SamplingRequest}) and issues its inspection tasks. Logs ids and counts, never the secret
 * or record content.
 */
public final class SamplingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(SamplingHandler.class);
  static final long DEFAULT_MAX_ITEMS_READ = 50_000_000L;

  private final PeriodSampling sampling;
  private final ZoneId companyZone;
  private final Clock clock;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public SamplingHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC(), new ItemsRefusedMetric(),
        UnassignedTasksAlarm.onLambda(), RepeatViolatorsAlarm.onLambda());
  }

  /** Used by the local run and tests: unassigned tasks are logged, not published as a metric. */
  public SamplingHandler(Settings environment, AwsClients clients, Clock clock) {
    this(environment, clients, clock, new ItemsRefusedMetric(), UnassignedTasksAlarm.logOnly(),
        RepeatViolatorsAlarm.logOnly());
  }

  /** @param refused where sample and task items refused for their seal are counted (in Lambda: metric ItemsRefused) */
  public SamplingHandler(Settings environment, AwsClients clients, Clock clock, IntegrityFailures refused) {
    this(environment, clients, clock, refused, UnassignedTasksAlarm.logOnly(), RepeatViolatorsAlarm.logOnly());
  }

  /** Used by tests that see what the run alerts. */
  public SamplingHandler(Settings environment, AwsClients clients, Clock clock, IntegrityFailures refused,
      AssignmentAlerts alerts, RepeatViolatorAlerts repeatViolatorAlerts) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    String table = settings.required("RECORDS_TABLE");
    this.sampling = new PeriodSampling(
        new PlanSource(settings.optional(PlanSource.OVERRIDE_VARIABLE).orElse(null)),
        populationReader(settings, clients),
        new PeriodSecrets(clients.kms(), settings.required("SAMPLING_KEY_ARN")),
        new SampleStore(clients.dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", settings, clients), refused),
        frozenPopulations(settings, clients),
        new InspectionQueue(clients.configure(SqsClient.builder()).build(), settings.required("INSPECTION_QUEUE_URL")),
        new TaskLists(clients.s3(), settings.required("INTAKE_BUCKET"), settings.required("INFRA_KEY_ARN")),
        alerts, repeatViolatorAlerts);
    this.companyZone = ZoneId.of(settings.optional("COMPANY_TIME_ZONE").orElse("Asia/Taipei"));
    this.clock = clock;
  }

  /**
   * Ad-hoc orders with the sampling function's configuration and rights ({@code ./qualityhub sample adhoc}).
   *
   * @param alerts where tasks no eligible inspector could take are reported
   */
  public static AdhocOrders adhocOrders(Settings environment, AwsClients clients, IntegrityFailures refused,
      AssignmentAlerts alerts) {
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    ItemSeal seal = ItemSeal.ofTable("RECORDS_TABLE", settings, clients);
    return new AdhocOrders(new PlanSource(settings.optional(PlanSource.OVERRIDE_VARIABLE).orElse(null)),
        populationReader(settings, clients), new PeriodSecrets(clients.kms(), settings.required("SAMPLING_KEY_ARN")),
        new SampleStore(clients.dynamoDb(), seal, refused), new AdhocOrderStore(clients.dynamoDb(), seal, refused),
        new InspectionQueue(clients.configure(SqsClient.builder()).build(), settings.required("INSPECTION_QUEUE_URL")),
        new TaskLists(clients.s3(), settings.required("INTAKE_BUCKET"), settings.required("INFRA_KEY_ARN")), alerts);
  }

  /** Where the draws' populations are frozen: the reports bucket, under the reports key. */
  public static FrozenPopulations frozenPopulations(Settings settings, AwsClients clients) {
    return new FrozenPopulations(clients.s3(), settings.required("REPORTS_BUCKET"), settings.required("REPORTS_KEY_ARN"));
  }

  static PopulationReader populationReader(Settings settings, AwsClients clients) {
    return new PopulationReader(clients.dynamoDb(), settings.required("RECORDS_TABLE"),
        settings.optional("SAMPLING_MAX_ITEMS_READ").map(Long::parseLong).orElse(DEFAULT_MAX_ITEMS_READ));
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(input));
  }

  private Map<String, Object> handle(Map<String, Object> input) {
    Period period = SamplingRequest.periodOf(input, companyZone, LocalDate.now(clock.withZone(companyZone)));
    SamplingOutcome outcome = sample(period);
    if (outcome.populationChanged()) {
      LOG.warn("population changed since the period was drawn; the stored sample stands",
          entry("period", period.toString()));
    }
    LOG.info("period sampled", entry("period", period.toString()), entry("planVersion", outcome.planVersion()),
        entry("populationSize", outcome.populationSize()), entry("itemsRead", outcome.itemsRead()),
        entry("tasks", outcome.tasks().size()), entry("tasksCreated", outcome.tasksCreated()),
        entry("messagesSent", outcome.messagesSent()), entry("drawnBefore", outcome.drawnBefore()));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("period", period.toString());
    result.put("planVersion", outcome.planVersion());
    result.put("populationSize", outcome.populationSize());
    result.put("tasks", outcome.tasks().size());
    result.put("tasksCreated", outcome.tasksCreated());
    result.put("messagesSent", outcome.messagesSent());
    result.put("taskLists", outcome.taskLists());
    result.put("populationChanged", outcome.populationChanged());
    return result;
  }

  /** The run behind the handler, for the local run and tests that want the whole outcome. */
  public SamplingOutcome sample(Period period) {
    SamplingOutcome outcome = sampling.run(period);
    FunctionMetrics.publish(Map.of("TasksDrawn", outcome.tasks().size(), "TasksCreated", outcome.tasksCreated()));
    return outcome;
  }
}
