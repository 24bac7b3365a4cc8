package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.reports.function.ReportHandler;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RepeatViolator;
import io.qualityhub.sampling.function.SamplingHandler;
import io.qualityhub.sampling.function.SamplingOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Repeat violators on the local emulator (issue 15 item 7, policy III.4.3): violations planted through intake at two
 * branches over fourteen months, November's sales drawn. The month's run must list exactly the staff with 2 or more
 * violations in the 12 months up to 30 November, alert once with their ids, weigh the sales of those already
 * flagged before November more, and store the list so that November's reports name them.
 */
class RepeatViolatorsEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Period NOVEMBER = Period.parse("2026-11");
  private static final String CUSTOMER_NAME = "張志明";
  private static final String CUSTOMER_ID = "B123456780";
  private static final String VIOLATIONS_HEADER = "record_id,staff_id,department,occurred_on,violation_type,severity,"
      + "sanction,fine_amount,currency\n";

  private static final Clock REPORT_CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalDeployment local;
  private static String bucket;
  private static SamplingOutcome drawn;
  private static final List<String> alerts = new ArrayList<>();

  @BeforeAll
  static void plantViolationsAndDrawNovember() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    // AG-R1: two violations before November at two branches: flagged, and weighed in November's draw.
    // AG-R2: one in October, one in November: flagged as of 30 November, weighed only from December.
    // AG-R3: one in November 2025, just outside the window, one in March 2026: not flagged.
    // UW-R4: the same violation reported in two files: counts once, not flagged.
    upload("incoming/RV-01/2026-03-10/violations.csv", VIOLATIONS_HEADER
        + "V-RV1-01,AG-R1,sales,2026-03-09,招攬文宣未經核准,minor,warning,,\n"
        + "V-RV1-02,AG-R3,sales,2026-03-09,未提供重要事項告知書,minor,training,,\n"
        + "V-RV1-03,UW-R4,underwriting,2026-03-09,核保權限逾越,major,warning,,\n");
    upload("incoming/RV-01/2026-04-02/violations.csv", VIOLATIONS_HEADER
        + "V-RV1-03,UW-R4,underwriting,2026-03-09,核保權限逾越,major,warning,,\n");
    upload("incoming/RV-02/2025-11-30/violations.csv", VIOLATIONS_HEADER
        + "V-RV2-01,AG-R3,sales,2025-11-30,代客戶簽名,major,warning,,\n");
    upload("incoming/RV-02/2026-09-15/violations.csv", VIOLATIONS_HEADER
        + "V-RV2-02,AG-R1,sales,2026-09-14,誇大保單收益,major,fine,12000,TWD\n");
    upload("incoming/RV-02/2026-10-20/violations.csv", VIOLATIONS_HEADER
        + "V-RV2-03,AG-R2,sales,2026-10-19,電銷錄音未完整保存,minor,warning,,\n");
    upload("incoming/RV-02/2026-11-12/violations.csv", VIOLATIONS_HEADER
        + "V-RV2-04,AG-R2,sales,2026-11-11,未提供重要事項告知書,minor,training,,\n");
    upload("incoming/RV-01/2026-11-20/sales.csv", sales("RV-01", 30));
    new QueueDelivery(local.clients().configure(SqsClient.builder()).build(), local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }), "IntakeFunction", 2);
    drawn = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC), refused -> { throw refused; },
        (period, roster, tasks) -> { },
        (period, flagged, key) -> alerts.add(period + " " + key + " " + flagged.stream()
            .map(RepeatViolator::staffId).toList())).sample(NOVEMBER);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void theMonthsListNamesExactlyTheStaffWithTwoViolationsInTheTwelveMonthsUpToItsEnd() {
    assertEquals("staff_id,department,branches,violations,first_on,last_on,violation_ids,window_from,window_to\r\n"
        + "AG-R1,sales,RV-01;RV-02,2,2026-03-09,2026-09-14,RV-01/V-RV1-01;RV-02/V-RV2-02,2025-12-01,2026-11-30\r\n"
        + "AG-R2,sales,RV-02,2,2026-10-19,2026-11-11,RV-02/V-RV2-03;RV-02/V-RV2-04,2025-12-01,2026-11-30\r\n",
        read("samples/2026-11/repeat-violators.csv"));
    assertTrue(drawn.taskLists().contains("samples/2026-11/repeat-violators.csv"));
  }

  @Test
  void theQualityHeadIsAlertedOnceWithTheStaffIdsAndWhereTheListIs() {
    assertEquals(List.of("2026-11 samples/2026-11/repeat-violators.csv [AG-R1, AG-R2]"), alerts);
  }

  @Test
  void salesOfStaffFlaggedBeforeTheMonthWeighMoreInItsDraw() {
    List<InspectionTask> tasks = drawn.tasks().stream().filter(task -> task.branch().equals("RV-01")).toList();
    List<InspectionTask> byR1 = tasks.stream().filter(task -> salesperson(task).equals("AG-R1")).toList();
    List<InspectionTask> byR2 = tasks.stream().filter(task -> salesperson(task).equals("AG-R2")).toList();
    assertFalse(byR1.isEmpty());
    assertFalse(byR2.isEmpty());
    byR1.forEach(task -> assertEquals(List.of("staff_prior_incidents", "repeat_violator"), task.reasons()));
    // AG-R2's second violation is in November itself: prior incidents, not yet a repeat violator for this draw.
    byR2.forEach(task -> assertEquals(List.of("staff_prior_incidents"), task.reasons()));
    tasks.stream().filter(task -> salesperson(task).equals("AG-X"))
        .forEach(task -> assertEquals(List.of(), task.reasons()));
    assertEquals("2026-12-2", drawn.planVersion());
  }

  @Test
  void theListAndTheAlertCarryNoCustomerData() {
    String list = read("samples/2026-11/repeat-violators.csv");
    for (String sensitive : List.of(CUSTOMER_NAME, CUSTOMER_ID, "誇大保單收益")) {
      assertFalse(list.contains(sensitive), sensitive);
      assertFalse(alerts.toString().contains(sensitive), sensitive);
    }
  }

  @Test
  void verifyPassesOnAMonthDrawnWithRepeatViolators() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, new SampleCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(List.of("verify", "--period", "2026-11", "--endpoint", local.endpoint().toString())),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void novembersCompanyReportListsExactlyItsRepeatViolatorsInJsonAndPdf() throws Exception {
    Map<String, Object> produced = reports().produce(Map.of("period", "2026-11", "scope", "company"));

    assertEquals(JSON.readTree("[{\"staffId\":\"AG-R1\",\"department\":\"sales\",\"branches\":[\"RV-01\",\"RV-02\"],"
        + "\"violations\":2},{\"staffId\":\"AG-R2\",\"department\":\"sales\",\"branches\":[\"RV-02\"],"
        + "\"violations\":2}]"), novembersRepeatViolators(JSON.readTree(report(produced, "json"))));
    try (PDDocument pdf = Loader.loadPDF(report(produced, "pdf"))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Repeat violators (2 or more violations in 12 months): 2"), text);
      assertTrue(text.contains("AG-R1 sales RV-01, RV-02: 違規 2 次 violations"), text);
      assertTrue(text.contains("AG-R2 sales RV-02: 違規 2 次 violations"), text);
      assertFalse(text.contains(CUSTOMER_NAME) || text.contains(CUSTOMER_ID), "no customer data in the report");
    }
  }

  @Test
  void aBranchsReportListsOnlyTheRepeatViolatorsWithAViolationThere() throws Exception {
    Map<String, Object> produced = reports().produce(Map.of("period", "2026-11", "scope", "branch:RV-01"));

    assertEquals(JSON.readTree("[{\"staffId\":\"AG-R1\",\"department\":\"sales\",\"branches\":[\"RV-01\"],"
        + "\"violations\":2}]"), novembersRepeatViolators(JSON.readTree(report(produced, "json"))));
  }

  private static ReportHandler reports() {
    return new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), REPORT_CLOCK);
  }

  private static JsonNode novembersRepeatViolators(JsonNode report) {
    for (JsonNode sample : report.get("samples")) {
      if (sample.get("period").asText().equals("2026-11")) {
        return sample.get("repeatViolators");
      }
    }
    throw new AssertionError("no sample of 2026-11 in " + report.get("samples"));
  }

  @SuppressWarnings("unchecked")
  private static byte[] report(Map<String, Object> produced, String format) {
    Map<String, Object> formats = (Map<String, Object>) produced.values().iterator().next();
    String key = (String) ((Map<String, Object>) formats.get(format)).get("key");
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket")).key(key))
        .asByteArray();
  }

  /** Sale i was made by AG-R1 when i % 3 == 0, AG-R2 when i % 3 == 1, AG-X otherwise (see {@link #sales}). */
  private static String salesperson(InspectionTask task) {
    int i = Integer.parseInt(task.record().recordId().substring(task.record().recordId().lastIndexOf('-') + 1));
    return switch (i % 3) {
      case 0 -> "AG-R1";
      case 1 -> "AG-R2";
      default -> "AG-X";
    };
  }

  /** Every premium the same, so no sale is above the stratum's 95th percentile. */
  private static byte[] sales(String branch, int rows) {
    StringBuilder csv = new StringBuilder("record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (int i = 1; i <= rows; i++) {
      String salesperson = switch (i % 3) {
        case 0 -> "AG-R1";
        case 1 -> "AG-R2";
        default -> "AG-X";
      };
      csv.append("S-").append(branch).append('-').append(String.format("%03d", i)).append(",P-").append(i)
          .append(",2026-11-").append(String.format("%02d", 1 + i % 28)).append("T10:00:00+08:00,").append(salesperson)
          .append(",2019-03-01,LF-WL20,life,agent,1000.00,TWD,").append(CUSTOMER_NAME)
          .append(',').append(CUSTOMER_ID).append(",Y,Y,Y,REC-").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void upload(String key, String content) {
    upload(key, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content));
  }

  private static String read(String key) {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key))
        .asString(StandardCharsets.UTF_8);
  }
}
