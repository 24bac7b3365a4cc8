package io.qualityhub.monitor;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.deadlines.BusinessCalendars;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deadline monitor run ({@link DeadlineMonitor}) made visible: its problems, refusals and missing recipients in the
 * log, its counts as metrics, the holiday calendars' coverage checked at start-up and on every run, and the summary
 * the function returns. A run with problems fails, so that Lambda retries it under the same run id.
 */
final class MonitorService {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longer than any severe threshold of the default policy: holidays must be known that far ahead. */
  private static final int CALENDAR_HORIZON_DAYS = 90;

  private final Function<MonitorRequest, MonitorRun> monitor;
  private final BusinessCalendars calendars;
  private final ZoneId zone;
  private final String metricsNamespace;
  private final List<String> calendarProblems;

  /**
   * @param monitor          {@link DeadlineMonitor#run}
   * @param zone             the deadline policy's time zone, where the run's day is told
   * @param metricsNamespace the function's {@code POWERTOOLS_METRICS_NAMESPACE}
   * @param clock            tells the start-up day, from which the calendars must cover {@value #CALENDAR_HORIZON_DAYS} days
   */
  MonitorService(Function<MonitorRequest, MonitorRun> monitor, BusinessCalendars calendars, ZoneId zone,
      String metricsNamespace, Clock clock) {
    this.monitor = monitor;
    this.calendars = calendars;
    this.zone = zone;
    this.metricsNamespace = metricsNamespace;
    LocalDate today = LocalDate.now(clock.withZone(zone));
    this.calendarProblems = calendars.coverageProblems(today, today.plusDays(CALENDAR_HORIZON_DAYS));
    calendarProblems.forEach(problem -> LOG.warn(problem));
    calendars.provisionalYears(today, today.plusDays(CALENDAR_HORIZON_DAYS)).forEach(message -> LOG.warn(message));
  }

  /** The years within the start-up horizon whose holidays the policy does not list (empty when none). */
  List<String> calendarProblems() {
    return calendarProblems;
  }

  /** Days from the run's date until some country's holidays are no longer listed: the alarmed metric. */
  long calendarCoverageDaysLeft(MonitorRun run) {
    return calendars.daysOfCoverageLeft(LocalDate.ofInstant(run.asOf(), zone));
  }

  /** One run, its problems and figures logged; {@link #complete} publishes it. */
  MonitorRun run(MonitorRequest request) {
    MonitorRun run = monitor.apply(request);
    calendars.coverageEndingSoon(LocalDate.ofInstant(run.asOf(), zone))
        .forEach(message -> LOG.warn(message, entry("runId", run.runId())));
    run.missingRecipients().forEach(message -> LOG.warn(message, entry("runId", run.runId())));
    run.problems().forEach(problem -> LOG.error(problem, entry("runId", run.runId())));
    run.refused().forEach(refusal -> LOG.error(refusal, entry("runId", run.runId())));
    MonitorRun.Counts counts = run.counts();
    LOG.info("deadline run {}", run.runId(), entry("asOf", run.asOf().toString()), entry("scope", run.scope().wireName()),
        entry("policyVersion", run.policyVersion()), entry("itemsRead", counts.itemsRead()),
        entry("alertsDue", counts.alertsDue()), entry("alertsSent", counts.alertsSent()),
        entry("alertsSentBefore", counts.alertsSentBefore()), entry("alertsHeld", counts.alertsHeld()),
        entry("digests", run.digests().size()), entry("topicMessages", counts.topicMessages()),
        entry("alertRecord", run.alertRecordKey()), entry("uploadsJudged", run.uploads().size()),
        entry("uploadsMissing", run.uploads().stream().filter(verdict -> verdict.arrivedAt().isEmpty()).count()));
    return run;
  }

  /**
   * Publishes the run's metrics and returns its summary.
   *
   * @throws MonitorRunIncompleteException when the run did not finish its work
   */
  ObjectNode complete(MonitorRun run) {
    long coverageDaysLeft = calendarCoverageDaysLeft(run);
    MonitorMetrics.publish(run, calendarProblems.size(), coverageDaysLeft, metricsNamespace);
    if (!run.problems().isEmpty()) {
      throw new MonitorRunIncompleteException(run.runId(), run.problems());
    }
    ObjectNode summary = JSON.createObjectNode()
        .put("runId", run.runId())
        .put("asOf", run.asOf().toString())
        .put("scope", run.scope().wireName())
        .put("alertRecord", run.alertRecordKey())
        .put("digests", run.digests().size())
        .put("missingRecipients", run.missingRecipients().size())
        .put("calendarCoverageDaysLeft", coverageDaysLeft);
    summary.set("counts", JSON.valueToTree(run.counts()));
    return summary;
  }
}
