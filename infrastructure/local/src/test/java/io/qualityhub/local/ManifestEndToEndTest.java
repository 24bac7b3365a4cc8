package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.function.AggregateHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Branch manifests on the emulator: files in, each stored or refused with its exact reason, whether the manifest
 * comes before its files, after them, or while one is being stored; hostile manifests refused without harm.
 */
class ManifestEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String DAY = "2026-11-20";
  private static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,"
      + "status,reported_at,amount_claimed,currency,handler_id,updated_at,customer_name\n";
  /** Planted where a hostile manifest puts values: no report or outcome may repeat it. */
  private static final String PLANTED = "Q987654321";

  private static LocalDeployment local;
  private static String bucket;
  private static String table;
  private static final ByteArrayOutputStream functionOutput = new ByteArrayOutputStream();

  @BeforeAll
  static void deploy() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    table = local.physicalId("RecordsTable");
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void withTheManifestFirstAgreeingFilesAreStoredAndOthersRefusedWithNothingStored() throws Exception {
    String branch = "MF-01";
    byte[] surveys = surveys(3);
    upload(manifestKey(branch), manifest(branch, "{\"name\":\"surveys.csv\",\"rows\":3,\"sha256\":\"" + sha256(surveys) + "\"},"
        + "{\"name\":\"claims.csv\",\"rows\":5}"));
    assertEquals(FileStatus.PROCESSED, deliverIntake().get(manifestKey(branch)).status());
    assertEquals("line,column,reason,message\n", read("rejects/" + branch + "/" + DAY + "/manifest.csv"),
        "an accepted manifest's report is its header");

    upload(key(branch, "surveys.csv"), surveys);
    upload(key(branch, "claims.csv"), claims(4, "CLM"));
    upload(key(branch, "portfolio.csv"), "month,product_line,policies_in_force\n2026-11,life,10\n".getBytes(StandardCharsets.UTF_8));
    Map<String, FileOutcome> outcomes = deliverIntake();

    assertEquals(FileStatus.PROCESSED, outcomes.get(key(branch, "surveys.csv")).status());
    assertEquals(3, rowItems(branch, "surveys").size());
    assertEquals("MANIFEST_MISMATCH: the manifest incoming/MF-01/2026-11-20/manifest.json declares 5 data rows for"
        + " claims.csv and the file holds 4: upload the complete export again, or correct the manifest and upload it,"
        + " then this file, again", outcomes.get(key(branch, "claims.csv")).refusal());
    assertEquals("line,column,reason,message\n0,,MANIFEST_MISMATCH,\"the manifest incoming/MF-01/2026-11-20/manifest.json"
        + " declares 5 data rows for claims.csv and the file holds 4: upload the complete export again, or correct the"
        + " manifest and upload it, then this file, again\"\n", read("rejects/" + branch + "/" + DAY + "/claims.csv"));
    assertEquals(List.of(), storedRowItems(branch, "claims"), "a refused file stores nothing");
    assertNull(state(branch, "CLM-1"));
    assertEquals("NOT_IN_MANIFEST: the manifest incoming/MF-01/2026-11-20/manifest.json does not name portfolio.csv:"
        + " add the file to the manifest and upload the manifest, then this file, again (or upload the file the"
        + " manifest names)", outcomes.get(key(branch, "portfolio.csv")).refusal());
    assertEquals(List.of(), storedRowItems(branch, "portfolio"));
  }

  @Test
  void withTheFilesFirstTheManifestWithdrawsThoseThatDisagreeAndTheirRowsStatesAndFiguresNoLongerCount() throws Exception {
    String branch = "MF-02";
    byte[] claimsSent = claims(4, "CLM");
    byte[] claimsDeclared = claims(4, "CLN");
    upload(key(branch, "claims.csv"), claimsSent);
    upload(key(branch, "surveys.csv"), surveys(3));
    upload(key(branch, "portfolio.csv"), "month,product_line,policies_in_force\n2026-11,life,10\n".getBytes(StandardCharsets.UTF_8));
    deliverIntake();
    deliverAggregates();
    assertEquals(4, rowItems(branch, "claims").size());
    assertEquals("reported", state(branch, "CLM-1").get("status").s());
    assertTrue(surveysAggregated(branch), "before the manifest, the surveys count in reports");
    assertTrue(arrived(branch, "claims"), "and the claims arrived");

    upload(manifestKey(branch), manifest(branch, "{\"name\":\"claims.csv\",\"rows\":4,\"sha256\":\"" + sha256(claimsDeclared) + "\"},"
        + "{\"name\":\"surveys.csv\",\"rows\":2},{\"name\":\"portfolio.csv\",\"rows\":1}"));
    SQSEvent manifestEvent = waitingEvent(manifestKey(branch));
    List<FileOutcome> outcomes = new ArrayList<>();
    IntakeHandler intake = handler(local.clients(), outcomes::add);
    assertTrue(intake.handleRequest(manifestEvent, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());
    deliverAggregates();

    assertEquals(FileStatus.PROCESSED, outcomes.get(0).status());
    assertEquals(List.of(), storedRowItems(branch, "claims"), "the withdrawn claims' rows are deleted");
    assertNull(state(branch, "CLM-1"), "a state that came from a withdrawn row goes with it");
    assertEquals("line,column,reason,message\n0,,MANIFEST_MISMATCH,\"the SHA-256 of claims.csv differs from the one the"
        + " manifest incoming/MF-02/2026-11-20/manifest.json declares (its 4 data rows agree): the file changed after the"
        + " manifest was written; upload the file the manifest describes, or correct the manifest and upload it, then this"
        + " file, again; its rows, stored before the manifest came, no longer count\"\n",
        read("rejects/" + branch + "/" + DAY + "/claims.csv"));
    assertEquals("line,column,reason,message\n0,,MANIFEST_MISMATCH,\"the manifest incoming/MF-02/2026-11-20/manifest.json"
        + " declares 2 data rows for surveys.csv and the file holds 3: upload the complete export again, or correct the"
        + " manifest and upload it, then this file, again; its rows, stored before the manifest came, no longer count\"\n",
        read("rejects/" + branch + "/" + DAY + "/surveys.csv"));
    assertEquals(List.of(), storedRowItems(branch, "surveys"));
    assertFalse(surveysAggregated(branch), "the withdrawn surveys no longer count in reports");
    assertEquals(1, rowItems(branch, "portfolio").size(), "the file that agrees stays");
    assertFalse(arrived(branch, "claims"), "a withdrawn file is no arrival: the upload calendar counts it missing");
    assertTrue(arrived(branch, "portfolio"));

    // Idempotent: the manifest and the withdrawn file delivered again change nothing and say the same.
    assertTrue(intake.handleRequest(manifestEvent, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());
    assertTrue(intake.handleRequest(eventFor(key(branch, "claims.csv")), LocalContext.forFunction("IntakeFunction", 900_000))
        .getBatchItemFailures().isEmpty());
    assertEquals(FileStatus.PROCESSED, outcomes.get(1).status());
    assertEquals(FileStatus.REFUSED, outcomes.get(2).status());
    assertTrue(outcomes.get(2).refusal().startsWith("MANIFEST_MISMATCH: the SHA-256 of claims.csv differs"), outcomes.get(2).refusal());
    assertEquals(List.of(), storedRowItems(branch, "claims"));

    // The export the manifest describes, sent again, is stored.
    upload(key(branch, "claims.csv"), claimsDeclared);
    assertEquals(FileStatus.PROCESSED, deliverIntake().get(key(branch, "claims.csv")).status());
    assertEquals(4, rowItems(branch, "claims").size());
    assertEquals("reported", state(branch, "CLN-1").get("status").s());
    assertEquals("line,column,reason,message\n", read("rejects/" + branch + "/" + DAY + "/claims.csv"));
  }

  @Test
  void aFileBeingStoredWhenItsManifestArrivesIsWithdrawnByItsOwnSecondLook() throws Exception {
    String branch = "MF-03";
    upload(key(branch, "claims.csv"), claims(60, "CLM"));
    SQSEvent fileEvent = waitingEvent(key(branch, "claims.csv"));

    // The manifest is taken while the file's rows are being written: it finds nothing current to withdraw.
    List<FileOutcome> manifestOutcomes = new ArrayList<>();
    AtomicBoolean manifestSent = new AtomicBoolean();
    ExecutionInterceptor manifestMidway = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("BatchWriteItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
            && manifestSent.compareAndSet(false, true)) {
          upload(manifestKey(branch), manifest(branch, "{\"name\":\"claims.csv\",\"rows\":61}"));
          handler(local.clients(), manifestOutcomes::add).handleRequest(waitingEvent(manifestKey(branch)),
              LocalContext.forFunction("IntakeFunction", 900_000));
        }
      }
    };
    List<FileOutcome> fileOutcomes = new ArrayList<>();
    assertTrue(handler(local.clients().withInterceptors(manifestMidway), fileOutcomes::add)
        .handleRequest(fileEvent, LocalContext.forFunction("IntakeFunction", 900_000)).getBatchItemFailures().isEmpty());

    assertEquals(FileStatus.PROCESSED, manifestOutcomes.get(0).status());
    assertEquals("MANIFEST_MISMATCH: the manifest incoming/MF-03/2026-11-20/manifest.json declares 61 data rows for"
        + " claims.csv and the file holds 60: upload the complete export again, or correct the manifest and upload it,"
        + " then this file, again; its rows, stored before the manifest came, no longer count",
        fileOutcomes.get(0).refusal());
    assertEquals(List.of(), storedRowItems(branch, "claims"));
    assertNull(state(branch, "CLM-1"));
  }

  @Test
  void hostileManifestsAreRefusedSayingWhatAndWhereWhileIntakeGoesOn() throws Exception {
    String padded = "{\"formatVersion\":1,\"branch\":\"MF-04\",\"businessDate\":\"" + DAY + "\",\"files\":[]"
        + " ".repeat(70_000) + "}";
    upload(manifestKey("MF-04"), padded.getBytes(StandardCharsets.UTF_8));
    upload(manifestKey("MF-05"), ("{\"formatVersion\":1,\n\"branch\":" + PLANTED + "}").getBytes(StandardCharsets.UTF_8));
    upload(manifestKey("MF-06"), manifest("MF-99", "{\"name\":\"" + PLANTED + ".csv\",\"rows\":1}"));
    upload(manifestKey("MF-07"), manifest("MF-07", "{\"name\":\"claims.csv\",\"rows\":1,\"x\":\"" + PLANTED + "\"}"));
    upload("incoming/QA/" + DAY + "/manifest.json", manifest("QA", ""));
    upload(key("MF-05", "surveys.csv"), surveys(3));
    Map<String, FileOutcome> outcomes = deliverIntake();

    String todo = "; see docs/upload-format.md, \"Branch manifests\", and upload the manifest again";
    Map<String, String> refusals = new TreeMap<>();
    outcomes.forEach((key, outcome) -> refusals.put(key, outcome.refusal()));
    assertEquals(new TreeMap<>(Map.of(
        manifestKey("MF-04"), "INVALID_MANIFEST: the manifest is larger than 65536 bytes; a manifest of every record type"
            + " takes under 2 KiB: check that the file uploaded as manifest.json is the manifest",
        manifestKey("MF-05"), "INVALID_MANIFEST: the manifest is not valid UTF-8 JSON at line 2, column 10 (one JSON"
            + " object, each key once, objects nested at most 4 deep)" + todo,
        manifestKey("MF-06"), "INVALID_MANIFEST: branch is not \"MF-06\", the branch of its key"
            + " incoming/MF-06/2026-11-20/manifest.json: a manifest describes the files of the branch and day it is"
            + " uploaded under" + todo,
        manifestKey("MF-07"), "INVALID_MANIFEST: key number 3 of files[0] is not one of name, rows, sha256" + todo,
        "incoming/QA/" + DAY + "/manifest.json", "INVALID_KEY: manifests are for branch uploads; the quality"
            + " department's findings and roster have none")), new TreeMap<>(Map.of(
        manifestKey("MF-04"), refusals.get(manifestKey("MF-04")),
        manifestKey("MF-05"), refusals.get(manifestKey("MF-05")),
        manifestKey("MF-06"), refusals.get(manifestKey("MF-06")),
        manifestKey("MF-07"), refusals.get(manifestKey("MF-07")),
        "incoming/QA/" + DAY + "/manifest.json", refusals.get("incoming/QA/" + DAY + "/manifest.json"))));
    for (String branch : List.of("MF-04", "MF-05", "MF-06", "MF-07")) {
      String report = read("rejects/" + branch + "/" + DAY + "/manifest.csv");
      assertTrue(report.startsWith("line,column,reason,message\n0,,INVALID_MANIFEST,"), report);
      assertFalse(report.contains(PLANTED), "the report quotes no value of the manifest");
    }
    assertFalse(String.join("\n", refusals.values()).contains(PLANTED));
    assertFalse(functionOutput.toString(StandardCharsets.UTF_8).contains(PLANTED), "nor does the function's log");
    assertEquals(FileStatus.PROCESSED, outcomes.get(key("MF-05", "surveys.csv")).status(),
        "a refused manifest puts none in force: the day's files are taken as without one");
    assertEquals(3, rowItems("MF-05", "surveys").size());
  }

  @Test
  void aManifestWrittenWithAnotherBranchsCredentialsIsRefusedAndPutsNothingInForce() throws Exception {
    String branch = "MF-08";
    upload(manifestKey(branch), manifest(branch, "{\"name\":\"surveys.csv\",\"rows\":9}"));
    waitingEvent(manifestKey(branch));
    List<FileOutcome> outcomes = new ArrayList<>();
    handler(local.clients(), outcomes::add).handleRequest(S3NotificationEvents.sqsEvent("m-uploader", S3NotificationEvents
            .objectCreated(bucket, manifestKey(branch), null, null, "AWS:AROAEXAMPLEID1234567:branch-KHH-02")),
        LocalContext.forFunction("IntakeFunction", 900_000));

    assertEquals("UPLOADER_MISMATCH: the file was uploaded with the credentials of branch KHH-02, not of branch MF-08: each"
        + " branch uploads under incoming/{its own code}/ only. Upload it again with the credentials of branch MF-08, or"
        + " under your own branch's prefix", outcomes.get(0).refusal());
    upload(key(branch, "surveys.csv"), surveys(3));
    assertEquals(FileStatus.PROCESSED, deliverIntake().get(key(branch, "surveys.csv")).status(),
        "the refused manifest is not in force");
  }

  private static IntakeHandler handler(AwsClients clients, java.util.function.Consumer<FileOutcome> outcomes) {
    return new IntakeHandler(local.settingsOf("IntakeFunction"), clients, outcomes);
  }

  private static Map<String, FileOutcome> deliverIntake() {
    Map<String, FileOutcome> outcomes = new TreeMap<>();
    assertEquals(List.of(), delivery("IntakeQueue").drain(handler(local.clients(), outcome -> outcomes.put(outcome.key(), outcome)),
        "IntakeFunction", 1), "no message may fail");
    return outcomes;
  }

  private static void deliverAggregates() {
    AggregateHandler handler = new AggregateHandler(local.settingsOf("AggregateFunction"), local.clients());
    assertEquals(List.of(), delivery("AggregatesQueue").drain(handler, "AggregateFunction", 1));
  }

  private static QueueDelivery delivery(String queue) {
    return new QueueDelivery(local.clients().configure(SqsClient.builder()).build(), local.attribute(queue, "QueueUrl"),
        local.attribute(queue, "Arn"), local.clients().region().id(), new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
  }

  /** The notification of an upload as the queue would deliver it, taken off the queue so that only the test delivers it. */
  private static SQSEvent waitingEvent(String key) {
    local.clients().configure(SqsClient.builder()).build()
        .purgeQueue(request -> request.queueUrl(local.attribute("IntakeQueue", "QueueUrl")));
    return eventFor(key);
  }

  private static SQSEvent eventFor(String key) {
    return S3NotificationEvents.sqsEvent("m-" + key.hashCode(), S3NotificationEvents.objectCreated(bucket, key, null, null, null));
  }

  /** Whether the arrivals ledger the upload calendar reads has the branch's type for the day. */
  private static boolean arrived(String branch, String type) {
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("UPLOADS#" + DAY), "sk", AttributeValue.fromS(branch + "#" + type)))).item();
    return item != null && !item.isEmpty();
  }

  private static boolean surveysAggregated(String branch) {
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request
        .tableName(local.physicalId("ReportsTable")).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("AGG#" + DAY.substring(0, 7)), "sk", AttributeValue.fromS(DAY + "#" + branch + "#SURVEYS"))))
        .item();
    return AggregateJson.read(item.get("aggregate").s()).byBranch().containsKey(branch);
  }

  private static String key(String branch, String name) {
    return "incoming/" + branch + "/" + DAY + "/" + name;
  }

  private static String manifestKey(String branch) {
    return key(branch, "manifest.json");
  }

  private static byte[] manifest(String branch, String files) {
    return ("{\"formatVersion\": 1, \"branch\": \"" + branch + "\", \"businessDate\": \"" + DAY + "\", \"files\": [" + files + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] surveys(int rows) {
    StringBuilder csv = new StringBuilder("survey_id,surveyed_on,overall_score\n");
    for (int i = 1; i <= rows; i++) {
      csv.append("S-").append(i).append(',').append(DAY).append(",4\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] claims(int rows, String prefix) {
    StringBuilder csv = new StringBuilder(CLAIMS_HEADER);
    for (int i = 1; i <= rows; i++) {
      csv.append(prefix).append('-').append(i).append(",P,HLT,health,simple,N,reported,2026-11-01T09:00:00+08:00,100,TWD,H,"
          + "2026-11-02T09:00:00+08:00,Customer ").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")), RequestBody.fromBytes(content));
  }

  private static String read(String key) {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String();
  }

  /** The row items of a file's current generation. */
  private static List<Map<String, AttributeValue>> rowItems(String branch, String type) {
    String fileId = branch + "#" + type + "#" + DAY;
    Map<String, AttributeValue> current = local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("FILE#" + fileId), "sk", AttributeValue.fromS("CURRENT")))).item();
    String generation = current == null || current.isEmpty() ? "none" : current.get("generation").s();
    return storedRowItems(branch, type).stream().filter(item -> item.get("generation").s().equals(generation)).toList();
  }

  /** Every row item of a file, whatever its generation. */
  private static List<Map<String, AttributeValue>> storedRowItems(String branch, String type) {
    String fileId = branch + "#" + type + "#" + DAY;
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
        .filterExpression("fileId = :f AND begins_with(pk, :rec) AND sk <> :state")
        .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(fileId), ":rec", AttributeValue.fromS("REC#"),
            ":state", AttributeValue.fromS("STATE"))))
        .items().forEach(all::add);
    return all;
  }

  private static Map<String, AttributeValue> state(String branch, String claimId) {
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("REC#claims#" + branch + "#" + claimId), "sk", AttributeValue.fromS("STATE")))).item();
    return item == null || item.isEmpty() ? null : item;
  }
}
