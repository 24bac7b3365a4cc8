package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.sampling.domain.FrozenPopulation;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.SamplingUnit;
import io.qualityhub.sampling.function.FrozenPopulations;
import io.qualityhub.sampling.function.SamplingHandler;
import io.qualityhub.sampling.function.SamplingOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue 13 item 4: a sample that reproduces after late uploads. February 2026 is drawn from sales at LTA-01 (20) and
 * LTA-02 (5); then three sales dated February arrive at LTA-01 in a March file, and LTA-02's file is sent again
 * without one sale. {@code sample verify} redraws from the population frozen at the draw, exits 0 and names what
 * arrived and left; a replaced frozen population or a removed task makes it exit 1. Period 2026-02 and branches LTA-*
 * are this test's alone.
 */
class SampleLateArrivalsEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Period PERIOD = Period.parse("2026-02");
  private static final String CUSTOMER_NAME = "林淑芬";
  private static final String CUSTOMER_ID = "F212345678";
  private static final String CUSTOMER_PHONE = "0933-222-111";

  private static LocalDeployment local;
  private static String reportsBucket;
  private static SamplingOutcome drawn;
  private static final PrintStream functionLog = new PrintStream(new ByteArrayOutputStream(), true,
      StandardCharsets.UTF_8);

  @BeforeAll
  static void drawThenUploadLate() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    reportsBucket = local.physicalId("ReportsBucket");
    upload("incoming/LTA-01/2026-02-27/sales.csv", sales("LTA-01", 1, 20));
    upload("incoming/LTA-02/2026-02-27/sales.csv", sales("LTA-02", 1, 5));
    intake();
    drawn = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC)).sample(PERIOD);

    upload("incoming/LTA-01/2026-03-05/sales.csv", sales("LTA-01", 21, 23));
    upload("incoming/LTA-02/2026-02-27/sales.csv", sales("LTA-02", 1, 4));
    intake();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void afterLateUploadsVerifyPassesAndNamesWhatArrivedAndLeftPerStratum() {
    Run run = verify();

    assertEquals(0, run.status(), run.output());
    assertTrue(run.output().contains("late arrivals: 3\n  sales/LTA-01: 3\nleft since the draw: 1\n"
        + "  sales/LTA-02: 1\nchanged since the draw: 0\n"), run.output());
    assertTrue(run.output().contains("Sample 2026-02 verified: the stored sample is exactly what the method draws"
        + " from the population frozen at the draw"), run.output());
  }

  @Test
  void theFrozenPopulationHoldsTheDrawsRecordsStrataAndWeightsEncryptedAndLockedWithoutCustomerData()
      throws IOException {
    String key = FrozenPopulations.keyOf(PERIOD);
    HeadObjectResponse head = local.clients().s3().headObject(request -> request.bucket(reportsBucket).key(key));
    assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
    assertEquals(local.attribute("ReportsKey", "Arn"), head.ssekmsKeyId());
    assertEquals("COMPLIANCE", head.objectLockModeAsString(), "the bucket's default retention locks it");

    byte[] stored = frozenBytes();
    FrozenPopulation frozen = FrozenPopulation.decode(stored);
    assertEquals(List.of("LTA-01", "LTA-02"), frozen.units().stream().map(SamplingUnit::branch)
        .filter(branch -> branch.startsWith("LTA-")).distinct().toList());
    assertEquals(25, frozen.units().stream().filter(unit -> unit.branch().startsWith("LTA-")).count(),
        "the 25 sales of the draw, not the late ones");
    String text = gunzip(stored);
    assertTrue(text.contains("{\"recordType\":\"sales\",\"branch\":\"LTA-01\",\"recordId\":\"S-LTA-01-008\","
        + "\"productLine\":\"life\",\"stratum\":\"sales/LTA-01\",\"weight\":"), text);
    for (String sensitive : List.of(CUSTOMER_NAME, CUSTOMER_ID, CUSTOMER_PHONE)) {
      assertFalse(text.contains(sensitive), "customer data in the frozen population");
    }
    assertEquals(FrozenPopulation.sha256(stored), local.clients().dynamoDb().getItem(request -> request
        .tableName(local.physicalId("RecordsTable")).consistentRead(true).key(Map.of(
            "pk", AttributeValue.fromS("SAMPLE#" + PERIOD), "sk", AttributeValue.fromS("SAMPLE"))))
        .item().get("frozenPopulationSha256").s(), "the sample names the population's hash");
  }

  @Test
  void aReplacedFrozenPopulationFailsVerification() {
    byte[] original = frozenBytes();
    FrozenPopulation frozen = FrozenPopulation.decode(original);
    List<SamplingUnit> withoutOne = frozen.units().stream()
        .filter(unit -> !unit.recordId().equals("S-LTA-01-008")).toList();
    // The emulator keeps versions like S3: the locked original stays, a new version takes the key.
    putFrozen(reencoded(frozen, withoutOne));
    try {
      Run run = verify();

      assertEquals(1, run.status(), run.output());
      assertTrue(run.output().contains("the frozen population samples/2026-02/population.json.gz does not match the"
          + " sample: version "), run.output());
      assertTrue(run.output().contains("the sample recorded " + FrozenPopulation.sha256(original)), run.output());
    } finally {
      putFrozen(original);
    }
    assertEquals(0, verify().status(), "the original bytes again match the recorded hash");
  }

  @Test
  void aTaskRemovedFromTheSampleFailsVerificationNamingTheRecord() {
    InspectionTask removed = drawn.tasks().stream().filter(task -> task.branch().equals("LTA-01")).findFirst()
        .orElseThrow();
    String table = local.physicalId("RecordsTable");
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("SAMPLE#" + PERIOD),
        "sk", AttributeValue.fromS("TASK#" + removed.taskId()));
    Map<String, AttributeValue> item = local.clients().dynamoDb()
        .getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
    local.clients().dynamoDb().deleteItem(request -> request.tableName(table).key(key));
    try {
      Run run = verify();

      assertEquals(1, run.status(), run.output());
      assertTrue(run.output().contains("  " + removed.record() + ": picked by the draw (p="), run.output());
      assertTrue(run.output().contains("late arrivals: 3\n"), "still told apart: " + run.output());
    } finally {
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(item));
    }
  }

  private record Run(int status, String output) {}

  private static Run verify() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = new SampleCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(List.of("verify", "--period", PERIOD.toString(), "--endpoint", local.endpoint().toString()));
    return new Run(status, out.toString(StandardCharsets.UTF_8));
  }

  private static byte[] frozenBytes() {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket)
        .key(FrozenPopulations.keyOf(PERIOD))).asByteArray();
  }

  private static byte[] reencoded(FrozenPopulation frozen, List<SamplingUnit> units) {
    io.qualityhub.sampling.domain.SamplingPlan plan = new io.qualityhub.sampling.function.PlanSource(null).current();
    return FrozenPopulation.encode(frozen.period(), frozen.planVersion(), frozen.populationFingerprint(),
        new io.qualityhub.sampling.domain.Sampler(plan).weigh(frozen.period(), units, frozen.incidents()),
        frozen.incidents());
  }

  private static void putFrozen(byte[] bytes) {
    local.clients().s3().putObject(request -> request.bucket(reportsBucket).key(FrozenPopulations.keyOf(PERIOD))
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("ReportsKey", "Arn")),
        RequestBody.fromBytes(bytes));
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Sales {@code from}..{@code to} of a branch, all sold in February 2026, each with a customer's details. */
  private static byte[] sales(String branch, int from, int to) {
    StringBuilder csv = new StringBuilder("branch,record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (int i = from; i <= to; i++) {
      csv.append(branch).append(",S-").append(branch).append('-').append(String.format("%03d", i))
          .append(",P-").append(i).append(",2026-02-").append(String.format("%02d", 1 + i % 27))
          .append("T10:00:00+08:00,AG-").append(i % 4).append(",2019-03-01,LF-WL20,life,agent,")
          .append(1000 + i * 10).append(".00,TWD,").append(CUSTOMER_NAME).append(',').append(CUSTOMER_ID)
          .append(',').append(CUSTOMER_PHONE).append(",Y,Y,").append(i % 8 == 0 ? "N" : "Y").append(",REC-")
          .append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content));
  }

  private static void intake() {
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"),
        local.clients().region().id(), functionLog)
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }),
            "IntakeFunction", 2);
  }
}
