package io.qualityhub.local.bench;

import io.qualityhub.core.format.UploadKey;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.QueueDelivery;
import io.qualityhub.local.generate.GeneratedFile;
import io.qualityhub.local.generate.GeneratorOptions;
import io.qualityhub.local.generate.SampleDataGenerator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A morning burst on the emulator: every branch uploads its seven record types of one day and
 * its next day's claims at once, and intake takes them with the concurrency the template gives it
 * (five pollers, batches of five). Checks that every file was processed once, every good row is
 * stored once, every bad row is in a rejects report, and the queues are empty afterwards; prints
 * figures only when all of that holds.
 */
public final class BurstBenchmark {

  /** The template's {@code ScalingConfig.MaximumConcurrency} for the intake queue. */
  public static final int TEMPLATE_POLLERS = 5;
  private static final int UPLOADERS = 8;
  /** Few rows a file: the burst measures files arriving at once, and moto's transactions slow with the table's size. */
  private static final int ROWS_PER_FILE = 10;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private static final Set<String> BRANCH_TYPES =
      Set.of("sales", "underwriting", "followups", "claims", "complaints", "surveys", "violations");

  private BurstBenchmark() {}

  public static Map<String, String> run(Path projectRoot, int branches, int pollers, PrintStream progress) throws Exception {
    Path data = Files.createTempDirectory("qualityhub-burst-");
    try (LocalDeployment local = LocalDeployment.open(projectRoot, Optional.empty())) {
      List<GeneratedFile> files = new ArrayList<>();
      SampleDataGenerator generator = new SampleDataGenerator();
      files.addAll(generator.generate(options(data, branches, DAY, BRANCH_TYPES)).files());
      files.addAll(generator.generate(options(data, branches, DAY.plusDays(1), Set.of("claims"))).files());
      progress.println("uploading " + files.size() + " files of " + branches + " branches at once...");
      upload(local, files);

      progress.println("intake with " + pollers + " pollers...");
      Map<String, List<FileOutcome>> outcomes = new ConcurrentHashMap<>();
      List<String> failedMessages = Collections.synchronizedList(new ArrayList<>());
      long started = System.nanoTime();
      ServerErrors serverErrors = new ServerErrors();
      drain(local, pollers, outcomes, failedMessages, serverErrors, progress);
      double seconds = (System.nanoTime() - started) / 1e9;

      long goodRows = files.stream().mapToLong(file -> file.counts().goodRows()).sum();
      long badRows = files.stream().mapToLong(GeneratedFile::badRows).sum();
      long storedRows = storedRowItems(local);
      long accepted = outcomes.values().stream().mapToLong(list -> list.getFirst().accepted()).sum();
      long rejected = outcomes.values().stream().mapToLong(list -> list.getFirst().rejected()).sum();
      long deliveredTwice = outcomes.values().stream().filter(list -> list.size() > 1).count();
      long notProcessed = files.stream().map(BurstBenchmark::objectKey)
          .filter(key -> !outcomes.containsKey(key) || outcomes.get(key).getFirst().status() != FileStatus.PROCESSED).count();
      long leftOnQueues = messagesLeft(local, "IntakeQueue") + messagesLeft(local, "IntakeDeadLetterQueue");
      List<String> problems = new ArrayList<>();
      check(problems, notProcessed == 0, notProcessed + " files not processed");
      check(problems, accepted == goodRows && storedRows == goodRows,
          "good rows " + goodRows + ", accepted " + accepted + ", stored " + storedRows);
      check(problems, rejected == badRows, "bad rows " + badRows + ", rejected " + rejected);
      check(problems, leftOnQueues == 0, leftOnQueues + " messages left on the intake and dead-letter queues");
      if (!problems.isEmpty()) {
        throw new IllegalStateException("the burst was not processed exactly once, so no figure is printed: " + problems);
      }
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("branches", Integer.toString(branches));
      figures.put("files", Integer.toString(files.size()));
      figures.put("rows", Long.toString(goodRows + badRows));
      figures.put("rows_stored", Long.toString(storedRows));
      figures.put("rows_rejected", Long.toString(rejected));
      figures.put("failed_deliveries_retried", Integer.toString(failedMessages.size()));
      figures.put("emulator_server_errors", Long.toString(serverErrors.get()));
      figures.put("files_with_more_than_one_outcome", Long.toString(deliveredTwice));
      figures.put("pollers", Integer.toString(pollers));
      figures.put("wall_seconds", String.format("%.1f", seconds));
      figures.put("files_per_second", String.format("%.1f", files.size() / seconds));
      figures.put("rows_per_second", String.format("%.0f", (goodRows + badRows) / seconds));
      return figures;
    } finally {
      try (Stream<Path> tree = Files.walk(data)) {
        tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static String objectKey(GeneratedFile file) {
    return UploadKey.INCOMING_PREFIX + file.key();
  }

  private static GeneratorOptions options(Path data, int branches, LocalDate day, Set<String> types) {
    return GeneratorOptions.builder().branches(branches).rowsPerFile(ROWS_PER_FILE).outDir(data).businessDate(day)
        .badRowShare(0.05).types(types).format("mixed").build();
  }

  private static void upload(LocalDeployment local, List<GeneratedFile> files) throws Exception {
    String bucket = local.physicalId("IntakeBucket");
    String key = local.attribute("InfraKey", "Arn");
    ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (GeneratedFile file : files) {
        puts.add(uploaders.submit(() -> local.clients().s3().putObject(request -> request.bucket(bucket).key(objectKey(file))
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key), RequestBody.fromFile(file.path()))));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      uploaders.shutdown();
    }
  }

  /** Pollers, each its own function instance, until the queue is empty. */
  private static void drain(LocalDeployment local, int pollers, Map<String, List<FileOutcome>> outcomes,
      List<String> failedMessages, ServerErrors serverErrors, PrintStream progress) throws Exception {
    PrintStream console = System.out;
    Path log = Files.createTempFile("qualityhub-burst-functions-", ".log");
    progress.println("function logs: " + log);
    // The pollers share System.out, where function logs go.
    System.setOut(new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8));
    ExecutorService instances = Executors.newFixedThreadPool(pollers);
    try (SqsClient sqs = local.clients().configure(SqsClient.builder()).build()) {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < pollers; i++) {
        running.add(instances.submit(() -> {
          IntakeHandler instance = new IntakeHandler(local.settingsOf("IntakeFunction"),
              local.clients().withInterceptors(serverErrors),
              outcome -> outcomes.computeIfAbsent(outcome.key(), k -> Collections.synchronizedList(new ArrayList<>())).add(outcome));
          QueueDelivery delivery = new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"),
              local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), System.out).retryingAfter(1);
          failedMessages.addAll(delivery.drain(instance, "IntakeFunction", 3));
        }));
      }
      for (Future<?> poller : running) {
        poller.get();
      }
    } finally {
      instances.shutdown();
      System.setOut(console);
    }
  }

  private static long storedRowItems(LocalDeployment local) {
    return local.clients().dynamoDb().scanPaginator(request -> request.tableName(local.physicalId("RecordsTable"))
            .filterExpression("begins_with(pk, :rec) AND sk <> :state")
            .expressionAttributeValues(Map.of(":rec", AttributeValue.fromS("REC#"), ":state", AttributeValue.fromS("STATE")))
            .select("COUNT"))
        .stream().mapToLong(page -> page.count()).sum();
  }

  private static long messagesLeft(LocalDeployment local, String queue) {
    try (SqsClient sqs = local.clients().configure(SqsClient.builder()).build()) {
      Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request
          .queueUrl(local.attribute(queue, "QueueUrl"))
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
      return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }
  }

  /** Requests the emulator answered with a 5xx even after the SDK's own retries. */
  private static final class ServerErrors implements ExecutionInterceptor {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
      if (context.exception() instanceof SdkServiceException service && service.statusCode() >= 500) {
        count.incrementAndGet();
      }
    }

    long get() {
      return count.get();
    }
  }

  private static void check(List<String> problems, boolean holds, String problem) {
    if (!holds) {
      problems.add(problem);
    }
  }
}
