package io.qualityhub.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.core.validate.Reject;
import io.qualityhub.local.generate.DemoHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./qualityhub demo}: the whole product on the local emulator. Uploads a day of branch files,
 * delivers the S3 notifications to the intake function as Lambda would, and writes what happened
 * to {@code OUT/summary.json}; later capabilities add their steps to the same run.
 */
final class DemoCommand {

  static final String UPLOAD_CALENDAR_FILE = "upload-calendar.json";
  static final String BRANCH_DIRECTORY_FILE = "branch-directory.json";
  private static final LocalTime ARRIVAL_TIME = LocalTime.of(7, 0);
  static final String USAGE = "usage: qualityhub demo [--data DIR] [--as-of YYYY-MM-DD] [--out DIR] [--endpoint URL]";

  private final Path projectRoot;
  private final PrintStream out;

  DemoCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  /** The demo's options; it is the one command besides 'emulator start' that creates resources, so it takes no --stack. */
  static Options options(List<String> args) {
    return Options.parse(args, Set.of("--data", "--as-of", "--out", "--endpoint"), Set.of(), USAGE);
  }

  int run(Options options) throws Exception {
    try (LocalDeployment local = LocalDeployment.open(projectRoot,
        EmulatorEndpoint.choose(options.value("--endpoint"), System.getenv(), projectRoot))) {
      return run(options, local);
    }
  }

  /** Runs the demo on a deployment the caller opened and closes. */
  int run(Options options, LocalDeployment local) throws Exception {
    Path outDir = options.path("--out").orElse(projectRoot.resolve("out/demo"));
    List<Path> dataDirs = options.path("--data").map(List::of).orElse(null);
    if (dataDirs == null) {
      // Three months before the sample day, so the reports' trends have something to show.
      Path history = outDir.resolve("history");
      DemoHistory.writeTo(history);
      dataDirs = List.of(history, projectRoot.resolve("events/sample-day"), projectRoot.resolve("events/refused"),
          projectRoot.resolve("events/hostile"));
    }
    List<Upload> uploads = new ArrayList<>();
    for (Path data : dataDirs) {
      uploads.addAll(Upload.findIn(data));
    }
    if (uploads.isEmpty()) {
      throw new UsageException("no branch files under " + dataDirs + " (expected {branch}/{date}/{type}.{csv|jsonl}[.gz])");
    }
    Files.createDirectories(outDir.resolve("logs"));
    out.println("QualityHub demo on " + local.endpoint() + " (stage " + LocalDeployment.STAGE + ")");
    String bucket = local.physicalId("IntakeBucket");
    uploadAll(local, bucket, uploads);

    Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
    List<String> failedMessages;
    List<String> stepFailures = new ArrayList<>();
    ObjectNode summary;
    LocalDate asOf = options.value("--as-of").map(LocalDate::parse).orElseGet(() -> dayAfterLatest(uploads));
    try (PrintStream functionLog = new PrintStream(Files.newOutputStream(outDir.resolve("logs/functions.log")), true, "UTF-8")) {
      IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"), outcome -> {
        outcomes.put(outcome.key(), outcome);
        out.printf("  [%d/%d] %s%n", outcomes.size(), uploads.size(), describe(outcome));
      }, () -> { }, arrivalClock(local, asOf));
      SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
      QueueDelivery delivery = new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"),
          local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), functionLog);
      failedMessages = delivery.drain(intake, "IntakeFunction", 2);
      printTotals(outcomes, failedMessages, bucket);
      summary = summary(uploads, outcomes);
      storeConfigDocuments(local, dataDirs);
      DemoContext context = new DemoContext(local, asOf, outDir, summary, out, functionLog, stepFailures);
      Progress steps = Progress.ofSteps(System.err, "demo", DemoSteps.all().size());
      for (DemoStep step : DemoSteps.all()) {
        out.println(capitalised(step.name()) + " (as of " + asOf + "):");
        step.run(context);
        steps.step(step.name());
      }
    }
    Path summaryFile = outDir.resolve("summary.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), summary);
    out.println("Function logs: " + outDir.resolve("logs/functions.log"));
    out.println("Summary: " + summaryFile);
    out.println("Portal: './qualityhub portal --endpoint " + local.endpoint() + "' and open the portal: address it prints"
        + " (sign in as auditor-demo); the data outlives this run when the demo ran on './qualityhub emulator start'");
    stepFailures.forEach(failure -> out.println("FAILED: " + failure + "; see the function log"));
    return failedMessages.isEmpty() && stepFailures.isEmpty() && outcomes.size() == uploads.size() ? 0 : 1;
  }

  /**
   * Intake's clock in the demo: it replays the data as a daily upload that came at 07:00 (company time) on the day
   * before the as-of date, so the upload calendar judges the last business date's files on time, as a branch that
   * sends each morning would be. The clock runs on from there, so timings stay real.
   */
  private static Clock arrivalClock(LocalDeployment local, LocalDate asOf) {
    ZoneId zone = ZoneId.of(local.settingsOf("MonitorFunction").required("COMPANY_TIME_ZONE"));
    Instant arrival = asOf.minusDays(1).atTime(ARRIVAL_TIME).atZone(zone).toInstant();
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), arrival));
  }

  /**
   * A data set may carry the company's upload calendar as {@code upload-calendar.json} and its branch directory as
   * {@code branch-directory.json} at its root; each is stored as {@code config put} would (validated, versioned,
   * audited) before the monitor starts, so the monitor's run expects what the calendar names (docs/uploads.md) and
   * digests and reports name the branches. The sample day's calendar names TXG-03's claims from 20 November.
   */
  private void storeConfigDocuments(LocalDeployment local, List<Path> dataDirs) throws IOException {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put(UPLOAD_CALENDAR_FILE, "upload-calendar");
    documents.put(BRANCH_DIRECTORY_FILE, "branch-directory");
    for (Path data : dataDirs) {
      for (Map.Entry<String, String> document : documents.entrySet()) {
        Path file = data.resolve(document.getKey());
        if (Files.isRegularFile(file)) {
          out.println(capitalised(document.getValue().replace('-', ' ')) + " " + file + ":");
          new ConfigCommand(projectRoot, out, System.err).put(local, document.getValue(), Files.readString(file));
        }
      }
    }
  }

  private void uploadAll(LocalDeployment local, String bucket, List<Upload> uploads) {
    S3Client s3 = local.clients().s3();
    String uploadKey = local.attribute("InfraKey", "Arn");
    out.println("Uploading " + uploads.size() + " branch files to s3://" + bucket + "/incoming/");
    Progress progress = new Progress(System.err, "upload", uploads.size());
    for (Upload upload : uploads) {
      // Like a branch system: SSE-KMS under the bucket's key, which the bucket policy requires.
      s3.putObject(request -> request.bucket(bucket).key(upload.key())
              .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(uploadKey),
          RequestBody.fromFile(upload.file()));
      progress.step();
    }
    out.println("Intake:");
  }

  private static String describe(FileOutcome outcome) {
    return switch (outcome.status()) {
      case REFUSED -> String.format("%-52s refused: %s", outcome.key(), outcome.refusal());
      default -> String.format("%-52s %s, %d accepted, %d rejected", outcome.key(), outcome.status().wireName(),
          outcome.accepted(), outcome.rejected());
    };
  }

  private void printTotals(Map<String, FileOutcome> outcomes, List<String> failedMessages, String bucket) {
    long accepted = outcomes.values().stream().mapToLong(FileOutcome::accepted).sum();
    long rejected = outcomes.values().stream().mapToLong(FileOutcome::rejected).sum();
    long refused = outcomes.values().stream().filter(o -> o.refusal() != null).count();
    out.printf("Files: %d taken, %d refused. Rows: %d accepted, %d rejected.%n",
        outcomes.size() - refused, refused, accepted, rejected);
    if (!failedMessages.isEmpty()) {
      out.println("FAILED: " + failedMessages.size() + " intake messages failed; see the function log");
    }
    out.println("Rejects reports: s3://" + bucket + "/rejects/");
  }

  /** Without --as-of, the run looks at the day after the newest business date uploaded, as a morning run would. */
  private static LocalDate dayAfterLatest(List<Upload> uploads) {
    return uploads.stream()
        .map(upload -> upload.key().split("/"))
        .filter(parts -> parts.length == 4 && parts[2].matches("\\d{4}-\\d{2}-\\d{2}"))
        .map(parts -> { try { return LocalDate.parse(parts[2]); } catch (java.time.DateTimeException e) { return null; } })
        .filter(java.util.Objects::nonNull)
        .max(LocalDate::compareTo)
        .orElse(LocalDate.now())
        .plusDays(1);
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static ObjectNode summary(List<Upload> uploads, Map<String, FileOutcome> outcomes) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = json.createObjectNode();
    ArrayNode files = summary.putArray("files");
    for (Upload upload : uploads) {
      ObjectNode file = files.addObject();
      file.put("key", upload.key());
      FileOutcome outcome = outcomes.get(upload.key());
      if (outcome == null) {
        file.put("status", "failed");
        continue;
      }
      file.put("status", outcome.status() == io.qualityhub.intake.FileStatus.REFUSED ? "refused" : "processed");
      file.put("accepted", outcome.accepted());
      file.put("rejected", outcome.rejected());
      ArrayNode rejects = file.putArray("rejects");
      for (Reject reject : outcome.firstRejects()) {
        rejects.addObject().put("line", reject.line()).put("column", reject.column()).put("reason", reject.reason().name())
            .put("message", reject.message());
      }
      if (outcome.refusal() != null) {
        file.put("refusal", outcome.refusal());
      }
    }
    return summary;
  }

  /** One branch file and the key it is uploaded under. */
  record Upload(Path file, String key) {
    static List<Upload> findIn(Path data) throws IOException {
      if (!Files.isDirectory(data)) {
        throw new UsageException("--data " + data + " is not a directory");
      }
      List<Upload> uploads = new ArrayList<>();
      try (Stream<Path> files = Files.walk(data)) {
        files.filter(Files::isRegularFile)
            .filter(file -> data.relativize(file).getNameCount() == 3)
            .sorted()
            .forEach(file -> uploads.add(new Upload(file, "incoming/" + data.relativize(file).toString().replace('\\', '/'))));
      }
      return uploads;
    }
  }

}
