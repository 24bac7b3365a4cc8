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
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.core.time.AsOf;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Sampling function, invoked by the weekly and monthly schedules (or by hand with {@code {"period": "2026-11"}}):
 * draws the period ({@link SamplingRequest}) and issues its inspection tasks ({@link PeriodSampling}). Logs ids and
 * counts, never the secret or record content.
 */
public final class SamplingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(SamplingHandler.class);

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
    this.sampling = SamplingWiring.periodSampling(settings, clients, refused, alerts, repeatViolatorAlerts);
    this.companyZone = ZoneId.of(settings.optional("COMPANY_TIME_ZONE").orElse("Asia/Taipei"));
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      SamplingOutcome outcome = sample(SamplingRequest.periodOf(input, companyZone, AsOf.now(clock)));
      if (outcome.populationChanged()) {
        LOG.warn("population changed since the period was drawn; the stored sample stands",
            entry("period", outcome.period().toString()));
      }
      LOG.info("period sampled", entry("period", outcome.period().toString()), entry("planVersion", outcome.planVersion()),
          entry("populationSize", outcome.populationSize()), entry("itemsRead", outcome.itemsRead()),
          entry("tasks", outcome.tasks().size()), entry("tasksCreated", outcome.tasksCreated()),
          entry("messagesSent", outcome.messagesSent()), entry("drawnBefore", outcome.drawnBefore()));
      return outcome.summary();
    });
  }

  /** The run behind the handler, for the local run and tests that want the whole outcome. */
  public SamplingOutcome sample(Period period) {
    SamplingOutcome outcome = sampling.run(period);
    FunctionMetrics.publish(Map.of("TasksDrawn", outcome.tasks().size(), "TasksCreated", outcome.tasksCreated()));
    return outcome;
  }
}
