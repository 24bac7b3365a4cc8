package io.qualityhub.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.core.config.Settings;
import io.qualityhub.deadlines.AlertRecord;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorRun;
import io.qualityhub.monitor.MonitorScope;
import io.qualityhub.monitor.SentDigest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deadline monitor's daily run at 08:00 company time on the as-of date, after intake. Each
 * e-mail digest it sends is also written to {@code OUT/alerts/} as the {@code .eml} that went to SES
 * and as {@code .html}; {@code summary.json} gets the {@code alerts} the digests carried. Run again on
 * the same emulator, it finds every alert claimed and sends nothing.
 */
final class DeadlineMonitorStep implements DemoStep {

  private static final LocalTime DAILY_RUN = LocalTime.of(8, 0);

  @Override
  public String name() {
    return "deadline monitor";
  }

  @Override
  public void run(DemoContext context) throws IOException {
    Settings settings = context.local().settingsOf("MonitorFunction");
    context.local().verifyEmailSender(settings.required("ALERT_SENDER_EMAIL"));
    Instant asOf = context.asOf().atTime(DAILY_RUN).atZone(ZoneId.of(settings.required("COMPANY_TIME_ZONE"))).toInstant();
    Outcome outcome = runAsLambdaWould(context, settings, asOf);
    MonitorHandler monitor = outcome.monitor();
    MonitorRun run = outcome.run();

    Path alertsDir = context.outDir().resolve("alerts");
    clearEarlierDigests(alertsDir);
    for (SentDigest sent : run.digests()) {
      String name = fileName(sent.digest().recipient());
      Files.writeString(alertsDir.resolve(name + ".eml"), sent.mime(), StandardCharsets.US_ASCII);
      Files.writeString(alertsDir.resolve(name + ".html"), sent.digest().html(), StandardCharsets.UTF_8);
    }
    addToSummary(context.summary(), run, monitor);
    print(context.out(), run, monitor, alertsDir, context.local().physicalId("IntakeBucket"));
  }

  /** The function as started and the run it made, both of whose log lines go to the function log. */
  private record Outcome(MonitorHandler monitor, MonitorRun run) {}

  private static Outcome runAsLambdaWould(DemoContext context, Settings settings, Instant asOf) {
    PrintStream console = System.out;
    System.setOut(context.functionLog());
    try {
      MonitorHandler monitor = new MonitorHandler(settings, context.local().clientsFor("MonitorFunction"), Clock.fixed(asOf, ZoneOffset.UTC));
      return new Outcome(monitor, LocalService.invoke("MonitorFunction", () -> monitor.run(MonitorRequest.at(asOf, MonitorScope.ALL))));
    } finally {
      context.functionLog().flush();
      System.setOut(console);
    }
  }

  /** The directory shows this run's digests only: a rerun that sends nothing leaves it empty. */
  private static void clearEarlierDigests(Path alertsDir) throws IOException {
    Files.createDirectories(alertsDir);
    try (Stream<Path> files = Files.list(alertsDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml") || f.toString().endsWith(".html")).toList()) {
        Files.delete(file);
      }
    }
  }

  private static String fileName(String recipient) {
    return recipient.replaceAll("[^A-Za-z0-9@._-]", "_");
  }

  private static void addToSummary(ObjectNode summary, MonitorRun run, MonitorHandler handler) {
    ArrayNode alerts = summary.putArray("alerts");
    for (AlertRecord record : run.records()) {
      ObjectNode alert = alerts.addObject()
          .put("level", record.level())
          .put("recipient", record.recipient())
          .put("itemType", record.itemType())
          .put("clock", record.clock())
          .put("branch", record.branch());
      record.itemIds().forEach(alert.putArray("itemIds")::add);
    }
    ObjectNode monitor = summary.putObject("deadlineMonitor")
        .put("runId", run.runId())
        .put("asOf", run.asOf().toString())
        .put("policyVersion", run.policyVersion())
        .put("alertRecord", run.alertRecordKey())
        .put("digests", run.digests().size());
    monitor.putPOJO("counts", run.counts());
    run.missingRecipients().forEach(monitor.putArray("missingRecipients")::add);
    run.problems().forEach(monitor.putArray("problems")::add);
    monitor.put("calendarCoverageDaysLeft", handler.calendarCoverageDaysLeft(run));
    handler.calendarProblems().forEach(monitor.putArray("calendarProblems")::add);
    ArrayNode uploads = monitor.putArray("uploads");
    run.uploads().forEach(verdict -> uploads.addObject().put("upload", verdict.slot().itemId()).put("status", verdict.status())
        .put("cutoff", verdict.cutoff().toString()));
  }

  private static void print(PrintStream out, MonitorRun run, MonitorHandler handler, Path alertsDir, String bucket) {
    MonitorRun.Counts counts = run.counts();
    out.printf("  %d items due, %d alerts: %d sent now, %d sent by an earlier run%n", counts.itemsRead(),
        counts.alertsDue(), counts.alertsSent(), counts.alertsSentBefore());
    List<String> recipients = run.digests().stream().map(sent -> sent.digest().recipient()).toList();
    out.printf("  %d e-mail digests%s, %d topic messages%n", recipients.size(),
        recipients.isEmpty() ? "" : " (" + String.join(", ", recipients) + ")", counts.topicMessages());
    if (!recipients.isEmpty()) {
      out.println("  Digests: " + alertsDir + " (.eml and .html)");
    }
    run.uploads().stream().filter(verdict -> !verdict.onTime()).forEach(verdict -> out.println("  UPLOAD " + verdict.status()
        .toUpperCase(java.util.Locale.ROOT) + ": " + verdict.slot().itemId() + " (due " + verdict.cutoff() + ")"));
    run.missingRecipients().forEach(message -> out.println("  MISSING RECIPIENT: " + message));
    run.problems().forEach(problem -> out.println("  PROBLEM: " + problem));
    handler.calendarProblems().forEach(problem -> out.println("  CALENDAR: " + problem));
    out.println("  Alert record: s3://" + bucket + "/" + run.alertRecordKey());
  }
}
