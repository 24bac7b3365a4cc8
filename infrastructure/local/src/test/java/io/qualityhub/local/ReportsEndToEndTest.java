package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.Counter;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AggregateHandler;
import io.qualityhub.reports.function.AggregateService;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.AuditVerifier;
import io.qualityhub.reports.function.ReportAccessHandler;
import io.qualityhub.reports.function.ReportHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Reports on the local emulator with the resources template.yaml declares: aggregates follow
 * re-uploads, reports are stored with their index and checksums under Object Lock, access is
 * decided, recorded in the chain and served through scoped signed URLs, and tampering is found.
 */
class ReportsEndToEndTest {

  /** When each key was last uploaded, so that an upload again comes in a later second (see upload). */
  private static final Map<String, Instant> UPLOADED_AT = new java.util.HashMap<>();

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock REPORT_CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  private static LocalDeployment local;
  private static String reportsTable;
  private static String reportsBucket;
  private static final ByteArrayOutputStream functionOutput = new ByteArrayOutputStream();

  @BeforeAll
  static void deploy() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    reportsTable = local.physicalId("ReportsTable");
    reportsBucket = local.physicalId("ReportsBucket");
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void aReUploadReplacesItsFilesAggregateAndTheReportCountsFollow() throws Exception {
    String key = "incoming/AGG-01/2026-10-05/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-10-05,1\nB,2026-10-05,2\nC,2026-10-05,3\nD,2026-10-05,9\n");
    FileOutcome first = deliverIntake().get(key);
    deliverAggregates();
    BranchTallies tallies = surveyTallies("AGG-01", "2026-10-05");
    assertEquals(3, tallies.count(Counter.SURVEY_RESPONSES, "overall"));
    assertEquals(6, tallies.count(Counter.SURVEY_SCORE_SUM, "overall"));

    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-10-05,5\nB,2026-10-05,5\nC,2026-10-05,5\nE,2026-10-05,1\n");
    deliverIntake();
    deliverAggregates();
    tallies = surveyTallies("AGG-01", "2026-10-05");
    assertEquals(4, tallies.count(Counter.SURVEY_RESPONSES, "overall"), "the re-upload replaced the first upload's contribution");
    assertEquals(16, tallies.count(Counter.SURVEY_SCORE_SUM, "overall"));

    FileCurrentEvent late = new FileCurrentEvent("AGG-01#2026-10-05#surveys", "AGG-01", "surveys", "2026-10-05",
        first.generation(), local.physicalId("IntakeBucket"), key, first.generation(), null, null, 3, 1);
    AggregateHandler aggregates = new AggregateHandler(local.settingsOf("AggregateFunction"), local.clients());
    assertEquals(AggregateService.Outcome.NOT_CURRENT, aggregates.process(late), "a late event of the replaced upload");
    assertEquals(4, surveyTallies("AGG-01", "2026-10-05").count(Counter.SURVEY_RESPONSES, "overall"));

    Map<String, Object> produced = reports().produce(Map.of("period", "2026-10", "scope", "branch:AGG-01"));
    JsonNode report = JSON.readTree(object(jsonKeyOf(produced)));
    JsonNode overall = indicator(report.get("indicators"), "satisfaction.mean.overall");
    assertEquals(4.0, overall.get("value").asDouble(), 1e-9, "mean of 5, 5, 5, 1");
    assertEquals(4, overall.get("basis").asLong());
  }

  /**
   * Threat: someone with write access to the reports table inflates a branch's figures by changing its aggregate.
   * Control: the aggregate function seals each aggregate; the report function uses none whose seal fails and counts
   * it. Test: the same report before and after: the changed aggregate's file no longer counts, and is counted refused.
   */
  @Test
  void aChangedAggregateIsRefusedCountedAndLeftOutOfTheReport() throws Exception {
    String key = "incoming/AGG-04/2026-10-06/surveys.csv";
    upload(key, "survey_id,surveyed_on,overall_score\nA,2026-10-06,2\nB,2026-10-06,4\n");
    deliverIntake();
    deliverAggregates();
    io.qualityhub.core.store.RefusedItems refused = new io.qualityhub.core.store.RefusedItems();
    ReportHandler handler = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), REPORT_CLOCK, refused);
    Map<String, Object> order = Map.of("period", "2026-10", "scope", "branch:AGG-04");
    JsonNode untampered = indicator(JSON.readTree(object(jsonKeyOf(handler.produce(order)))).get("indicators"),
        "satisfaction.mean.overall");
    assertEquals(3.0, untampered.get("value").asDouble(), 1e-9);
    assertEquals(0, refused.count(), refused.messages().toString());

    Map<String, AttributeValue> itemKey = Map.of("pk", AttributeValue.fromS("AGG#2026-10"),
        "sk", AttributeValue.fromS("2026-10-06#AGG-04#SURVEYS"));
    Map<String, AttributeValue> item = local.clients().dynamoDb()
        .getItem(request -> request.tableName(reportsTable).key(itemKey).consistentRead(true)).item();
    Map<String, AttributeValue> changed = new java.util.HashMap<>(item);
    changed.put("orderToken", AttributeValue.fromS(item.get("orderToken").s() + "0"));
    local.clients().dynamoDb().putItem(request -> request.tableName(reportsTable).item(changed));

    JsonNode tampered = indicator(JSON.readTree(object(jsonKeyOf(handler.produce(order)))).get("indicators"),
        "satisfaction.mean.overall");
    assertEquals(0, tampered.get("basis").asLong(), "the changed aggregate is not used");
    assertTrue(refused.count() >= 1, "counted each time the report read it");
    assertTrue(refused.messages().getFirst().contains("2026-10-06#AGG-04#SURVEYS in " + reportsTable + " fails its seal"),
        refused.messages().toString());
  }

  /**
   * A month uploaded over several days, with records carried by a later day's file, corrections and re-uploads: each
   * record counts once, from its latest state, in the period of its own dates (issue 13 item 1, decision 0016).
   */
  @Test
  void aMonthUploadedOverSeveralDaysCountsEachRecordOnceByItsOwnDatesFromItsLatestState() throws Exception {
    // Reports on the wall clock, as the aggregates record when figures change: a report after a change is revised.
    ReportHandler reports = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), Clock.systemUTC());
    Map<String, Object> october = Map.of("period", "2026-10", "scope", "branch:MON-01");
    String sales = "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,product_line,channel,"
        + "premium,currency,customer_name,customer_id_no,terms_given,risk_notice_given,customer_signed\n";
    // S-3 was sold on 30 September: it counts in September, though October's file carried it.
    uploadAndAggregate("incoming/MON-01/2026-10-03/sales.csv", sales
        + "S-1,P-1,2026-10-01T10:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N1,ID1,N,Y,Y\n"
        + "S-2,P-2,2026-10-03T10:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N2,ID2,Y,Y,Y\n"
        + "S-3,P-3,2026-09-30T16:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N3,ID3,Y,Y,Y\n");
    // The 10th's file corrects S-1 (terms given after all) and brings S-4, sold on the 9th, unsigned.
    uploadAndAggregate("incoming/MON-01/2026-10-10/sales.csv", sales
        + "S-1,P-1,2026-10-01T10:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N1,ID1,Y,Y,Y\n"
        + "S-4,P-4,2026-10-09T10:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N4,ID4,Y,Y,N\n");
    // The 3rd's file again, without S-2 and with S-1 as first sent: the 10th's correction of S-1 stays its state.
    uploadAndAggregate("incoming/MON-01/2026-10-03/sales.csv", sales
        + "S-1,P-1,2026-10-01T10:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N1,ID1,N,Y,Y\n"
        + "S-3,P-3,2026-09-30T16:00:00+08:00,E-1,2020-01-01,AU-1,auto,agent,100,TWD,N3,ID3,Y,Y,Y\n");

    String complaints = "complaint_id,received_at,channel,category,severity,status,first_response_at,resolved_at,updated_at\n";
    uploadAndAggregate("incoming/MON-01/2026-10-02/complaints.csv", complaints
        + "K-1,2026-10-01T10:00:00+08:00,phone,billing,major,open,,,2026-10-01T10:00:00+08:00\n"
        + "K-2,2026-10-02T09:00:00+08:00,email,service,general,open,,,2026-10-02T09:00:00+08:00\n");
    // K-1, received on the 1st, escalated on the 20th: still one major complaint of the 1st, counted once.
    uploadAndAggregate("incoming/MON-01/2026-10-20/complaints.csv", complaints
        + "K-1,2026-10-01T10:00:00+08:00,phone,billing,major,escalated,2026-10-01T11:00:00+08:00,,2026-10-20T09:00:00+08:00\n"
        + "K-3,2026-10-19T09:00:00+08:00,branch,service,general,resolved,2026-10-19T10:00:00+08:00,"
        + "2026-10-20T09:00:00+08:00,2026-10-20T09:00:00+08:00\n");
    JsonNode before = JSON.readTree(object(jsonKeyOf(reports.produce(october))));
    assertEquals(JSON.readTree("[]"), before.get("revised"), "the first report of the period revises none");
    assertEquals(100.0, indicator(before.get("indicators"), "complaints.resolved_on_time_pct").get("value").asDouble(), 1e-9,
        "K-3 resolved on time, before its file is uploaded again without it");
    assertEquals(1, indicator(before.get("indicators"), "complaints.major_count").get("value").asLong(), "K-1 only");
    // The 21st's file corrects K-2 to major; the 20th's file, uploaded again, no longer carries K-3.
    uploadAndAggregate("incoming/MON-01/2026-10-21/complaints.csv", complaints
        + "K-2,2026-10-02T09:00:00+08:00,email,service,major,responded,2026-10-02T12:00:00+08:00,,2026-10-21T09:00:00+08:00\n");
    uploadAndAggregate("incoming/MON-01/2026-10-20/complaints.csv", complaints
        + "K-1,2026-10-01T10:00:00+08:00,phone,billing,major,escalated,2026-10-01T11:00:00+08:00,,2026-10-20T09:00:00+08:00\n");

    String claims = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
        + "documents_complete_at,closed_at,amount_claimed,currency,handler_id,updated_at\n";
    uploadAndAggregate("incoming/MON-01/2026-10-05/claims.csv", claims
        + "C-1,P-1,HLT-1,health,simple,N,closed,2026-10-01T09:00:00+08:00,2026-10-02T09:00:00+08:00,"
        + "2026-10-05T15:00:00+08:00,5000,TWD,H-1,2026-10-05T15:00:00+08:00\n"
        + "C-2,P-2,HLT-1,health,simple,N,under_review,2026-10-02T09:00:00+08:00,,,5000,TWD,H-1,2026-10-02T09:00:00+08:00\n");
    // C-2 closed on the 7th, first sent in the 8th's file; C-1 reopened in the 9th's file: its settlement is retracted.
    uploadAndAggregate("incoming/MON-01/2026-10-08/claims.csv", claims
        + "C-2,P-2,HLT-1,health,simple,N,closed,2026-10-02T09:00:00+08:00,2026-10-03T09:00:00+08:00,"
        + "2026-10-07T15:00:00+08:00,5000,TWD,H-1,2026-10-07T15:00:00+08:00\n");
    uploadAndAggregate("incoming/MON-01/2026-10-09/claims.csv", claims
        + "C-1,P-1,HLT-1,health,simple,N,under_review,2026-10-01T09:00:00+08:00,2026-10-02T09:00:00+08:00,,5000,TWD,H-1,"
        + "2026-10-09T09:00:00+08:00\n");

    String surveys = "survey_id,surveyed_on,overall_score\n";
    uploadAndAggregate("incoming/MON-01/2026-10-06/surveys.csv", surveys + "V-1,2026-10-04,2\nV-2,2026-10-06,4\n");
    uploadAndAggregate("incoming/MON-01/2026-10-07/surveys.csv", surveys + "V-1,2026-10-04,5\n");

    JsonNode revisedReport = JSON.readTree(object(jsonKeyOf(reports.produce(october))));
    JsonNode revised = revisedReport.get("revised");
    assertEquals(1, revised.size(), revised.toString());
    assertEquals("2026-10", revised.get(0).get("period").asText(), "October's figures changed after its first report");
    assertEquals(before.get("generatedAt").asText(), revised.get(0).get("reportedAt").asText());
    JsonNode indicators = revisedReport.get("indicators");
    JsonNode disclosure = indicator(indicators, "sales.disclosure_compliance_pct");
    assertEquals(50.0, disclosure.get("value").asDouble(), 1e-9, "S-1 (corrected) complete, S-4 unsigned; S-2 withdrawn");
    assertEquals(1, disclosure.get("numerator").asLong());
    assertEquals(2, disclosure.get("denominator").asLong());
    JsonNode major = indicator(indicators, "complaints.major_count");
    assertEquals(2, major.get("value").asLong(), "K-1 (received on the 1st, uploaded again on the 20th) and K-2 (corrected)");
    JsonNode resolved = indicator(indicators, "complaints.resolved_on_time_pct");
    assertTrue(resolved.get("value").isNull(), "K-3, the only resolved complaint, was withdrawn by the re-upload");
    assertEquals("no_data", resolved.get("status").asText());
    JsonNode perPolicies = indicator(indicators, "complaints.per_10k_policies");
    assertTrue(perPolicies.get("value").isNull(), "no portfolio upload: no policies in force to divide by");
    assertEquals("no_data", perPolicies.get("status").asText());
    assertEquals(2, perPolicies.get("numerator").asLong(), "K-1 and K-2 received in October");
    JsonNode settled = indicator(indicators, "claims.settled_on_time_pct");
    assertEquals(100.0, settled.get("value").asDouble(), 1e-9, "C-2 settled on time; C-1's settlement retracted");
    assertEquals(1, settled.get("basis").asLong());
    JsonNode satisfaction = indicator(indicators, "satisfaction.mean.overall");
    assertEquals(4.5, satisfaction.get("value").asDouble(), 1e-9, "V-1 corrected to 5, V-2 4");
    assertEquals(2, satisfaction.get("basis").asLong());

    assertEquals(JSON.readTree("[]"), JSON.readTree(object(jsonKeyOf(reports.produce(october)))).get("revised"),
        "nothing changed since the revised report");

    JsonNode september = JSON.readTree(object(jsonKeyOf(reports.produce(Map.of("period", "2026-09", "scope", "branch:MON-01")))))
        .get("indicators");
    JsonNode septemberSales = indicator(september, "sales.disclosure_compliance_pct");
    assertEquals(100.0, septemberSales.get("value").asDouble(), 1e-9, "S-3, sold on 30 September");
    assertEquals(1, septemberSales.get("denominator").asLong());
  }

  @Test
  void aClaimTimelinessReportListsTheClaimsItsPeriodSettledLate() throws Exception {
    String header = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
        + "documents_complete_at,closed_at,amount_claimed,currency,handler_id,updated_at\n";
    upload("incoming/AGG-03/2026-10-20/claims.csv", header
        + "C-LATE,P-1,HLT-1,health,simple,N,closed,2026-09-28T09:00:00+08:00,2026-10-01T09:00:00+08:00,"
        + "2026-10-20T15:00:00+08:00,5000,TWD,H-1,2026-10-20T15:00:00+08:00\n"
        + "C-OK,P-2,HLT-1,health,simple,N,closed,2026-10-12T09:00:00+08:00,2026-10-15T09:00:00+08:00,"
        + "2026-10-20T15:00:00+08:00,5000,TWD,H-1,2026-10-20T15:00:00+08:00\n"
        + "C-OPEN,P-3,HLT-1,health,simple,N,under_review,2026-10-12T09:00:00+08:00,,,5000,TWD,H-1,2026-10-20T15:00:00+08:00\n");
    deliverIntake();
    deliverAggregates();

    Map<String, Object> produced = reports().produce(Map.of("period", "2026-10", "scope", "branch:AGG-03", "topic", "claims-timeliness"));
    JsonNode report = JSON.readTree(object(jsonKeyOf(produced)));
    assertEquals(JSON.readTree("[{\"id\":\"C-LATE\",\"reason\":\"settled_late\"}]"), report.get("special").get("items"));
    JsonNode onTime = indicator(report.get("indicators"), "claims.settled_on_time_pct");
    assertEquals(50.0, onTime.get("value").asDouble(), 1e-9, "one of the two settled claims on time");
    assertEquals(2, onTime.get("basis").asLong());
  }

  /**
   * The upload format accepts ids of up to 128 characters in any script; reports once refused any outside
   * {@code [A-Za-z0-9._:-]{1,64}}, so one such id stopped the company's whole report order. Here claim ids and a
   * repeat violator's staff id of 128 Chinese and mixed characters go through intake, aggregates, the monthly order
   * (company and branch reports, JSON, CSV and PDF) and a special report, and come out whole.
   */
  @Test
  void theMonthlyOrderCompletesWithIdsOfTheFormatsFullLengthAndTheReportsPrintThemWhole() throws Exception {
    String chinese = "理賠案件編號".repeat(21) + "甲乙";
    String mixed = ("CLM/理賠 #7:é-" + "x".repeat(4)).repeat(8);
    String staff = "業務員 A/工號-0042".repeat(9) + "業務員 A/工號-00";
    assertEquals(List.of(128, 128, 128), List.of(chinese, mixed, staff).stream()
        .map(id -> id.codePointCount(0, id.length())).toList());
    String header = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
        + "documents_complete_at,closed_at,amount_claimed,currency,handler_id,updated_at\n";
    String late = ",HLT-1,health,simple,N,closed,2026-07-01T09:00:00+08:00,2026-07-02T09:00:00+08:00,"
        + "2026-08-20T15:00:00+08:00,5000,TWD," + staff + ",2026-08-20T15:00:00+08:00\n";
    upload("incoming/LID-01/2026-08-20/claims.csv", header + "\"" + chinese + "\"," + chinese + late
        + "\"" + mixed + "\"," + mixed + late);
    upload("incoming/LID-01/2026-08-21/violations.csv", "record_id,staff_id,department,occurred_on,violation_type,"
        + "severity,sanction\n" + chinese + "," + staff + ",sales,2026-08-21,misselling,major,warning\n");
    Map<String, FileOutcome> outcomes = deliverIntake();
    assertEquals(2, outcomes.get("incoming/LID-01/2026-08-20/claims.csv").accepted(), outcomes.toString());
    assertEquals(1, outcomes.get("incoming/LID-01/2026-08-21/violations.csv").accepted(), outcomes.toString());
    deliverAggregates();
    // August's sample as the sampling run stores it, flagging the member of staff as a repeat violator.
    putSampleItem("SAMPLE#2026-08", "SAMPLE", Map.of("strata", AttributeValue.fromL(List.of())));
    putSampleItem("SAMPLE#2026-08", "REPEAT_VIOLATORS", Map.of("violators", AttributeValue.fromL(List.of(
        AttributeValue.fromM(Map.of("staffId", AttributeValue.fromS(staff), "department", AttributeValue.fromS("sales"),
            "branches", AttributeValue.fromL(List.of(AttributeValue.fromS("LID-01"))),
            "violations", AttributeValue.fromN("2")))))));

    ReportHandler september = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-09-10T00:00:00Z"), ZoneOffset.UTC));
    Map<String, Object> monthly = september.produce(Map.of("schedule", "monthly"));
    assertTrue(monthly.keySet().containsAll(List.of("quality-report_2026-08_company", "quality-report_2026-08_LID-01")),
        monthly.keySet().toString());
    for (String id : List.of("quality-report_2026-08_company", "quality-report_2026-08_LID-01")) {
      JsonNode violators = JSON.readTree(object(jsonKeyOf(Map.of(id, monthly.get(id))))).get("samples").get(0)
          .get("repeatViolators");
      assertEquals(JSON.readTree("[{\"staffId\":" + JSON.writeValueAsString(staff)
          + ",\"department\":\"sales\",\"branches\":[\"LID-01\"],\"violations\":2}]"), violators, id);
    }

    Map<String, Object> special = september.produce(Map.of("period", "2026-08", "scope", "company",
        "topic", "claims-timeliness"));
    String jsonKey = jsonKeyOf(special);
    assertEquals(JSON.readTree("[{\"id\":" + JSON.writeValueAsString("LID-01:" + mixed) + ",\"reason\":\"settled_late\"},"
            + "{\"id\":" + JSON.writeValueAsString("LID-01:" + chinese) + ",\"reason\":\"settled_late\"}]"),
        JSON.readTree(object(jsonKey)).get("special").get("items"));
    JsonNode onTime = null;
    for (JsonNode finding : JSON.readTree(object(jsonKey)).get("findings")) {
      onTime = finding.get("indicatorId").asText().equals("claims.settled_on_time_pct") ? finding : onTime;
    }
    assertEquals(JSON.readTree("[" + JSON.writeValueAsString("LID-01:" + mixed) + ","
        + JSON.writeValueAsString("LID-01:" + chinese) + "]"), onTime.get("recordIds"), "the finding names its records");
    assertEquals(2, onTime.get("recordCount").asInt());
    assertEquals(JSON.readTree("[{\"branch\":\"LID-01\",\"value\":0,\"numerator\":0,\"denominator\":2,"
        + "\"status\":\"red\"}]"), onTime.get("drivers"));
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = Loader.loadPDF(object(jsonKey.replace(".json", ".pdf")))) {
      // Wrapped lines come back without the spaces they broke at.
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
      assertTrue(text.contains("LID-01:" + chinese + "settled_late"), text);
      assertTrue(text.contains(("LID-01:" + mixed + "settled_late").replaceAll("\\s", "")), text);
    }
    JsonNode branch = JSON.readTree(object(jsonKeyOf(september.produce(Map.of("period", "2026-08",
        "scope", "branch:LID-01", "topic", "claims-timeliness")))));
    assertEquals(JSON.readTree("[{\"id\":" + JSON.writeValueAsString(mixed) + ",\"reason\":\"settled_late\"},"
        + "{\"id\":" + JSON.writeValueAsString(chinese) + ",\"reason\":\"settled_late\"}]"), branch.get("special").get("items"));
  }

  private static void putSampleItem(String pk, String sk, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(attributes);
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromS(sk));
    Map<String, AttributeValue> sealed = io.qualityhub.core.store.ItemSeal.ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"), local.clients()).sealed(item);
    local.clients().dynamoDb().putItem(request -> request.tableName(local.physicalId("RecordsTable")).item(sealed));
  }

  @Test
  void complaintsPerTenThousandDivideByTheUploadedPortfolioAndCoverageByTheTasksDue() throws Exception {
    upload("incoming/COV-01/2026-10-05/complaints.csv", "complaint_id,received_at,channel,category,severity,status,updated_at\n"
        + "Q-1,2026-10-05T09:00:00+08:00,phone,billing,general,open,2026-10-05T09:00:00+08:00\n"
        + "Q-2,2026-10-05T10:00:00+08:00,email,service,major,open,2026-10-05T10:00:00+08:00\n");
    upload("incoming/COV-01/2026-10-31/portfolio.csv", "month,product_line,policies_in_force\n"
        + "2026-10,life,3000\n2026-10,health,1000\n");
    deliverIntake();
    deliverAggregates();
    // Inspection tasks as the sampling function stores them; the second claim file's task has a result.
    putTask("T-COV-1", "claims", "2026-10-10", true);
    putTask("T-COV-2", "claims", "2026-10-20", false);
    putTask("T-COV-3", "claims", "2026-11-05", true); // due in November: not October's
    putTask("T-COV-4", "followups", "2026-10-12", false); // follow-up calls have no coverage indicator

    JsonNode report = JSON.readTree(object(jsonKeyOf(reports().produce(Map.of("period", "2026-10", "scope", "branch:COV-01")))));

    JsonNode rate = indicator(report.get("indicators"), "complaints.per_10k_policies");
    assertEquals(5.0, rate.get("value").asDouble(), 1e-9, "2 complaints / 4,000 policies in force x 10,000");
    assertEquals(2, rate.get("numerator").asLong());
    assertEquals(4000, rate.get("denominator").asLong());
    JsonNode coverage = indicator(report.get("indicators"), "inspections.coverage_pct.claim_file");
    assertEquals(50.0, coverage.get("value").asDouble(), 1e-9, "1 of the 2 tasks due in October has a result");
    assertEquals(1, coverage.get("numerator").asLong());
    assertEquals(2, coverage.get("denominator").asLong());
    assertEquals("no_data", indicator(report.get("indicators"), "inspections.coverage_pct.complaint").get("status").asText());
  }

  private static void putTask(String taskId, String inspectedRecordType, String dueOn, boolean done) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("pk", AttributeValue.fromS("SAMPLE#2026-10"),
        "sk", AttributeValue.fromS("TASK#" + taskId), "taskId", AttributeValue.fromS(taskId),
        "recordType", AttributeValue.fromS("inspections"), "inspectedRecordType", AttributeValue.fromS(inspectedRecordType),
        "branchCode", AttributeValue.fromS("COV-01"), "recordId", AttributeValue.fromS("R-" + taskId),
        "dueOn", AttributeValue.fromS(dueOn), "status", AttributeValue.fromS(done ? "done" : "open")));
    if (done) {
      item.put("verdict", AttributeValue.fromS("pass"));
      item.put("inspectionBranch", AttributeValue.fromS("COV-01"));
      item.put("inspectedOn", AttributeValue.fromS(dueOn));
    }
    // Sealed as the sampling and findings functions seal their tasks: the report uses no other.
    Map<String, AttributeValue> sealed = io.qualityhub.core.store.ItemSeal
        .ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"), local.clients()).sealed(item);
    local.clients().dynamoDb().putItem(request -> request.tableName(local.physicalId("RecordsTable")).item(sealed));
  }

  @Test
  void aReportIsStoredEncryptedUnderObjectLockWithItsIndexAndChecksums() throws Exception {
    Map<String, Object> produced = reports().produce(Map.of("period", "2026-10", "scope", "company"));
    assertEquals(List.of("quality-report_2026-10_company"), List.copyOf(produced.keySet()));
    Map<String, AttributeValue> index = local.clients().dynamoDb().getItem(request -> request.tableName(reportsTable)
        .key(Map.of("pk", AttributeValue.fromS("REPORT#quality-report_2026-10_company"), "sk", AttributeValue.fromS("INDEX")))).item();
    assertEquals("2026-10", index.get("period").s());
    assertEquals("company", index.get("scope").s());
    Map<String, AttributeValue> objects = index.get("objects").m();
    assertEquals(List.of("csv", "json", "pdf"), new TreeMap<>(objects).keySet().stream().toList());
    for (AttributeValue entry : objects.values()) {
      String key = entry.m().get("key").s();
      byte[] bytes = object(key);
      assertEquals(sha256(bytes), entry.m().get("sha256").s(), "SHA-256 in the index of " + key);
      HeadObjectResponse head = local.clients().s3().headObject(request -> request.bucket(reportsBucket).key(key));
      assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption(), key);
      assertEquals(local.attribute("ReportsKey", "Arn"), head.ssekmsKeyId(), key);
      assertEquals(ObjectLockMode.COMPLIANCE, head.objectLockMode(), key);
      // 7 years as 7 x 365 days (moto's arithmetic; S3's own counts calendar years).
      assertTrue(head.objectLockRetainUntilDate().isAfter(Instant.now().plus(java.time.Duration.ofDays(7 * 365 - 1))),
          "retained 7 years: " + head.objectLockRetainUntilDate());
    }
    assertTrue(new String(object("reports/2026-10/company/quality-report_2026-10_company.pdf"), 0, 5, StandardCharsets.US_ASCII)
        .startsWith("%PDF-"));
  }

  @Test
  void anAuditorGetsAFiveMinuteScopedUrlAndOtherCallersAreDeniedEachDecisionRecorded() throws Exception {
    String reportId = reports().produce(Map.of("period", "2026-10", "scope", "branch:AGG-02")).keySet().iterator().next();
    ReportAccessHandler access = access();
    Instant later = Instant.now().plusSeconds(3600);
    APIGatewayV2HTTPEvent anonymous = ReportRequests.get("nobody", "[auditor]", reportId, "pdf", later);
    anonymous.getRequestContext().setAuthorizer(null);
    List<APIGatewayV2HTTPEvent> requests = List.of(
        ReportRequests.get("auditor-7", "[auditor]", reportId, "pdf", later),
        ReportRequests.get("manager-3", "[branch-manager:TPE-01]", reportId, "pdf", later),
        ReportRequests.get("manager-4", "[branch-manager:AGG-02]", reportId, "csv", later),
        anonymous,
        ReportRequests.get("auditor-8", "[auditor]", reportId, "pdf", Instant.now().minusSeconds(60)));
    ByteArrayOutputStream accessLog = new ByteArrayOutputStream();
    List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
    PrintStream console = System.out;
    System.setOut(new PrintStream(accessLog, true, StandardCharsets.UTF_8)); // where the function's log lines go
    try {
      requests.forEach(request -> responses.add(access.handleRequest(request, context())));
    } finally {
      System.setOut(console);
    }
    APIGatewayV2HTTPResponse auditor = responses.get(0);
    APIGatewayV2HTTPResponse otherManager = responses.get(1);

    assertEquals(List.of(200, 404, 200, 401, 401), responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).toList());
    assertEquals("{\"error\":\"no report '" + reportId + "' in format pdf that you may read; report ids look like"
        + " quality-report_2026-11_company\"}", otherManager.getBody(), "a forbidden report answers like an unknown one");

    List<AccessRecord> records = new AuditTrail(local.clients().dynamoDb(), reportsTable).records();
    List<String> last = records.subList(records.size() - 5, records.size()).stream()
        .map(r -> r.who() + " " + r.role() + " " + r.decision().wire() + " " + r.reportKey()).toList();
    String pdfKey = "reports/2026-10/AGG-02/" + reportId + ".pdf";
    assertEquals(List.of(
        "auditor-7 auditor allow " + pdfKey,
        "manager-3 branch-manager:TPE-01 deny " + pdfKey,
        "manager-4 branch-manager:AGG-02 allow reports/2026-10/AGG-02/" + reportId + ".csv",
        "anonymous none deny " + reportId,
        "auditor-8 none deny " + reportId), last);

    URI url = URI.create(JSON.readTree(auditor.getBody()).get("url").asText());
    Map<String, String> query = query(url);
    assertEquals("300", query.get("X-Amz-Expires"), "URL_EXPIRY_SECONDS as template.yaml sets it");
    assertTrue(query.containsKey("X-Amz-Security-Token"), "signed by a role session, not by long-term keys");
    assertNotEquals("qualityhub-local", query.get("X-Amz-Credential").split("/")[0], "not the function's own credentials");
    assertTrue(url.getPath().endsWith("/" + pdfKey), url.getPath());
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertEquals(JSON.readTree(auditor.getBody()).get("sha256").asText(), sha256(download.body()));
    String log = accessLog.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("\"who\":\"auditor-7\"") && log.contains("report access allow"), log);
    assertFalse(log.contains("X-Amz-Signature") || log.contains(url.getRawQuery()), "the URL is never logged");
  }

  @Test
  void theUrlLifetimeCannotBeSetAboveFifteenMinutes() {
    Map<String, String> environment = local.functionEnvironment("ReportAccessFunction");
    environment.put("URL_EXPIRY_SECONDS", "901");
    IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ReportAccessHandler(new Settings(environment), local.clients(), Clock.systemUTC()));
    assertEquals("URL_EXPIRY_SECONDS is 901; set 1-900 (download URLs live at most 15 minutes)", refused.getMessage());
  }

  @Test
  void tamperingWithOneAuditRecordIsReportedAtThatRecord() throws Exception {
    String reportId = reports().produce(Map.of("period", "2026-10", "scope", "company")).keySet().iterator().next();
    for (String who : List.of("auditor-a", "auditor-b", "auditor-c")) {
      access().handleRequest(ReportRequests.get(who, "[auditor]", reportId, "json", Instant.now().plusSeconds(600)), context());
    }
    AuditVerifier verifier = new AuditVerifier(new AuditTrail(local.clients().dynamoDb(), reportsTable),
        AuditCommand.digests(local));
    assertTrue(verifier.verify().intact(), () -> verifier.verify().firstBroken().orElse(""));

    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("AUDIT"), "sk", AttributeValue.fromS("REC#000000000002"));
    String original = local.clients().dynamoDb().getItem(request -> request.tableName(reportsTable).key(key)).item().get("who").s();
    setWho(key, "someone-else");
    try {
      AuditVerifier.Result result = verifier.verify();
      assertFalse(result.intact());
      assertTrue(result.firstBroken().get().startsWith("item AUDIT/REC#000000000002: record 1 was altered"),
          result.firstBroken().get());
      ByteArrayOutputStream cli = new ByteArrayOutputStream();
      System.setProperty("qualityhub.root", ROOT.toString());
      int exit = QualityHubCli.run(new String[] {"audit", "verify", "--endpoint", local.endpoint().toString()},
          new PrintStream(cli, true, StandardCharsets.UTF_8), new PrintStream(cli, true, StandardCharsets.UTF_8));
      assertEquals(1, exit, cli.toString(StandardCharsets.UTF_8));
      assertTrue(cli.toString(StandardCharsets.UTF_8).contains("AUDIT/REC#000000000002"), cli.toString(StandardCharsets.UTF_8));
    } finally {
      setWho(key, original);
    }
    assertTrue(verifier.verify().intact());
  }

  @Test
  void noPlantedSensitiveValueReachesAReportOrTheAuditTrail() throws Exception {
    for (Map.Entry<String, String> file : PlantedFiles.csvByType().entrySet()) {
      upload("incoming/PLT-02/2026-11-20/" + file.getKey() + ".csv", file.getValue());
    }
    deliverIntake();
    deliverAggregates();
    List<String> reportIds = new ArrayList<>();
    reportIds.addAll(reports().produce(Map.of("period", "2026-11", "scope", "company")).keySet());
    reportIds.addAll(reports().produce(Map.of("period", "2026-11", "scope", "branch:PLT-02", "topic", "sales-disclosure")).keySet());
    List<String> leaks = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    local.clients().s3().listObjectVersionsPaginator(request -> request.bucket(reportsBucket)).versions().forEach(version -> {
      byte[] bytes = local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket).key(version.key())
          .versionId(version.versionId())).asByteArray();
      String text = version.key().endsWith(".pdf") ? pdfText(bytes) : new String(bytes, StandardCharsets.UTF_8);
      checked.add(version.key());
      if (text.contains(PlantedFiles.MARK)) {
        leaks.add("S3 " + version.key());
      }
    });
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(reportsTable)).items().forEach(item ->
        item.forEach((name, value) -> {
          if (String.valueOf(value).contains(PlantedFiles.MARK)) {
            leaks.add("ReportsTable " + item.get("pk").s() + " " + name);
          }
        }));
    if (functionOutput.toString(StandardCharsets.UTF_8).contains(PlantedFiles.MARK)) {
      leaks.add("function log output");
    }
    assertEquals(List.of(), leaks);
    assertEquals(List.of("quality-report_2026-11_company", "special-report_2026-11_PLT-02_sales-disclosure"), reportIds);
    assertTrue(checked.contains("reports/2026-11/PLT-02/special-report_2026-11_PLT-02_sales-disclosure.pdf"), checked.toString());
    JsonNode branch = JSON.readTree(object("reports/2026-11/PLT-02/special-report_2026-11_PLT-02_sales-disclosure.json"));
    JsonNode disclosure = indicator(branch.get("indicators"), "sales.disclosure_compliance_pct");
    assertEquals(1, disclosure.get("basis").asLong(), "the planted sale is counted (its one good row), without any of its text");
    assertEquals(100.0, disclosure.get("value").asDouble(), 1e-9);
  }

  // ---------------------------------------------------------------------------------------------

  private static ReportHandler reports() {
    return new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), REPORT_CLOCK);
  }

  private static ReportAccessHandler access() {
    return new ReportAccessHandler(local.settingsOf("ReportAccessFunction"), local.clients(), Clock.systemUTC());
  }

  private static LocalContext context() {
    return LocalContext.forFunction("ReportAccessFunction", 30_000);
  }

  private static Map<String, FileOutcome> deliverIntake() {
    Map<String, FileOutcome> outcomes = new TreeMap<>();
    IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(),
        outcome -> outcomes.put(outcome.key(), outcome));
    assertEquals(List.of(), delivery("IntakeQueue").drain(intake, "IntakeFunction", 1));
    return outcomes;
  }

  private static void uploadAndAggregate(String key, String content) {
    upload(key, content);
    deliverIntake();
    deliverAggregates();
  }

  private static void deliverAggregates() {
    AggregateHandler handler = new AggregateHandler(local.settingsOf("AggregateFunction"), local.clients());
    assertEquals(List.of(), delivery("AggregatesQueue").drain(handler, "AggregateFunction", 1));
  }

  private static QueueDelivery delivery(String queue) {
    return new QueueDelivery(local.clients().configure(SqsClient.builder()).build(), local.attribute(queue, "QueueUrl"),
        local.attribute(queue, "Arn"), local.clients().region().id(), new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
  }

  private static void upload(String key, String content) {
    // moto notifies without S3's sequencer and keeps LastModified to the second, and intake orders two uploads of one
    // key by it: an upload again within the same second would tie with the first, which no branch's re-upload does.
    Instant previous = UPLOADED_AT.get(key);
    while (previous != null && Instant.now().getEpochSecond() <= previous.getEpochSecond()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to upload " + key + " again", e);
      }
    }
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(content, StandardCharsets.UTF_8));
    UPLOADED_AT.put(key, Instant.now());
  }

  private static BranchTallies surveyTallies(String branch, String day) {
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request.tableName(reportsTable)
        .key(Map.of("pk", AttributeValue.fromS("AGG#" + day.substring(0, 7)),
            "sk", AttributeValue.fromS(day + "#" + branch + "#SURVEYS")))).item();
    return AggregateJson.read(item.get("aggregate").s()).byBranch().get(branch);
  }

  @SuppressWarnings("unchecked")
  private static String jsonKeyOf(Map<String, Object> produced) {
    Map<String, Object> formats = (Map<String, Object>) produced.values().iterator().next();
    return (String) ((Map<String, Object>) formats.get("json")).get("key");
  }

  private static JsonNode indicator(JsonNode indicators, String id) {
    for (JsonNode node : indicators) {
      if (node.get("id").asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no indicator " + id + " in " + indicators);
  }

  private static byte[] object(String key) {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket).key(key)).asByteArray();
  }

  private static void setWho(Map<String, AttributeValue> key, String who) {
    local.clients().dynamoDb().updateItem(request -> request.tableName(reportsTable).key(key)
        .updateExpression("SET who = :who").expressionAttributeValues(Map.of(":who", AttributeValue.fromS(who))));
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> parameters = new TreeMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      parameters.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String pdfText(byte[] pdf) {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (java.io.IOException e) {
      throw new AssertionError("a stored PDF does not open", e);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theAuditDigestSampleEventWritesThatDaysDigest() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> input = new ObjectMapper().readValue(ROOT.resolve("events/reports/schedule-audit-digest.json").toFile(), Map.class);

    String key = new io.qualityhub.reports.function.AuditDigestHandler(local.settingsOf("AuditDigestFunction"), local.clients(),
        Clock.systemUTC()).handleRequest(input, LocalContext.forFunction("AuditDigestFunction", 60_000));

    assertEquals("audit/digests/2026-11-23.txt", key);
    assertTrue(local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket).key(key)).asUtf8String()
        .contains("2026-11-23"), "the digest names its day");
  }
}
