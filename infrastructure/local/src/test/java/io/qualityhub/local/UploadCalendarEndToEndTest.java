package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.ConfigStore;
import io.qualityhub.deadlines.AlertRecord;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.FileStatus;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorRun;
import io.qualityhub.monitor.MonitorScope;
import io.qualityhub.reports.function.ReportHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue 14 item 1 on the emulator: a branch that sent its claims every business day stops; the daily monitor run
 * alerts the missing days to its manager and the quality department, a late arrival closes the alert, and the month's
 * report gives the branch's on-time upload rate. A file a branch's manifest names is expected as well, whatever the
 * calendar says. Times are Asia/Taipei; intake's clock says when each file came.
 */
class UploadCalendarEndToEndTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final String TXG_MANAGER = "txg03-manager@qualityhub.example";
  private static final String KHH_MANAGER = "khh02-manager@qualityhub.example";
  private static final String QUALITY_HEAD = "quality-head@qualityhub.example";
  /** A paid claim runs no clock, so the only alerts are about uploads. */
  private static final String PAID_CLAIM = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,paid_at,amount_claimed,amount_paid,currency,handler_id,updated_at\n"
      + "CLM-P,P-2,HLT-1,health,simple,N,paid,2026-11-01T09:00:00+08:00,2026-11-02T10:00:00+08:00,2026-11-09T15:00:00+08:00,"
      + "5000,5000,TWD,CH-1,2026-11-09T15:00:00+08:00\n";
  private static final String ONE_SALE = "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,"
      + "product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,risk_notice_given,"
      + "customer_signed\n"
      + "S-KHH-0001,P-KHH-1,2026-11-20T10:00:00+08:00,AG-2001,2024-01-01,AU-CAR1,auto,agent,1800,TWD,Test Customer,"
      + "A123456789,0912-345-678,Y,Y,Y\n";

  private LocalDeployment local;
  private final ByteArrayOutputStream functionOutput = new ByteArrayOutputStream();

  /** Each test starts from an empty emulator and deploys afresh. */
  @RegisterExtension
  static final TestDeployment deployment = TestDeployment.perTest();

  @BeforeEach
  void deploy() {
    local = deployment.local();
    local.verifyEmailSender(local.settingsOf("MonitorFunction").required("ALERT_SENDER_EMAIL"));
  }

  @Test
  void aBranchThatStopsSendingIsAlertedForTheMissingDaysAndALateArrivalClosesItsAlert() throws Exception {
    // TXG-03 sends its claims of 16-19 November at 09:00 the next morning; nothing for Friday 20 November.
    arrive("TXG-03/2026-11-16", "2026-11-17T09:00");
    arrive("TXG-03/2026-11-17", "2026-11-18T09:00");
    arrive("TXG-03/2026-11-18", "2026-11-19T09:00");
    arrive("TXG-03/2026-11-19", "2026-11-20T09:00");

    MonitorRun before = monitor("2026-11-23T11:59");
    assertEquals(List.of(), before.records(), "Friday's claims are not late before 12:00 on Monday");

    MonitorRun monday = monitor("2026-11-23T13:00");
    assertEquals(Set.of(
        new AlertRecord("overdue", TXG_MANAGER, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-20")),
        new AlertRecord("overdue", QUALITY_HEAD, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-20"))),
        Set.copyOf(monday.records()));
    assertEquals(List.of("TXG-03/claims/2026-11-19 on_time", "TXG-03/claims/2026-11-20 missing"), verdicts(monday),
        "16-18 November were not expected: the branch had not yet sent on 3 of the 5 business days before each");
    String digest = monday.digests().stream().filter(sent -> sent.digest().recipient().equals(TXG_MANAGER)).findFirst()
        .orElseThrow().digest().text();
    assertTrue(digest.contains("- upload | TXG-03/claims/2026-11-20 | upload.cutoff | claims file | due 2026-11-23 12:00 |"), digest);

    // The file comes on Monday afternoon, late; nothing comes for Monday 23 November.
    arrive("TXG-03/2026-11-20", "2026-11-23T15:00");
    MonitorRun wednesday = monitor("2026-11-25T08:00");

    assertEquals(Set.of(
        new AlertRecord("overdue", TXG_MANAGER, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-23")),
        new AlertRecord("overdue", QUALITY_HEAD, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-23"))),
        Set.copyOf(wednesday.records()),
        "20 November is closed by its late arrival (it would be severely overdue by now); 23 November is missing");
    assertEquals(List.of("TXG-03/claims/2026-11-19 on_time", "TXG-03/claims/2026-11-20 late", "TXG-03/claims/2026-11-23 missing"),
        verdicts(wednesday));

    // A corrected copy of 19 November's file: the first arrival stands, so the day stays on time.
    arrive("TXG-03/2026-11-19", "2026-11-25T09:00");
    MonitorRun thursday = monitor("2026-11-26T08:00");
    assertEquals(Set.of(
        new AlertRecord("severely_overdue", TXG_MANAGER, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-23")),
        new AlertRecord("severely_overdue", QUALITY_HEAD, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-23")),
        new AlertRecord("severely_overdue", "quality-hq@qualityhub.example", "upload", "upload.cutoff", "TXG-03",
            List.of("TXG-03/claims/2026-11-23")),
        new AlertRecord("overdue", TXG_MANAGER, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-24")),
        new AlertRecord("overdue", QUALITY_HEAD, "upload", "upload.cutoff", "TXG-03", List.of("TXG-03/claims/2026-11-24"))),
        Set.copyOf(thursday.records()), "escalating with lateness, and the next day missing too");
    assertEquals(List.of("TXG-03/claims/2026-11-19 on_time", "TXG-03/claims/2026-11-20 late", "TXG-03/claims/2026-11-23 missing",
        "TXG-03/claims/2026-11-24 missing"), verdicts(thursday));

    JsonNode rate = indicator(report("branch:TXG-03"), "uploads.on_time_pct");
    assertEquals(25.0, rate.get("value").asDouble(), 1e-9, "1 of the 4 files expected for 19, 20, 23 and 24 November: " + rate);
    assertEquals(1.0, rate.get("numerator").asDouble());
    assertEquals(4.0, rate.get("denominator").asDouble());
  }

  @Test
  void aBranchConfiguredInTheStoreIsExpectedFromItsStartAndAForgedArrivalDoesNotSilenceIt() throws Exception {
    new ConfigStore(local.clients().dynamoDb(), local.physicalId("RecordsTable")).put("upload-calendar",
        MonitorHandler.UPLOAD_CALENDAR_VARIABLE, """
            {"version": "2026-11-demo", "cutoff": "10:00",
             "branches": {"KHH-02": {"since": "2026-11-20", "expect": {"complaints": "business_days"}}}}
            """, "test", Instant.parse("2026-11-19T00:00:00Z"));
    // Written by hand, not by intake: no seal.
    local.clients().dynamoDb().putItem(request -> request.tableName(local.physicalId("RecordsTable")).item(Map.of(
        "pk", AttributeValue.fromS("UPLOADS#2026-11-20"), "sk", AttributeValue.fromS("KHH-02#complaints"),
        "arrivedAt", AttributeValue.fromS("2026-11-20T01:00:00Z"))));

    MonitorRun monday = monitor("2026-11-23T10:30");

    assertEquals(Set.of(
        new AlertRecord("overdue", KHH_MANAGER, "upload", "upload.cutoff", "KHH-02", List.of("KHH-02/complaints/2026-11-20")),
        new AlertRecord("overdue", QUALITY_HEAD, "upload", "upload.cutoff", "KHH-02", List.of("KHH-02/complaints/2026-11-20"))),
        Set.copyOf(monday.records()), "expected from its since date, due at the calendar's 10:00; 19 November was not");
    assertEquals(1, monday.counts().itemsRefused(), "the forged arrival is refused and counted: " + monday.refused());
  }

  @Test
  void aFileTheManifestNamesThatNeverCameIsAMissingUploadUntilItArrives() throws Exception {
    // KHH-02 has never sent anything: the calendar, learned only, expects nothing of it.
    deliver("KHH-02/2026-11-20/manifest.json", """
        {"formatVersion": 1, "branch": "KHH-02", "businessDate": "2026-11-20",
         "files": [{"name": "claims.csv", "rows": 1}, {"name": "sales.csv", "rows": 1}]}
        """, "2026-11-20T16:00", 0);
    deliver("KHH-02/2026-11-20/claims.csv", PAID_CLAIM, "2026-11-20T17:00", 1);

    assertEquals(List.of(), monitor("2026-11-23T11:59").records(), "not late before Monday's cutoff");
    MonitorRun monday = monitor("2026-11-23T13:00");
    assertEquals(Set.of(
        new AlertRecord("overdue", KHH_MANAGER, "upload", "upload.cutoff", "KHH-02", List.of("KHH-02/sales/2026-11-20")),
        new AlertRecord("overdue", QUALITY_HEAD, "upload", "upload.cutoff", "KHH-02", List.of("KHH-02/sales/2026-11-20"))),
        Set.copyOf(monday.records()), "the sales the manifest names never came; its claims did");
    assertEquals(List.of("KHH-02/claims/2026-11-20 on_time", "KHH-02/sales/2026-11-20 missing"), verdicts(monday));
    assertEquals(0, monday.counts().itemsRefused(), "intake sealed the manifest's expectations: " + monday.refused());

    deliver("KHH-02/2026-11-20/sales.csv", ONE_SALE, "2026-11-23T15:00", 1);
    MonitorRun tuesday = monitor("2026-11-24T08:00");
    assertEquals(List.of(), tuesday.records(), "the late arrival closes it");
    assertEquals(List.of("KHH-02/claims/2026-11-20 on_time", "KHH-02/sales/2026-11-20 late"), verdicts(tuesday));
  }

  @Test
  void aManifestUploadedAgainReplacesWhatTheEarlierOneNamed() throws Exception {
    deliver("KHH-02/2026-11-20/manifest.json", """
        {"formatVersion": 1, "branch": "KHH-02", "businessDate": "2026-11-20",
         "files": [{"name": "claims.csv", "rows": 1}, {"name": "sales.csv", "rows": 1}]}
        """, "2026-11-20T16:00", 0);
    deliver("KHH-02/2026-11-20/manifest.json", """
        {"formatVersion": 1, "branch": "KHH-02", "businessDate": "2026-11-20",
         "files": [{"name": "claims.csv", "rows": 1}]}
        """, "2026-11-20T16:30", 0);
    deliver("KHH-02/2026-11-20/claims.csv", PAID_CLAIM, "2026-11-20T17:00", 1);

    MonitorRun monday = monitor("2026-11-23T13:00");
    assertEquals(List.of(), monday.records(), "the manifest in force no longer names sales");
    assertEquals(List.of("KHH-02/claims/2026-11-20 on_time"), verdicts(monday));
  }

  private void arrive(String branchAndDate, String taipeiTime) {
    deliver(branchAndDate + "/claims.csv", PAID_CLAIM, taipeiTime, 1);
  }

  /** Uploads one file and runs intake on it at {@code taipeiTime}; {@code accepted} is the rows it must take. */
  private void deliver(String keyUnderIncoming, String content, String taipeiTime, int accepted) {
    String bucket = local.physicalId("IntakeBucket");
    local.clients().s3().putObject(request -> request.bucket(bucket).key("incoming/" + keyUnderIncoming)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(content, StandardCharsets.UTF_8));
    Map<String, FileOutcome> outcomes = new TreeMap<>();
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    QueueDelivery delivery = new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
    IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), o -> outcomes.put(o.key(), o),
        () -> { }, Clock.fixed(at(taipeiTime), ZoneOffset.UTC));
    assertEquals(List.of(), delivery.drain(intake, "IntakeFunction", 1));
    assertEquals(1, outcomes.size(), outcomes.toString());
    assertEquals(FileStatus.PROCESSED, outcomes.values().iterator().next().status(), outcomes.toString());
    assertEquals(accepted, outcomes.values().iterator().next().accepted());
  }

  private MonitorRun monitor(String taipeiTime) {
    Instant asOf = at(taipeiTime);
    PrintStream console = System.out;
    System.setOut(new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
    try {
      MonitorHandler handler = new MonitorHandler(local.settingsOf("MonitorFunction"), local.clientsFor("MonitorFunction"),
          Clock.fixed(asOf, ZoneOffset.UTC));
      return handler.run(MonitorRequest.at(asOf, MonitorScope.ALL));
    } finally {
      System.out.flush();
      System.setOut(console);
    }
  }

  private static List<String> verdicts(MonitorRun run) {
    return run.uploads().stream().map(verdict -> verdict.slot().itemId() + " " + verdict.status()).toList();
  }

  private JsonNode report(String scope) throws Exception {
    ReportHandler reports = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC));
    Map<String, Object> produced = reports.produce(Map.of("period", "2026-11", "scope", scope));
    @SuppressWarnings("unchecked")
    Map<String, Object> formats = (Map<String, Object>) produced.values().iterator().next();
    @SuppressWarnings("unchecked")
    String jsonKey = (String) ((Map<String, Object>) formats.get("json")).get("key");
    return new ObjectMapper().readTree(local.clients().s3()
        .getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket")).key(jsonKey)).asByteArray());
  }

  private static JsonNode indicator(JsonNode report, String id) {
    for (JsonNode indicator : report.get("indicators")) {
      if (indicator.get("id").asText().equals(id)) {
        return indicator;
      }
    }
    throw new AssertionError("no indicator " + id + " in the report");
  }

  private static Instant at(String taipeiTime) {
    return LocalDateTime.parse(taipeiTime).atZone(TAIPEI).toInstant();
  }
}
