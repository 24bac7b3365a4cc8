package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Intake against the local emulator, with the resources template.yaml declares: files in, exact
 * rows stored, exact rejects out, and the same outcome however often a message is delivered.
 */
class IntakeEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalDeployment local;
  private static String bucket;
  private static String table;
  private static final ByteArrayOutputStream functionOutput = new ByteArrayOutputStream();

  @BeforeAll
  static void deploy() {
    local = LocalDeployment.open(ROOT, java.util.Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    table = local.physicalId("RecordsTable");
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void theSampleDayYieldsExactlyTheExpectedRowsRejectsAndLatestStates() throws Exception {
    JsonNode expected = uploadSampleSet("sample-day");
    Map<String, FileOutcome> outcomes = deliverQueued();

    for (JsonNode file : expected) {
      String key = file.get("key").asText();
      FileOutcome outcome = outcomes.get(key);
      assertEquals(FileStatus.PROCESSED, outcome.status(), key);
      assertEquals(file.get("accepted").asLong(), outcome.accepted(), key);
      assertEquals(file.get("rejected").asLong(), outcome.rejected(), key);
      assertEquals(file.get("accepted").asInt(), rowItems(fileIdOf(key)).size(), "row items stored for " + key);
      String report = read("rejects/" + key.substring("incoming/".length()).replaceAll("\\.(csv|jsonl)(\\.gz)?$", ".csv"));
      assertEquals(file.get("rejected").asInt() + 1, report.lines().count(), "rejects report lines of " + key);
      JsonNode latest = file.get("latestStatus");
      if (latest != null) {
        String[] parts = key.split("/");
        String type = parts[3].substring(0, parts[3].indexOf('.'));
        latest.fields().forEachRemaining(entry -> assertEquals(entry.getValue().asText(),
            state(type, parts[1], entry.getKey()).get("status").s(), "latest status of " + entry.getKey()));
      }
    }
  }

  @Test
  void theHostileSetEndsInExactlyItsExpectedOutcomesAndStoresOnlyItsGoodRows() throws Exception {
    JsonNode expected = uploadSampleSet("hostile");
    Map<String, FileOutcome> outcomes = deliverQueued();

    for (JsonNode file : expected) {
      String key = file.get("key").asText();
      FileOutcome outcome = outcomes.get(key);
      String report = read("rejects/" + key.substring("incoming/".length()).replaceAll("\\.(csv|jsonl)(\\.gz)?$", ".csv"));
      List<String> reported = report.lines().skip(1).map(line -> String.join(":", List.of(line.split(",", 4)).subList(0, 3))).toList();
      if (file.get("status").asText().equals("refused")) {
        assertEquals(FileStatus.REFUSED, outcome.status(), key);
        assertEquals(List.of("0::" + file.get("refusal").asText()), reported, key);
        continue;
      }
      List<String> rejects = new ArrayList<>();
      file.get("rejects").forEach(r -> rejects.add(r.get("line").asInt() + ":" + r.get("column").asText() + ":" + r.get("reason").asText()));
      assertEquals(FileStatus.PROCESSED, outcome.status(), key);
      assertEquals(rejects, reported, "rejects report of " + key);
      assertEquals(file.get("accepted").asInt(), rowItems(fileIdOf(key)).size(), "row items stored for " + key);
    }
    assertEquals("closed", state("claims", "XHF-01", "\uD840\uDC00".repeat(128)).get("status").s(),
        "the longest id allowed is a key DynamoDB takes, state and index entries included");
  }

  @Test
  void aDeliveredTwiceOrCrashedAndRedeliveredMessageStoresEachRowOnce() throws Exception {
    String key = "incoming/DUP-01/2026-11-20/claims.csv";
    upload(key, claims(100));
    drainQueueWithoutProcessing();
    SQSEvent event = eventFor(key);

    AtomicInteger batchWrites = new AtomicInteger();
    IntakeHandler crashing = handler(local.clients().withInterceptors(crashOnThird(batchWrites)), o -> { });
    SQSBatchResponse crashed = crashing.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000));
    assertEquals(1, crashed.getBatchItemFailures().size(), "the crash is reported, so SQS redelivers");
    int writtenBeforeCrash = storedRowItems(fileIdOf(key)).size();
    assertTrue(writtenBeforeCrash > 0 && writtenBeforeCrash < 100, "the crashed attempt wrote part of the file: " + writtenBeforeCrash);
    assertTrue(rowItems(fileIdOf(key)).isEmpty(), "a half-written file is not current");

    List<FileOutcome> outcomes = new ArrayList<>();
    IntakeHandler healthy = handler(local.clients(), outcomes::add);
    assertTrue(healthy.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());
    assertTrue(healthy.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());

    assertEquals(100, rowItems(fileIdOf(key)).size());
    assertEquals(100, storedRowItems(fileIdOf(key)).size(), "no row item is left over from the crashed attempt");
    assertEquals(List.of(100L, 100L), outcomes.stream().map(FileOutcome::accepted).toList());
    RecordDecryptor decryptor = new RecordDecryptor(local.clients().dynamoDb(), table,
        new KmsDataKeySource(local.clients().kms(), local.attribute("DataKey", "Arn")), failure -> { });
    for (Map<String, AttributeValue> item : rowItems(fileIdOf(key))) {
      String id = item.get("claim_id").s();
      assertEquals("Customer " + id, decryptor.sensitiveValues(item).get("customer_name"), "every row decrypts after the retry");
    }
  }

  @Test
  void aFileLongerThanOneInvocationContinuesFromItsCheckpointAndStoresEachRowOnceThoughACrashComesBetween() throws Exception {
    String key = "incoming/CNT-01/2026-11-20/claims.csv";
    String fileId = fileIdOf(key);
    upload(key, claims(100)); // lines 2-101, four batches of 25
    drainQueueWithoutProcessing();
    List<FileOutcome> outcomes = new ArrayList<>();

    // The first invocation's time runs out once it has written two batches: it stops at a checkpoint.
    AtomicInteger firstWrites = new AtomicInteger();
    IntakeHandler first = oneBatchAtATime(local.clients().withInterceptors(counting("BatchWriteItem", firstWrites)), outcomes::add);
    SQSBatchResponse firstResponse = first.handleRequest(eventFor(key), budgetSpentAfter(2, firstWrites));
    assertTrue(firstResponse.getBatchItemFailures().isEmpty(), "the original message is done: the continuation carries the rest");
    assertEquals(FileStatus.CONTINUED, outcomes.get(0).status());
    assertEquals(2, firstWrites.get());
    assertEquals(50, storedRowItems(fileId).size());
    assertTrue(rowItems(fileId).isEmpty(), "a file written in part is not current: readers see none of it");
    assertEquals("51", batchRecordOf(fileId).get("writtenThroughLine").n());
    List<String> continuations = takeIntakeQueueMessages();
    assertEquals(1, continuations.size(), "exactly one continuation message");

    // The continuation crashes in its second batch, after its checkpoint-less first batch was written.
    AtomicInteger crashedWrites = new AtomicInteger();
    IntakeHandler crashing = oneBatchAtATime(local.clients().withInterceptors(crashOnBatchWrite(2, crashedWrites)), outcomes::add);
    SQSEvent continuation = S3NotificationEvents.sqsEvent("m-continuation", continuations.get(0));
    assertEquals(1, crashing.handleRequest(continuation, LocalContext.forFunction("IntakeFunction", 900_000))
        .getBatchItemFailures().size(), "the crash fails the continuation, so SQS redelivers it");
    assertEquals(75, storedRowItems(fileId).size());
    assertTrue(rowItems(fileId).isEmpty(), "still not current after the crash");
    assertEquals(List.of(), takeIntakeQueueMessages(), "a crash sends no continuation");

    // Redelivered, it starts after line 51 again: rows 52-76 are put once more onto their own items, then the rest.
    AtomicInteger lastWrites = new AtomicInteger();
    IntakeHandler last = oneBatchAtATime(local.clients().withInterceptors(counting("BatchWriteItem", lastWrites)), outcomes::add);
    assertTrue(last.handleRequest(continuation, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());
    assertEquals(2, lastWrites.get(), "rows 52-101: two batches, nothing before the checkpoint rewritten");
    assertEquals(FileStatus.PROCESSED, outcomes.get(outcomes.size() - 1).status());
    assertEquals(100, outcomes.get(outcomes.size() - 1).accepted());
    assertEquals(List.of(), takeIntakeQueueMessages(), "a finished file sends no continuation");

    List<Map<String, AttributeValue>> rows = rowItems(fileId);
    assertEquals(100, rows.size());
    assertEquals(100, storedRowItems(fileId).size(), "each row once: no item twice, none left over");
    assertEquals(java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> "D-" + i).sorted().toList(),
        rows.stream().map(item -> item.get("claim_id").s()).sorted().toList());
    assertEquals("reported", state("claims", "CNT-01", "D-100").get("status").s(), "states advanced once the file was in");
    assertTrue(last.handleRequest(continuation, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());
    assertEquals(100, storedRowItems(fileId).size(), "a late redelivery of the finished file writes nothing");
  }

  @Test
  void aFileThatFailsThreeAttemptsIsRefusedAsUnprocessableAndItsMessageStillDeadLetters() throws Exception {
    String key = "incoming/UNP-01/2026-11-20/claims.csv";
    upload(key, claims(60));
    drainQueueWithoutProcessing();
    SQSEvent event = eventFor(key);
    IntakeHandler failing = handler(local.clients().withInterceptors(failingOn("BatchWriteItem")), o -> { });

    for (int attempt = 1; attempt <= 2; attempt++) {
      assertEquals(1, failing.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().size());
      assertFalse(exists("rejects/UNP-01/2026-11-20/claims.csv"), "no refusal before the third attempt: " + attempt);
    }
    List<FileOutcome> outcomes = new ArrayList<>();
    IntakeHandler failingAgain = handler(local.clients().withInterceptors(failingOn("BatchWriteItem")), outcomes::add);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      assertEquals(1, failingAgain.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().size(),
          "the given-up message still fails, so SQS dead-letters it");
    } finally {
      System.setOut(console);
    }

    String report = read("rejects/UNP-01/2026-11-20/claims.csv");
    assertTrue(report.matches("(?s)line,column,reason,message\n0,,UNPROCESSABLE,\"?intake failed on all 3 attempts at this file; "
        + "nothing of it is stored\\. .*quote reference QH-[0-9A-F]{12} .*"), report);
    assertEquals(FileStatus.REFUSED, outcomes.get(0).status());
    assertTrue(rowItems(fileIdOf(key)).isEmpty(), "nothing of the file is visible");
    assertTrue(state("claims", "UNP-01", "D-1").isEmpty(), "no state advanced");
    String reference = report.replaceAll("(?s).*(QH-[0-9A-F]{12}).*", "$1");
    assertTrue(log.toString(StandardCharsets.UTF_8).lines().anyMatch(line -> line.contains("upload given up")
        && line.contains(reference) && line.contains("IllegalStateException")), "the reference and the cause are in the log");

    IntakeHandler healthy = handler(local.clients(), o -> { });
    assertEquals(1, healthy.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().size(),
        "a redelivery of the given-up file fails again without processing it");
    assertTrue(rowItems(fileIdOf(key)).isEmpty());
  }

  @Test
  void attemptsThatEndedWithoutAnOutcomeCountTowardsGivingUp() throws Exception {
    String key = "incoming/UNP-02/2026-11-20/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\n".getBytes(StandardCharsets.UTF_8));
    drainQueueWithoutProcessing();
    String generation = local.clients().s3().headObject(request -> request.bucket(bucket).key(key)).versionId();
    for (int i = 0; i < 3; i++) { // what three attempts that timed out or crashed the runtime leave behind
      local.clients().dynamoDb().updateItem(request -> request.tableName(table)
          .key(Map.of("pk", AttributeValue.fromS("FILE#UNP-02#surveys#2026-11-20"), "sk", AttributeValue.fromS("GEN#" + generation)))
          .updateExpression("ADD attempts :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    SQSBatchResponse response = handler(local.clients(), o -> { })
        .handleRequest(eventFor(key), LocalContext.forFunction("IntakeFunction", 900_000));

    assertEquals(1, response.getBatchItemFailures().size());
    assertTrue(read("rejects/UNP-02/2026-11-20/surveys.csv").contains("UNPROCESSABLE,intake failed on all 3 attempts"));
    assertTrue(rowItems(fileIdOf(key)).isEmpty());
  }

  @Test
  void anUploadByAnotherBranchsSessionIsRefusedAsUploaderMismatchAndNothingIsStored() throws Exception {
    String key = "incoming/UPL-01/2026-11-20/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\n".getBytes(StandardCharsets.UTF_8));
    drainQueueWithoutProcessing();
    List<FileOutcome> outcomes = new ArrayList<>();

    SQSBatchResponse response = handler(local.clients(), outcomes::add).handleRequest(
        eventFrom(key, "AWS:AROAEXAMPLEID1234567:branch-UPL-02"), LocalContext.forFunction("IntakeFunction", 900_000));

    assertTrue(response.getBatchItemFailures().isEmpty(), "a refusal is an outcome, not a failure to retry");
    assertEquals(FileStatus.REFUSED, outcomes.get(0).status());
    assertTrue(outcomes.get(0).refusal().startsWith("UPLOADER_MISMATCH: "), outcomes.get(0).refusal());
    String report = read("rejects/UPL-01/2026-11-20/surveys.csv");
    assertTrue(report.contains("UPLOADER_MISMATCH,") && report.contains("credentials of branch UPL-02"), report);
    assertTrue(storedRowItems(fileIdOf(key)).isEmpty(), "no row of a refused upload is stored");
    assertTrue(rowItems(fileIdOf(key)).isEmpty(), "no generation became current");
  }

  @Test
  void anUploadByTheKeysOwnBranchSessionIsProcessed() throws Exception {
    String key = "incoming/UPL-03/2026-11-20/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\n".getBytes(StandardCharsets.UTF_8));
    drainQueueWithoutProcessing();
    List<FileOutcome> outcomes = new ArrayList<>();

    SQSBatchResponse response = handler(local.clients(), outcomes::add).handleRequest(
        eventFrom(key, "AWS:AROAEXAMPLEID1234567:branch-UPL-03"), LocalContext.forFunction("IntakeFunction", 900_000));

    assertTrue(response.getBatchItemFailures().isEmpty());
    assertEquals(FileStatus.PROCESSED, outcomes.get(0).status());
    assertEquals(1, rowItems(fileIdOf(key)).size());
  }

  @Test
  void aFileWhoseGenerationBecameCurrentIsFinishedByRetriesNeverGivenUp() throws Exception {
    String key = "incoming/UNP-03/2026-11-20/claims.csv";
    upload(key, claims(10));
    drainQueueWithoutProcessing();
    SQSEvent event = eventFor(key);
    IntakeHandler failingStates = handler(local.clients().withInterceptors(failingOn("TransactWriteItems")), o -> { });

    for (int attempt = 1; attempt <= 4; attempt++) {
      assertEquals(1, failingStates.handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000))
          .getBatchItemFailures().size());
    }
    assertEquals("line,column,reason,message", read("rejects/UNP-03/2026-11-20/claims.csv").strip(),
        "not refused: its rows are already what readers see");
    List<FileOutcome> outcomes = new ArrayList<>();
    assertTrue(handler(local.clients(), outcomes::add).handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000))
        .getBatchItemFailures().isEmpty(), "a redrive finishes it");
    assertEquals(FileStatus.PROCESSED, outcomes.get(0).status());
    assertEquals("reported", state("claims", "UNP-03", "D-10").get("status").s());
  }

  @Test
  void anOlderUploadGivenUpAfterANewerOneBecameCurrentLeavesTheNewerOnesRejectsReport() throws Exception {
    String key = "incoming/UNP-04/2026-11-20/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\n".getBytes(StandardCharsets.UTF_8));
    String older = local.clients().s3().headObject(request -> request.bucket(bucket).key(key)).versionId();
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\nB,2026-11-20,oops\n".getBytes(StandardCharsets.UTF_8));
    String newer = local.clients().s3().headObject(request -> request.bucket(bucket).key(key)).versionId();
    drainQueueWithoutProcessing();
    assertTrue(handler(local.clients(), o -> { }).handleRequest(eventFor(key, newer, "0069235300000002"),
        LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());
    String newerReport = read("rejects/UNP-04/2026-11-20/surveys.csv");
    SQSEvent olderEvent = eventFor(key, older, "0069235300000001");
    IntakeHandler failing = handler(local.clients().withInterceptors(failingOn("BatchWriteItem")), o -> { });

    List<Integer> failures = new ArrayList<>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      failures.add(failing.handleRequest(olderEvent, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().size());
    }

    assertEquals(List.of(1, 1, 1), failures);
    assertEquals(newerReport, read("rejects/UNP-04/2026-11-20/surveys.csv"), "the report of the upload readers see stands");
    assertTrue(newerReport.contains("3,overall_score,INVALID_SCORE"), newerReport);
    assertEquals(Map.of("A", "1"), surveyScores(key));
  }

  @Test
  void anErrorInOneFileOfABatchFailsThatFilesMessageOnly() throws Exception {
    List<String> keys = List.of("incoming/ISO-01/2026-11-20/claims.csv", "incoming/ISO-02/2026-11-20/claims.csv",
        "incoming/ISO-03/2026-11-20/claims.csv");
    keys.forEach(key -> upload(key, claims(30)));
    drainQueueWithoutProcessing();
    SQSEvent batch = new SQSEvent();
    batch.setRecords(keys.stream().map(key -> eventFor(key).getRecords().get(0)).toList());
    List<FileOutcome> outcomes = new ArrayList<>();
    IntakeHandler handler = handler(local.clients().withInterceptors(errorReading("ISO-02")), outcomes::add);

    SQSBatchResponse response = handler.handleRequest(batch, LocalContext.forFunction("IntakeFunction", 900_000));

    assertEquals(List.of(batch.getRecords().get(1).getMessageId()),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(List.of(keys.get(0), keys.get(2)), outcomes.stream().map(FileOutcome::key).toList());
    assertEquals(30, rowItems(fileIdOf(keys.get(0))).size());
    assertEquals(30, rowItems(fileIdOf(keys.get(2))).size());
    assertTrue(rowItems(fileIdOf(keys.get(1))).isEmpty());
  }

  @Test
  void aCorrectedReUploadReplacesTheFirstUploadsRows() throws Exception {
    String key = "incoming/RE-01/2026-11-20/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\nB,2026-11-20,2\nC,2026-11-20,oops\n".getBytes(StandardCharsets.UTF_8));
    deliverQueued();
    assertEquals(Map.of("A", "1", "B", "2"), surveyScores(key));

    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\nB,2026-11-20,5\nC,2026-11-20,3\nD,2026-11-20,4\n".getBytes(StandardCharsets.UTF_8));
    FileOutcome second = deliverQueued().get(key);

    assertEquals(4, second.accepted());
    assertEquals(Map.of("A", "1", "B", "5", "C", "3", "D", "4"), surveyScores(key));
    upload(key, "survey_id,surveyed_on,overall_score\nD,2026-11-20,2\n".getBytes(StandardCharsets.UTF_8));
    deliverQueued();
    assertEquals(Map.of("D", "2"), surveyScores(key), "rows the new upload no longer has are withdrawn");
  }

  @Test
  void aCorrectedClaimsFileReadsTheStatesItReplacesAHundredClaimsAtATime() throws Exception {
    String key = "incoming/RUP-01/2026-11-20/claims.csv";
    upload(key, claims(250, "reported", "2026-11-02T09:00:00+08:00"));
    deliverQueued();
    upload(key, claims(200, "under_review", "2026-11-03T09:00:00+08:00"));
    drainQueueWithoutProcessing();
    Map<String, Integer> requests = new java.util.concurrent.ConcurrentHashMap<>();
    IntakeHandler counting = handler(local.clients().withInterceptors(counting(requests)), outcome -> { });

    assertTrue(counting.handleRequest(eventFor(key), LocalContext.forFunction("IntakeFunction", 900_000))
        .getBatchItemFailures().isEmpty());

    assertEquals(3, requests.get("BatchGetItem"), "the 250 replaced rows' states read 100 claims at a time");
    assertTrue(requests.getOrDefault("GetItem", 0) < 10, "no GetItem per replaced row: " + requests);
    assertEquals("under_review", state("claims", "RUP-01", "D-200").get("status").s());
    assertTrue(state("claims", "RUP-01", "D-201").isEmpty(), "a claim the correction no longer has loses its state");
    assertEquals(200, rowItems(fileIdOf(key)).size());
  }

  @Test
  void aCorrectionOfAnUploadThatAlreadyExpiredStillBecomesCurrent() throws Exception {
    String key = "incoming/EXP-01/2026-11-20/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,1\nB,2026-11-20,2\n".getBytes(StandardCharsets.UTF_8));
    deliverQueued();
    String expired = local.clients().s3().headObject(request -> request.bucket(bucket).key(key)).versionId();
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-11-20,5\n".getBytes(StandardCharsets.UTF_8));
    local.clients().s3().deleteObject(request -> request.bucket(bucket).key(key).versionId(expired)); // as the lifecycle rule does

    FileOutcome correction = deliverQueued().get(key);

    assertEquals(FileStatus.PROCESSED, correction.status(), "the message does not fail for ever on the expired version");
    assertEquals(List.of("5"), rowItems(fileIdOf(key)).stream().map(item -> item.get("overall_score").n()).toList(),
        "readers see the correction only");
  }

  @Test
  void claimsKeepTheirNewestStateWhateverOrderRowsAndFilesArriveIn() throws Exception {
    String header = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,"
        + "amount_paid,currency,handler_id,updated_at,closed_at\n";
    String newestFirst = header
        + "N-1,P,HLT,health,simple,N,paid,2026-11-01T09:00:00+08:00,100,100,TWD,H,2026-11-10T09:00:00+08:00,\n"
        + "N-1,P,HLT,health,simple,N,under_review,2026-11-01T09:00:00+08:00,100,,TWD,H,2026-11-05T09:00:00+08:00,\n"
        + "N-1,P,HLT,health,simple,N,reported,2026-11-01T09:00:00+08:00,100,,TWD,H,2026-11-01T09:00:00+08:00,\n";
    String olderDay = header
        + "N-1,P,HLT,health,simple,N,investigating,2026-11-01T09:00:00+08:00,100,,TWD,H,2026-11-07T09:00:00+08:00,\n";
    String newerDay = header
        + "N-1,P,HLT,health,simple,N,closed,2026-11-01T09:00:00+08:00,100,100,TWD,H,2026-11-12T09:00:00+08:00,2026-11-12T09:00:00+08:00\n";

    upload("incoming/ORD-01/2026-11-10/claims.csv", newestFirst.getBytes(StandardCharsets.UTF_8));
    deliverQueued();
    assertEquals("paid", state("claims", "ORD-01", "N-1").get("status").s());

    upload("incoming/ORD-01/2026-11-12/claims.csv", newerDay.getBytes(StandardCharsets.UTF_8));
    upload("incoming/ORD-01/2026-11-07/claims.csv", olderDay.getBytes(StandardCharsets.UTF_8));
    deliverQueued();
    assertEquals("closed", state("claims", "ORD-01", "N-1").get("status").s());

    upload("incoming/ORD-01/2026-11-12/claims.csv", (header
        + "N-2,P,HLT,health,simple,N,reported,2026-11-01T09:00:00+08:00,100,,TWD,H,2026-11-12T09:00:00+08:00,\n").getBytes(StandardCharsets.UTF_8));
    deliverQueued();
    assertEquals("paid", state("claims", "ORD-01", "N-1").get("status").s(),
        "withdrawing the newest row brings back the newest that remains");
  }

  @Test
  void plantedSensitiveValuesAppearNowhereInClear() throws Exception {
    for (Map.Entry<String, String> file : PlantedFiles.csvByType().entrySet()) {
      upload("incoming/PLT-01/2026-11-20/" + file.getKey() + ".csv", file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    Map<String, FileOutcome> outcomes = deliverQueued();
    assertEquals(PlantedFiles.csvByType().size(), outcomes.keySet().stream().filter(k -> k.contains("PLT-01")).count());
    outcomes.values().forEach(outcome -> assertEquals(1, outcome.rejected(), outcome.key()));

    List<String> leaks = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)).items().forEach(item ->
        item.forEach((name, value) -> {
          if (String.valueOf(value.s()).contains(PlantedFiles.MARK)
              || (value.b() != null && new String(value.b().asByteArray(), StandardCharsets.UTF_8).contains(PlantedFiles.MARK))) {
            leaks.add("DynamoDB " + item.get("pk").s() + " " + name);
          }
        }));
    local.clients().s3().listObjectsV2Paginator(request -> request.bucket(bucket).prefix("rejects/")).contents()
        .forEach(object -> {
          if (read(object.key()).contains(PlantedFiles.MARK)) {
            leaks.add("S3 " + object.key());
          }
        });
    if (functionOutput.toString(StandardCharsets.UTF_8).contains(PlantedFiles.MARK)) {
      leaks.add("function log output");
    }
    outcomes.values().forEach(outcome -> {
      if (outcome.toString().contains(PlantedFiles.MARK)) {
        leaks.add("outcome of " + outcome.key());
      }
    });
    assertEquals(List.of(), leaks);
    assertTrue(rowItems("PLT-01#claims#2026-11-20").get(0).containsKey("biIdNo"), "the ID number is indexed blind");
  }

  // ---------------------------------------------------------------------------------------------

  private static IntakeHandler handler(AwsClients clients, java.util.function.Consumer<FileOutcome> outcomes) {
    return new IntakeHandler(local.settingsOf("IntakeFunction"), clients, outcomes);
  }

  /**
   * Sends each batch of rows before building the next, so a budget counted in finished BatchWriteItem calls runs out
   * on a known line (with batches in flight, the count at a checkpoint's turn depends on the sender threads' timing).
   */
  private static IntakeHandler oneBatchAtATime(AwsClients clients, java.util.function.Consumer<FileOutcome> outcomes) {
    Map<String, String> settings = new java.util.HashMap<>(local.settingsOf("IntakeFunction").variables());
    settings.put(IntakeHandler.ROW_WRITES_IN_FLIGHT, "1");
    return new IntakeHandler(new io.qualityhub.core.config.Settings(settings), clients, outcomes);
  }

  private static Map<String, FileOutcome> deliverQueued() {
    Map<String, FileOutcome> outcomes = new TreeMap<>();
    QueueDelivery delivery = new QueueDelivery(sqs(), local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
    List<String> failed = delivery.drain(handler(local.clients(), outcome -> outcomes.put(outcome.key(), outcome)), "IntakeFunction", 1);
    assertEquals(List.of(), failed, "no message may fail");
    return outcomes;
  }

  private static void drainQueueWithoutProcessing() {
    sqs().purgeQueue(request -> request.queueUrl(local.attribute("IntakeQueue", "QueueUrl")));
  }

  private static software.amazon.awssdk.services.sqs.SqsClient sqs() {
    return local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build();
  }

  private static SQSEvent eventFor(String key) {
    return event(key, null, null, null);
  }

  /** The notification of one object version as S3 sends it, with its version and sequencer. */
  private static SQSEvent eventFor(String key, String versionId, String sequencer) {
    return event(key, versionId, sequencer, null);
  }

  /** As S3 sends it for an upload by {@code principalId} (userIdentity.principalId). */
  private static SQSEvent eventFrom(String key, String principalId) {
    return event(key, null, null, principalId);
  }

  private static SQSEvent event(String key, String versionId, String sequencer, String principalId) {
    return S3NotificationEvents.sqsEvent("m-" + key.hashCode(),
        S3NotificationEvents.objectCreated(bucket, key, versionId, sequencer, principalId));
  }

  /** A Lambda context whose time is spent once {@code batches} BatchWriteItem calls are counted. */
  private static com.amazonaws.services.lambda.runtime.Context budgetSpentAfter(int batches, AtomicInteger batchWrites) {
    LocalContext context = LocalContext.forFunction("IntakeFunction", 900_000);
    return (com.amazonaws.services.lambda.runtime.Context) java.lang.reflect.Proxy.newProxyInstance(
        IntakeEndToEndTest.class.getClassLoader(), new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
        (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
            ? (batchWrites.get() >= batches ? 1_000 : 900_000) : method.invoke(context, args));
  }

  private static ExecutionInterceptor counting(String operation, AtomicInteger calls) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          calls.incrementAndGet();
        }
      }
    };
  }

  private static ExecutionInterceptor crashOnBatchWrite(int crashing, AtomicInteger batchWrites) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("BatchWriteItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
            && batchWrites.incrementAndGet() == crashing) {
          throw new IllegalStateException("simulated crash in a continuation");
        }
      }
    };
  }

  /** Bodies of the messages waiting on the intake queue, taken off it. */
  private static List<String> takeIntakeQueueMessages() {
    String queueUrl = local.attribute("IntakeQueue", "QueueUrl");
    List<String> bodies = new ArrayList<>();
    for (var message : sqs().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages()) {
      bodies.add(message.body());
      sqs().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
    return bodies;
  }

  private static Map<String, AttributeValue> batchRecordOf(String fileId) {
    List<Map<String, AttributeValue>> records = local.clients().dynamoDb().query(request -> request.tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :gen)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FILE#" + fileId), ":gen", AttributeValue.fromS("GEN#"))))
        .items();
    assertEquals(1, records.size(), "one upload of " + fileId);
    return records.get(0);
  }

  private static ExecutionInterceptor crashOnThird(AtomicInteger batchWrites) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("BatchWriteItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
            && batchWrites.incrementAndGet() == 3) {
          throw new IllegalStateException("simulated crash halfway through the file");
        }
      }
    };
  }

  private static ExecutionInterceptor failingOn(String operation) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          throw new IllegalStateException("simulated failure of every " + operation);
        }
      }
    };
  }

  /** The runtime running out of memory while it reads one branch's upload. */
  private static ExecutionInterceptor errorReading(String branch) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof software.amazon.awssdk.services.s3.model.GetObjectRequest get
            && get.key().contains("/" + branch + "/")) {
          throw new OutOfMemoryError("simulated: Java heap space");
        }
      }
    };
  }

  private static ExecutionInterceptor counting(Map<String, Integer> requests) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
      }
    };
  }

  private static byte[] claims(int rows) {
    return claims(rows, "reported", "2026-11-02T09:00:00+08:00");
  }

  private static byte[] claims(int rows, String status, String updatedAt) {
    StringBuilder csv = new StringBuilder("claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
        + "reported_at,amount_claimed,currency,handler_id,updated_at,customer_name\n");
    for (int i = 1; i <= rows; i++) {
      csv.append("D-").append(i).append(",P,HLT,health,simple,N,").append(status)
          .append(",2026-11-01T09:00:00+08:00,100,TWD,H,").append(updatedAt).append(",Customer D-").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")), RequestBody.fromBytes(content));
  }

  private static String read(String key) {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String();
  }

  /** Uploads every file an events/ set's EXPECTED.json names, and returns that oracle. */
  private static JsonNode uploadSampleSet(String set) throws java.io.IOException {
    JsonNode expected = JSON.readTree(ROOT.resolve("events").resolve(set).resolve("EXPECTED.json").toFile());
    for (JsonNode file : expected) {
      String key = file.get("key").asText();
      upload(key, Files.readAllBytes(ROOT.resolve("events").resolve(set).resolve(key.substring("incoming/".length()))));
    }
    return expected;
  }

  private static boolean exists(String key) {
    return local.clients().s3().listObjectsV2(request -> request.bucket(bucket).prefix(key)).keyCount() > 0;
  }

  private static String fileIdOf(String key) {
    String[] parts = key.split("/");
    return parts[1] + "#" + parts[3].substring(0, parts[3].indexOf('.')) + "#" + parts[2];
  }

  /** The row items of a file's current generation. */
  private static List<Map<String, AttributeValue>> rowItems(String fileId) {
    Map<String, AttributeValue> current = local.clients().dynamoDb().getItem(request -> request.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("FILE#" + fileId), "sk", AttributeValue.fromS("CURRENT")))).item();
    String generation = current == null || current.isEmpty() ? "none" : current.get("generation").s();
    List<Map<String, AttributeValue>> rows = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
            .filterExpression("fileId = :f AND generation = :g AND sk <> :state")
            .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(fileId), ":g", AttributeValue.fromS(generation),
                ":state", AttributeValue.fromS("STATE"))))
        .items().forEach(rows::add);
    return rows;
  }

  /** Every row item of a file, whatever its generation: what a reader that ignored generations would see. */
  private static List<Map<String, AttributeValue>> storedRowItems(String fileId) {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
        .filterExpression("fileId = :f AND begins_with(pk, :rec) AND sk <> :state")
        .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(fileId), ":rec", AttributeValue.fromS("REC#"),
            ":state", AttributeValue.fromS("STATE"))))
        .items().forEach(all::add);
    return all;
  }

  private static Map<String, String> surveyScores(String key) {
    return storedRowItems(fileIdOf(key)).stream().collect(Collectors.toMap(item -> item.get("survey_id").s(), item -> item.get("overall_score").n()));
  }

  private static Map<String, AttributeValue> state(String type, String branch, String id) {
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("REC#" + type + "#" + branch + "#" + id), "sk", AttributeValue.fromS("STATE")))).item();
  }
}
