package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.core.metrics.ItemsRefusedMetric;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.time.AsOf;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Report function: invoked by EventBridge Scheduler (monthly on the 1st, quarterly) and on demand
 * for one report or a special report; see {@link ReportOrder} for the input. Returns the index
 * entries of the reports it stored.
 */
public final class ReportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  public static final String TARGETS_VARIABLE = "INDICATOR_TARGETS";

  private static final Logger LOG = LoggerFactory.getLogger(ReportHandler.class);

  private final ReportService service;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public ReportHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local run and tests, with the emulator's clients and their own clock. */
  public ReportHandler(Settings environment, AwsClients clients, Clock clock) {
    this(environment, clients, clock, new ItemsRefusedMetric());
  }

  /** @param refused where aggregates, actions and tasks refused for their seal are counted (in Lambda: metric ItemsRefused) */
  public ReportHandler(Settings environment, AwsClients clients, Clock clock, IntegrityFailures refused) {
    this.service = ReportWiring.of(environment, clients, clock, refused);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> produce(input));
  }

  /** Builds and stores what {@code input} orders; returns the stored reports by id. */
  public Map<String, Object> produce(Map<String, ?> input) {
    AsOf now = service.now();
    List<StoredReport> reports = service.produce(ReportOrder.parse(input, service.dateOf(now)), now);
    FunctionMetrics.publish("ReportsBuilt", reports.size());
    Map<String, Object> result = new LinkedHashMap<>();
    for (StoredReport report : reports) {
      LOG.info("report stored", entry("reportId", report.reportId()), entry("period", report.period()),
          entry("scope", report.scope()));
      Map<String, Object> objects = new LinkedHashMap<>();
      report.objects().forEach((format, object) -> objects.put(format.extension(),
          Map.of("key", object.key(), "sha256", object.sha256(), "bytes", object.bytes())));
      result.put(report.reportId(), objects);
    }
    return result;
  }
}
