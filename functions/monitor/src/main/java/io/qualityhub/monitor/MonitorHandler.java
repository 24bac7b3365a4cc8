package io.qualityhub.monitor;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.deadlines.AlertRouter;
import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.deadlines.BusinessCalendars;
import io.qualityhub.deadlines.DigestBuilder;
import io.qualityhub.deadlines.RecipientsDirectory;
import io.qualityhub.deadlines.UploadCalendar;
import io.qualityhub.deadlines.UploadExpectations;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.intake.DeadlineIndexer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Deadline monitor function, invoked by the EventBridge Scheduler schedules with
 * {@code {"asOf": "<aws.scheduler.scheduled-time>", "scope": "all|green_channel"}}. Returns a JSON
 * summary of the run; fails (and so is retried, resuming under the same run id) when a message was
 * not accepted or an item could not be read.
 */
public final class MonitorHandler implements RequestStreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECIPIENTS_VARIABLE = "ALERT_RECIPIENTS";
  private static final String RECIPIENTS_RESOURCE = "/recipients.json";
  /** The upload calendar, as the configuration store's {@code upload-calendar} document lays it over the environment. */
  public static final String UPLOAD_CALENDAR_VARIABLE = "UPLOAD_CALENDAR";
  /** Longer than any severe threshold of the default policy: holidays must be known that far ahead. */
  private static final int CALENDAR_HORIZON_DAYS = 90;

  private final DeadlineMonitor monitor;
  private final BusinessCalendars calendars;
  private final ZoneId zone;
  private final List<String> calendarProblems;
  private final String metricsNamespace;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public MonitorHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local run and tests, which give the emulator's clients and their own clock. */
  public MonitorHandler(Settings environment, AwsClients clients, Clock clock) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    String table = settings.required("RECORDS_TABLE");
    String sender = settings.required("ALERT_SENDER_EMAIL");
    this.metricsNamespace = settings.required("POWERTOOLS_METRICS_NAMESPACE");
    DeadlineIndexer deadlines = DeadlineIndexer.fromSettings(settings);
    ZoneId zone = deadlines.policy().timeZone();
    DynamoDbClient dynamoDb = clients.dynamoDb();
    byte[] sealKey = SealKey.derive(clients.kms(), settings.required(SealKey.KEY_VARIABLE));
    RecipientsDirectory recipients = recipients(settings);
    MonitorAggregateSlots aggregateSlots = new MonitorAggregateSlots(dynamoDb,
        new ItemSeal(settings.required("REPORTS_TABLE"), sealKey));
    this.monitor = new DeadlineMonitor(
        new DueIndex(dynamoDb, table, new ItemSeal(table, sealKey)),
        new AlertClaimStore(dynamoDb, table),
        deadlines,
        new AlertRouter(recipients),
        new DigestBuilder(zone, BranchDirectory.fromSetting(settings.optional(BranchDirectory.VARIABLE).orElse(null)),
            recipients),
        new DigestMail(sender, zone),
        new MailSender(clients.configure(SesV2Client.builder()).build(), sender),
        new AlertTopicPublisher(clients.configure(SnsClient.builder()).build(), settings.required("ALERT_TOPIC_ARN")),
        new AlertRecordWriter(clients.s3(), settings.required("INTAKE_BUCKET"), settings.required("INFRA_KEY_ARN"), zone),
        new OverdueClaimsSnapshot(aggregateSlots),
        new UploadWatch(new UploadArrivals(dynamoDb, table, new ItemSeal(table, sealKey)),
            new UploadExpectations(deadlines.policy(), uploadCalendar(settings)),
            new UploadPunctualitySnapshot(aggregateSlots), zone),
        clock);
    this.calendars = deadlines.policy().calendars();
    this.zone = zone;
    LocalDate today = LocalDate.now(clock.withZone(zone));
    this.calendarProblems = calendars.coverageProblems(today, today.plusDays(CALENDAR_HORIZON_DAYS));
    calendarProblems.forEach(problem -> LOG.warn(problem));
    calendars.provisionalYears(today, today.plusDays(CALENDAR_HORIZON_DAYS)).forEach(message -> LOG.warn(message));
  }

  /** The years within the start-up horizon whose holidays the policy does not list (empty when none). */
  public List<String> calendarProblems() {
    return calendarProblems;
  }

  /** Days from the run's date until some country's holidays are no longer listed: the alarmed metric. */
  public long calendarCoverageDaysLeft(MonitorRun run) {
    return calendars.daysOfCoverageLeft(LocalDate.ofInstant(run.asOf(), zone));
  }

  /** One run, as the local demo and the tests drive it; {@link #handleRequest} adds metrics and the failure signal. */
  public MonitorRun run(MonitorRequest request) {
    MonitorRun run = monitor.run(request);
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

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    MonitorRun run = PowertoolsLogging.withLogging(context, () -> run(MonitorRequest.parse(input)));
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
    JSON.writeValue(output, summary);
  }

  /** {@code UPLOAD_CALENDAR} (the configuration store's {@code upload-calendar}) when set; else every branch is learned. */
  private static UploadCalendar uploadCalendar(Settings settings) {
    return settings.optional(UPLOAD_CALENDAR_VARIABLE)
        .map(json -> UploadCalendar.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            UploadKey.branchTypes(), UPLOAD_CALENDAR_VARIABLE))
        .orElseGet(UploadCalendar::learnedOnly);
  }

  /** {@code ALERT_RECIPIENTS} (the directory as JSON) when set, else the directory packaged with the function. */
  private static RecipientsDirectory recipients(Settings settings) {
    return settings.optional(RECIPIENTS_VARIABLE)
        .map(json -> RecipientsDirectory.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .orElseGet(() -> {
          try (InputStream packaged = MonitorHandler.class.getResourceAsStream(RECIPIENTS_RESOURCE)) {
            if (packaged == null) {
              throw new IllegalStateException(RECIPIENTS_RESOURCE + " is missing from the function package and "
                  + RECIPIENTS_VARIABLE + " is not set; rebuild functions/monitor or set the AlertRecipients parameter");
            }
            return RecipientsDirectory.load(packaged);
          } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RECIPIENTS_RESOURCE, e);
          }
        });
  }
}
