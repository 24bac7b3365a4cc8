package io.qualityhub.local.faults;

import static io.qualityhub.local.faults.Faults.failOn;
import static io.qualityhub.local.faults.Faults.once;
import static io.qualityhub.local.faults.Faults.upTo;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.faults.IntakeRig.FileState;
import io.qualityhub.local.faults.IntakeRig.Upload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Intake under faults. Each scenario uploads a file under a branch of its own, runs intake with the fault until
 * the queue is empty (failed messages redelivered, as SQS does), and compares what the file left behind, item by
 * item, with a clean run of the same bytes under a twin branch.
 */
final class IntakeScenarios {

  private static final String DATE = "2026-11-20";
  private static final int ROWS = 60;

  private IntakeScenarios() {}

  static List<FaultScenario> all() {
    return List.of(
        FaultScenario.of("dynamodb-throttling",
            "BatchWriteItem throttled past the SDK's retries half way through the rows: the message fails, SQS redelivers, the file is stored once",
            context -> oneFile(context, "DT", rig -> failOn("BatchWriteItem", once(2), Faults::dynamoDbThrottled), 1)),
        FaultScenario.of("dynamodb-unprocessed-items",
            "BatchWriteItem leaves items unprocessed three times: the writer sends them again with backoff, every row stored once",
            IntakeScenarios::unprocessedItems),
        FaultScenario.of("kms-throttling",
            "KMS GenerateDataKey throttled (ThrottlingException): the message fails before any row, the redelivery stores the file",
            context -> oneFile(context, "KT", rig -> failOn("GenerateDataKey", once(1),
                () -> Faults.kms("ThrottlingException", 400, "Rate exceeded")), 1)),
        FaultScenario.of("kms-throttling-outlasting-attempts",
            "KMS GenerateDataKey throttled for four deliveries, more than the three attempts a file gets: AWS's outage counts no attempt, the "
                + "file is not given up, the fifth delivery stores it",
            context -> oneFile(context, "KO", rig -> failOn("GenerateDataKey", upTo(4),
                () -> Faults.kms("ThrottlingException", 400, "Rate exceeded")), 4)),
        FaultScenario.of("kms-access-denied",
            "KMS AccessDenied on GenerateDataKey for two deliveries (a key policy mistake, then fixed): nothing stored meanwhile, then the file once",
            context -> oneFile(context, "KA", rig -> failOn("GenerateDataKey", upTo(2),
                () -> Faults.kms("AccessDeniedException", 400, "User is not authorized to perform kms:GenerateDataKey")), 2)),
        FaultScenario.of("s3-503-mid-stream",
            "S3 drops the row pass's GetObject after 4 KiB with a 503: the message fails with rows half written, the redelivery completes it",
            IntakeScenarios::brokenStream),
        FaultScenario.of("crash-after-validation",
            "the function dies after pass 1, at its first write (the wrapped data key): the redelivery stores the file once",
            context -> oneFile(context, "CV", rig -> failOn("PutItem", IntakeScenarios::dataKeyPut, once(1),
                () -> new Faults.SimulatedCrash("after validation")), 1)),
        FaultScenario.of("crash-mid-writes",
            "the function dies at the third BatchWriteItem: the half-written generation is never current, the redelivery stores each row once",
            context -> oneFile(context, "CW", rig -> failOn("BatchWriteItem", once(3),
                () -> new Faults.SimulatedCrash("in the middle of the writes")), 1)),
        FaultScenario.of("crash-before-current",
            "the function dies after the last row, before the conditional write that makes the generation current: nothing visible, then the file once",
            IntakeScenarios::crashBeforeCurrent),
        FaultScenario.of("duplicate-delivery",
            "the same notification twice in one batch and once more later: one generation, one file event, the same outcome each time",
            IntakeScenarios::duplicates),
        FaultScenario.of("reordered-versions",
            "two versions of one key, the newer's notification delivered first: the older is superseded, the store holds the newer exactly",
            IntakeScenarios::reordered),
        FaultScenario.of("concurrent-versions",
            "two versions of one key processed at once, the older becoming current first and finishing last: the store holds the newer exactly",
            IntakeScenarios::concurrent),
        FaultScenario.of("poison-file-in-batch",
            "one file of a batch of four breaks the function (an Error) every time: the three good files are stored in full, the poison's message "
                + "fails alone, is refused UNPROCESSABLE and dead-lettered, nothing of it visible",
            IntakeScenarios::poison),
        FaultScenario.of("timeout-halfway",
            "the invocation times out in the second of three files: Lambda retries the whole batch, the finished file is not redone, all three stored once",
            IntakeScenarios::timeout));
  }

  // ---------------------------------------------------------------------------------------------

  /** A fault for the given rig: lets a scenario count what it threw. */
  @FunctionalInterface
  interface FaultFor {
    Faults.Injected on(IntakeRig rig);
  }

  /** One claims file, one fault; the fault must fire and fail {@code failedDeliveries} deliveries, and be recovered from. */
  static Verdict oneFile(FaultContext context, String code, FaultFor faultFor, int failedDeliveries) {
    IntakeRig rig = new IntakeRig(context);
    byte[] content = Data.paidClaims(ROWS, 0);
    String key = key(context.branch(code), "claims");
    FileState truth = rig.clean(key(context.branch(code + "C"), "claims"), content);
    Faults.Injected fault = faultFor.on(rig);
    rig.notify(rig.upload(key, content));
    QueueRun run = rig.deliver(rig.handler(fault));
    return storedOnce(rig, key, truth)
        .equal(failedDeliveries, fault.thrown(), "faults injected")
        .equal(failedDeliveries, run.failuresOf(""), "failed deliveries (the failure visible as batch item failures)")
        .verdict();
  }

  /** The common checks: the file's state equals the clean run's, it is current, and its last outcome is final. */
  static Checks storedOnce(IntakeRig rig, String key, FileState truth) {
    FileState after = rig.state(key);
    Checks checks = new Checks()
        .that(truth.rows() > 0, "the clean run stored rows")
        .that(after.current(), "the file has a current generation")
        .none(after.differencesFrom(truth), "stored vs a clean run");
    List<FileOutcome> outcomes = rig.outcomes(key);
    checks.that(!outcomes.isEmpty() && outcomes.getLast().status() == FileStatus.PROCESSED,
        "the last delivery ended PROCESSED: " + outcomes.stream().map(o -> o.status().name()).toList());
    return checks;
  }

  static Verdict unprocessedItems(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    byte[] content = Data.paidClaims(ROWS, 0);
    String key = key(context.branch("DU"), "claims");
    FileState truth = rig.clean(key(context.branch("DUC"), "claims"), content);
    Faults.Unprocessed unprocessed = new Faults.Unprocessed(upTo(3), 7);
    rig.notify(rig.upload(key, content));
    QueueRun run = rig.deliver(rig.handler(unprocessed));
    int batches = (int) Math.ceil(truth.rows() / 25.0);
    return storedOnce(rig, key, truth)
        .that(unprocessed.itemsHeld() >= 3, "items were left unprocessed: " + unprocessed.itemsHeld())
        .that(unprocessed.calls() >= batches + 3, "the unprocessed items were sent again: " + unprocessed.calls()
            + " BatchWriteItem calls for " + batches + " batches")
        .equal(0, run.failuresOf(""), "failed deliveries (retried inside the writer)")
        .verdict();
  }

  static Verdict brokenStream(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    byte[] content = Data.paidClaims(ROWS, 0);
    String key = key(context.branch("SM"), "claims");
    FileState truth = rig.clean(key(context.branch("SMC"), "claims"), content);
    Faults.BrokenStream broken = new Faults.BrokenStream(request -> ((GetObjectRequest) request).key().equals(key), once(2), 4096,
        Faults::s3ServiceUnavailable);
    rig.notify(rig.upload(key, content));
    QueueRun run = rig.deliver(rig.handler(broken));
    return storedOnce(rig, key, truth)
        .equal(1, broken.broken(), "streams broken")
        .equal(1, run.failuresOf(""), "failed deliveries")
        .verdict();
  }

  static Verdict crashBeforeCurrent(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    byte[] content = Data.paidClaims(ROWS, 0);
    String key = key(context.branch("CC"), "claims");
    FileState truth = rig.clean(key(context.branch("CCC"), "claims"), content);
    Faults.Injected crash = failOn("PutItem", IntakeScenarios::currentPut, once(1),
        () -> new Faults.SimulatedCrash("between the last write and making the generation current"));
    rig.notify(rig.upload(key, content));
    IntakeHandler handler = rig.handler(crash);
    List<FileState> afterCrash = new ArrayList<>();
    QueueRun run = rig.deliver(QueueRun.of(event -> {
      var response = rig.invoke(handler, event);
      if (afterCrash.isEmpty() && !response.getBatchItemFailures().isEmpty()) {
        afterCrash.add(rig.state(key));
      }
      return response;
    }), 5);
    Checks checks = storedOnce(rig, key, truth).equal(1, crash.thrown(), "crashes").equal(1, run.failuresOf(""), "failed deliveries");
    if (afterCrash.isEmpty()) {
      return checks.that(false, "no delivery failed, so the crash was not seen").verdict();
    }
    FileState crashed = afterCrash.getFirst();
    return checks
        .that(!crashed.current(), "after the crash the file had no current generation")
        .equal(truth.rows(), crashed.rows(), "rows written (under the unfinished generation) before the crash")
        .equal(0, crashed.events().size(), "file events before the switch")
        .verdict();
  }

  static Verdict duplicates(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    byte[] content = Data.paidClaims(ROWS, 0);
    String key = key(context.branch("DD"), "claims");
    FileState truth = rig.clean(key(context.branch("DDC"), "claims"), content);
    Upload upload = rig.upload(key, content);
    IntakeHandler handler = rig.handler();
    rig.notify(upload, upload);
    QueueRun first = rig.deliver(handler);
    rig.notify(upload);
    rig.deliver(handler);
    List<FileOutcome> outcomes = rig.outcomes(key);
    FileOutcome clean = rig.outcomes(key(context.branch("DDC"), "claims")).getFirst();
    return storedOnce(rig, key, truth)
        .equal(1, first.invocations(), "both copies arrived in one batch")
        .equal(3, outcomes.size(), "outcomes (one per delivery)")
        .that(outcomes.stream().allMatch(o -> o.status() == FileStatus.PROCESSED && o.accepted() == clean.accepted()
            && o.rejected() == clean.rejected() && upload.versionId().equals(o.generation())),
            "every delivery reports the same processed generation and counts")
        .verdict();
  }

  static Verdict reordered(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    String key = key(context.branch("RO"), "claims");
    FileState truth = rig.clean(key(context.branch("ROC"), "claims"), Data.paidClaims(ROWS, 5));
    Upload older = rig.upload(key, Data.paidClaims(ROWS + 10, 0));
    Upload newer = rig.upload(key, Data.paidClaims(ROWS, 5));
    IntakeHandler handler = rig.handler();
    rig.notify(newer);
    rig.deliver(handler);
    rig.notify(older);
    rig.deliver(handler);
    FileState after = rig.state(key);
    List<FileStatus> statuses = rig.outcomes(key).stream().map(FileOutcome::status).toList();
    return new Checks()
        .equal(newer.versionId(), after.generation(), "the current generation")
        .none(after.without("{gen:0}").differencesFrom(truth.without("{gen:0}")), "stored vs a clean run of the newer version")
        .equal(List.of(FileStatus.PROCESSED, FileStatus.SUPERSEDED), statuses, "outcomes (the older one visible as superseded)")
        .equal("S=SUPERSEDED", status(after, "{gen:0}"), "the older generation's batch record status")
        .verdict();
  }

  static Verdict concurrent(FaultContext context) throws Exception {
    IntakeRig rig = new IntakeRig(context);
    String key = key(context.branch("CO"), "claims");
    FileState truth = rig.clean(key(context.branch("COC"), "claims"), Data.paidClaims(ROWS, 5));
    Upload older = rig.upload(key, Data.paidClaims(ROWS + 10, 0));
    Upload newer = rig.upload(key, Data.paidClaims(ROWS, 5));
    // The older upload's function switches first, then stalls before its state writes until the newer one is done.
    CountDownLatch olderIsCurrent = new CountDownLatch(1);
    CountDownLatch newerIsDone = new CountDownLatch(1);
    ExecutionInterceptor stall = Faults.before("TransactWriteItems", once(1), () -> {
      olderIsCurrent.countDown();
      await(newerIsDone);
    });
    IntakeHandler first = rig.handler(stall);
    IntakeHandler second = rig.handler();
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      Future<?> olderRun = threads.submit(() -> rig.invoke(first, event(older)));
      boolean stalled = olderIsCurrent.await(60, TimeUnit.SECONDS);
      var newerResponse = rig.invoke(second, event(newer));
      newerIsDone.countDown();
      var olderResponse = olderRun.get(60, TimeUnit.SECONDS);
      FileState after = rig.state(key);
      return new Checks()
          .that(stalled, "the older upload's function reached its state writes")
          .equal(0, newerResponse.getBatchItemFailures().size(), "failed messages of the newer upload")
          .equal(newer.versionId(), after.generation(), "the current generation")
          .none(after.without("{gen:0}").differencesFrom(truth.without("{gen:0}")), "stored vs a clean run of the newer version")
          .verdict();
    } finally {
      newerIsDone.countDown();
      threads.shutdownNow();
    }
  }

  static Verdict poison(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    String branch = context.branch("PB");
    List<String> goodKeys = List.of(key(branch, "claims"), key(branch, "surveys"), "incoming/" + branch + "/2026-11-21/claims.csv");
    List<byte[]> goodContents = List.of(Data.paidClaims(60, 0), Data.surveys(40, DATE), Data.paidClaims(30, 3));
    String poisonKey = "incoming/" + branch + "/2026-11-22/surveys.csv";
    List<FileState> truths = new ArrayList<>();
    for (int i = 0; i < goodKeys.size(); i++) {
      truths.add(rig.clean(goodKeys.get(i).replace("/" + branch + "/", "/" + context.branch("PBC") + "/"), goodContents.get(i)));
    }
    List<Upload> uploads = new ArrayList<>();
    for (int i = 0; i < goodKeys.size(); i++) {
      uploads.add(rig.upload(goodKeys.get(i), goodContents.get(i)));
    }
    Upload poison = rig.upload(poisonKey, Data.surveys(40, "2026-11-22"));
    rig.notify(uploads.get(0), poison, uploads.get(1), uploads.get(2));
    // Whatever reads the poison breaks the JVM's way: an Error, not an Exception.
    Faults.BrokenStream breaks = new Faults.BrokenStream(request -> ((GetObjectRequest) request).key().equals(poisonKey),
        n -> true, 100, () -> new StackOverflowError("simulated: the poison file breaks the parser"));
    QueueRun run = rig.deliver(rig.handler(breaks));
    Checks checks = new Checks();
    for (int i = 0; i < goodKeys.size(); i++) {
      FileState after = rig.state(goodKeys.get(i));
      checks.that(after.current(), goodKeys.get(i) + " is current")
          .none(after.differencesFrom(truths.get(i)), goodKeys.get(i) + " stored vs a clean run");
    }
    Set<String> goodIds = new HashSet<>();
    run.batches().getFirst().forEach(id -> {
      if (!run.bodyOf(id).contains(poison.versionId())) {
        goodIds.add(id);
      }
    });
    checks.equal(4, run.batches().getFirst().size(), "messages in the first batch");
    checks.equal(0, goodIds.stream().mapToInt(id -> run.failures().getOrDefault(id, 0)).sum(),
        "failed deliveries of the good files' messages (the poison's message fails alone)");
    FileState poisoned = rig.state(poisonKey);
    checks.that(!poisoned.current(), "the poison file never became current");
    checks.equal(0L, poisoned.rows(), "rows of the poison file");
    checks.that(poisoned.rejects() != null && poisoned.rejects().contains("UNPROCESSABLE"),
        "the poison's rejects report gives the refusal UNPROCESSABLE");
    checks.that(rig.outcomes(poisonKey).stream().anyMatch(o -> o.status() == FileStatus.REFUSED
        && o.refusal() != null && o.refusal().startsWith("UNPROCESSABLE")), "the poison file is refused UNPROCESSABLE (FilesRefused)");
    checks.equal(1, rig.deadLettered(poisonKey), "the poison's message in the dead-letter queue");
    return checks.verdict();
  }

  static Verdict timeout(FaultContext context) {
    IntakeRig rig = new IntakeRig(context);
    String branch = context.branch("TO");
    List<String> keys = List.of(key(branch, "claims"), "incoming/" + branch + "/2026-11-21/claims.csv", key(branch, "surveys"));
    List<byte[]> contents = List.of(Data.paidClaims(60, 0), Data.paidClaims(ROWS, 1), Data.surveys(30, DATE));
    List<FileState> truths = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      truths.add(rig.clean(keys.get(i).replace("/" + branch + "/", "/" + context.branch("TOC") + "/"), contents.get(i)));
    }
    List<Upload> uploads = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      uploads.add(rig.upload(keys.get(i), contents.get(i)));
    }
    rig.notify(uploads.toArray(Upload[]::new));
    // Half way through the second file's rows the time is up: the sandbox freezes, every later call fails,
    // and Lambda discards whatever the invocation would have answered.
    AtomicBoolean timedOut = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger secondFileWrites = new java.util.concurrent.atomic.AtomicInteger();
    ExecutionInterceptor clock = Faults.before("BatchWriteItem", n -> true, () -> {
      if (rig.outcomes(keys.get(0)).size() == 1 && secondFileWrites.incrementAndGet() == 2) {
        timedOut.set(true);
      }
    });
    ExecutionInterceptor frozen = Faults.whileTrue(timedOut::get, () -> new Faults.SimulatedCrash("after the timeout"));
    IntakeHandler handler = rig.handler(clock, frozen);
    int[] invocations = {0};
    QueueRun run = rig.deliver(event -> {
      invocations[0]++;
      if (invocations[0] == 1) {
        try {
          rig.invoke(handler, event);
        } catch (RuntimeException | Error ignored) {
          // the sandbox was frozen: what it throws is never seen
        }
        timedOut.set(false);
        Set<String> all = new HashSet<>();
        event.getRecords().forEach(record -> all.add(record.getMessageId()));
        return all; // Task timed out: the whole batch goes back to the queue
      }
      return QueueRun.of(e -> rig.invoke(handler, e)).failedIds(event);
    }, 5);
    Checks checks = new Checks().equal(3, run.batches().getFirst().size(), "messages in the timed-out batch")
        .equal(3, run.failuresOf(""), "messages returned by the timeout");
    for (int i = 0; i < keys.size(); i++) {
      FileState after = rig.state(keys.get(i));
      checks.that(after.current(), keys.get(i) + " is current")
          .none(after.differencesFrom(truths.get(i)), keys.get(i) + " stored vs a clean run");
    }
    checks.that(timedOut.get() || secondFileWrites.get() >= 2, "the timeout struck in the second file's writes")
        .equal(1, rig.outcomes(keys.get(0)).stream().filter(o -> o.status() == FileStatus.PROCESSED).count() > 0 ? 1 : 0,
            "the first file finished before the timeout");
    return checks.verdict();
  }

  // ---------------------------------------------------------------------------------------------

  private static String key(String branch, String type) {
    return "incoming/" + branch + "/" + DATE + "/" + type + ".csv";
  }

  private static boolean dataKeyPut(SdkRequest request) {
    return request instanceof PutItemRequest put && put.item().get("sk").s().startsWith("KEY#");
  }

  private static boolean currentPut(SdkRequest request) {
    return request instanceof PutItemRequest put && put.item().get("sk").s().equals("CURRENT");
  }

  private static String status(FileState state, String generation) {
    Map<String, String> record = state.items().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("FILE#") && entry.getKey().endsWith("|GEN#" + generation))
        .map(Map.Entry::getValue).findFirst().orElse(Map.of());
    String status = record.get("status");
    return status == null ? null : status.replace("AttributeValue(", "").replace(")", "");
  }

  private static SQSEvent event(Upload upload) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("direct-" + upload.versionId());
    message.setBody(upload.notification());
    message.setEventSource("aws:sqs");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("waited 60 s for the other upload's function");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
