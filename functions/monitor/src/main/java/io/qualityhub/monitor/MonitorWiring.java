package io.qualityhub.monitor;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.deadlines.AlertRouter;
import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.deadlines.DigestBuilder;
import io.qualityhub.deadlines.RecipientsDirectory;
import io.qualityhub.deadlines.UploadCalendar;
import io.qualityhub.deadlines.UploadExpectations;
import io.qualityhub.intake.DeadlineIndexer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** The deadline monitor function's service, built from its settings and clients. */
final class MonitorWiring {

  private static final String RECIPIENTS_VARIABLE = "ALERT_RECIPIENTS";
  private static final String RECIPIENTS_RESOURCE = "/recipients.json";

  private MonitorWiring() {}

  static MonitorService of(Settings environment, AwsClients clients, Clock clock) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    String table = settings.required("RECORDS_TABLE");
    String sender = settings.required("ALERT_SENDER_EMAIL");
    String metricsNamespace = settings.required("POWERTOOLS_METRICS_NAMESPACE");
    DeadlineIndexer deadlines = DeadlineIndexer.fromSettings(settings);
    ZoneId zone = deadlines.policy().timeZone();
    DynamoDbClient dynamoDb = clients.dynamoDb();
    byte[] sealKey = SealKey.derive(clients.kms(), settings.required(SealKey.KEY_VARIABLE));
    RecipientsDirectory recipients = recipients(settings);
    MonitorAggregateSlots aggregateSlots = new MonitorAggregateSlots(dynamoDb,
        new ItemSeal(settings.required("REPORTS_TABLE"), sealKey));
    DeadlineMonitor monitor = new DeadlineMonitor(
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
    return new MonitorService(monitor::run, deadlines.policy().calendars(), zone, metricsNamespace, clock);
  }

  /** {@code UPLOAD_CALENDAR} (the configuration store's {@code upload-calendar}) when set; else every branch is learned. */
  private static UploadCalendar uploadCalendar(Settings settings) {
    return settings.optional(MonitorHandler.UPLOAD_CALENDAR_VARIABLE)
        .map(json -> UploadCalendar.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            UploadKey.branchTypes(), MonitorHandler.UPLOAD_CALENDAR_VARIABLE))
        .orElseGet(UploadCalendar::learnedOnly);
  }

  /** {@code ALERT_RECIPIENTS} (the directory as JSON) when set, else the directory packaged with the function. */
  private static RecipientsDirectory recipients(Settings settings) {
    return settings.optional(RECIPIENTS_VARIABLE)
        .map(json -> RecipientsDirectory.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .orElseGet(() -> {
          try (InputStream packaged = MonitorWiring.class.getResourceAsStream(RECIPIENTS_RESOURCE)) {
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
