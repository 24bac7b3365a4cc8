package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.deadlines.AlertRecord;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.permissions.StackPermissions;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorRun;
import io.qualityhub.monitor.MonitorScope;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.Gauge;
import io.qualityhub.reports.aggregate.GaugeReading;
import io.qualityhub.reports.function.ReportHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The deadline monitor on the local emulator, after intake stored the items: the index intake
 * writes, the alerts of each level to the right people once, a crash between claim and send, a claim
 * that closes, and no customer data in anything sent or recorded. Times are Asia/Taipei; the
 * recipients are those of the packaged directory (functions/monitor/src/main/resources/recipients.json).
 */
class DeadlineMonitorEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final String TPE_MANAGER = "tpe01-manager@qualityhub.example";
  private static final String KHH_MANAGER = "khh02-manager@qualityhub.example";
  private static final String CLAIMS_HEAD = "claims-head@qualityhub.example";
  private static final String SERVICE_HEAD = "service-head@qualityhub.example";
  private static final String HEAD_OFFICE = "quality-hq@qualityhub.example";

  private static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,paid_at,amount_claimed,amount_paid,currency,handler_id,updated_at,"
      + "customer_name,customer_id_no,customer_phone,diagnosis\n";
  /**
   * CLM-A: settlement clock of 10 calendar days from 2 Nov 10:00, so approaching 11 Nov, due 12 Nov,
   * overdue 13 Nov, severely overdue 23 Nov (each from 00:00). CLM-P is paid: no clock runs.
   */
  private static final String CLAIMS = CLAIMS_HEADER
      + "CLM-A,P-1,HLT-1,health,simple,N,under_review,2026-11-01T09:00:00+08:00,2026-11-02T10:00:00+08:00,,5000,,TWD,CH-1,"
      + "2026-11-02T10:00:00+08:00,PLANTED-claim-name,PLANTED-claim-idno,PLANTED-claim-phone,PLANTED-claim-diagnosis\n"
      + "CLM-P,P-2,HLT-1,health,simple,N,paid,2026-11-01T09:00:00+08:00,2026-11-02T10:00:00+08:00,2026-11-09T15:00:00+08:00,"
      + "5000,5000,TWD,CH-1,2026-11-09T15:00:00+08:00,PLANTED-paid-name,PLANTED-paid-idno,PLANTED-paid-phone,PLANTED-paid-diagnosis\n";
  /**
   * CMP-M, major, received 11 Nov 10:00: first response within 24 hours, so approaching 12 Nov 05:12,
   * due 09:00, overdue 10:00, severely overdue 13 Nov 10:00; resolution (15 days) approaching on 24 Nov.
   */
  private static final String COMPLAINTS = "complaint_id,received_at,channel,category,severity,status,updated_at,"
      + "customer_name,customer_phone,description\n"
      + "CMP-M,2026-11-11T10:00:00+08:00,regulator,sales,major,open,2026-11-11T10:05:00+08:00,"
      + "PLANTED-complaint-name,PLANTED-complaint-phone,PLANTED-complaint-description\n";

  private LocalDeployment local;
  private String table;
  private String bucket;
  private final ByteArrayOutputStream functionOutput = new ByteArrayOutputStream();
  private final Sent sent = new Sent();

  /** Each test starts from an empty emulator and deploys afresh. */
  @RegisterExtension
  static final TestDeployment deployment = TestDeployment.perTest();

  @BeforeEach
  void deployAndStoreTheItems() {
    local = deployment.local();
    table = local.physicalId("RecordsTable");
    bucket = local.physicalId("IntakeBucket");
    local.verifyEmailSender(local.settingsOf("MonitorFunction").required("ALERT_SENDER_EMAIL"));
    upload("incoming/TPE-01/2026-11-11/claims.csv", CLAIMS);
    upload("incoming/KHH-02/2026-11-11/complaints.csv", COMPLAINTS);
    deliverQueued();
  }

  @Test
  void intakeIndexesEachOpenItemAtItsFirstLevelAndAClosedOneNotAtAll() {
    Map<String, AttributeValue> claim = state("REC#claims#TPE-01#CLM-A");
    assertEquals("2026-11-10T16:00:00Z", claim.get("dueAt").s(), "11 Nov 00:00 Taipei, when CLM-A is approaching");
    assertEquals(DeadlineIndexer.shardOf("REC#claims#TPE-01#CLM-A"), claim.get("dueShard").s());
    assertEquals("2026-11-11T21:12:00Z", state("REC#complaints#KHH-02#CMP-M").get("dueAt").s(), "12 Nov 05:12 Taipei");
    assertFalse(state("REC#claims#TPE-01#CLM-P").containsKey("dueAt"), "a paid claim is not in the index");

    assertEquals(List.of("REC#claims#TPE-01#CLM-A"), dueBy("2026-11-11T00:00:00Z"));
    assertEquals(List.of("REC#claims#TPE-01#CLM-A", "REC#complaints#KHH-02#CMP-M"), dueBy("2026-11-12T00:00:00Z"));
  }

  @Test
  void eachDueItemAlertsOncePerLevelToTheRightPeople() {
    MonitorRun first = monitor(at("2026-11-12T08:00"));

    assertEquals(Set.of(
        new AlertRecord("due", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A")),
        new AlertRecord("approaching", KHH_MANAGER, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M")),
        new AlertRecord("approaching", HEAD_OFFICE, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M"))), Set.copyOf(first.records()));
    assertEquals(Map.of(TPE_MANAGER, 1, KHH_MANAGER, 1, HEAD_OFFICE, 1), sent.emailsPerRecipient());
    assertEquals(List.of("KHH-02 approaching", "TPE-01 due"), sent.topicMessages());
    assertEquals("2026-11-12T16:00:00Z", state("REC#claims#TPE-01#CLM-A").get("dueAt").s(), "next: overdue, 13 Nov 00:00");
    assertEquals("2026-11-12T01:00:00Z", state("REC#complaints#KHH-02#CMP-M").get("dueAt").s(), "next: due, 12 Nov 09:00");

    MonitorRun again = monitor(at("2026-11-12T08:00"));
    assertEquals(List.of(), again.records(), "a second run the same morning sends nothing");
    assertEquals(0, again.counts().itemsRead(), "and reads nothing: the index moved on");
    assertEquals(3, sent.emails().size());
    assertEquals(2, sent.topicMessages().size());

    MonitorRun nextDay = monitor(at("2026-11-13T08:00"));
    assertEquals(Set.of(
        new AlertRecord("overdue", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A")),
        new AlertRecord("overdue", CLAIMS_HEAD, "claim", "claim.decision", "TPE-01", List.of("CLM-A")),
        new AlertRecord("overdue", KHH_MANAGER, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M")),
        new AlertRecord("overdue", SERVICE_HEAD, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M")),
        new AlertRecord("overdue", HEAD_OFFICE, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M"))), Set.copyOf(nextDay.records()));

    MonitorRun severe = monitor(at("2026-11-23T08:00"));
    assertTrue(severe.records().contains(new AlertRecord("severely_overdue", HEAD_OFFICE, "claim", "claim.decision", "TPE-01", List.of("CLM-A"))));
    assertEquals("2026-12-20T16:00:00Z", state("REC#claims#TPE-01#CLM-A").get("dueAt").s(),
        "its decision clock severely overdue, the index waits for the advance-payment clock: approaching on 21 Dec");
    assertEquals(List.of(), monitor(at("2026-11-24T08:00")).records().stream()
        .filter(record -> record.itemIds().contains("CLM-A")).toList(), "a severely overdue clock is not alerted again");
  }

  /**
   * The daily run reads each of the 4 index shards once: one Query gives it both its due items and
   * the open claims its snapshot counts (it used to query every shard a second time for the snapshot:
   * 8 Queries). The rest is what the run does besides reading the index, unchanged by how it reads it:
   * one Query per business date of the uploads ledger (UploadWatch), and the writes of its two alerts'
   * claims, sends, index moves and the overdue-claims snapshot.
   */
  @Test
  void theDailyRunQueriesEachIndexShardOnce() {
    Map<String, Integer> dynamoDbRequests = new TreeMap<>();
    ExecutionInterceptor counting = new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).equals("DynamoDb")) {
          String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
          if (context.request() instanceof QueryRequest query && query.indexName() != null) {
            operation += " " + query.indexName();
          }
          dynamoDbRequests.merge(operation, 1, Integer::sum);
        }
      }
    };

    MonitorRun run = monitor(at("2026-11-12T08:00"), sent.recording(), counting);

    assertEquals(2, run.counts().itemsRead(), "CLM-A due, CMP-M approaching");
    assertEquals(Map.of("Query DueIndex", 4, "Query", 46, "PutItem", 3, "GetItem", 1, "UpdateItem", 9), dynamoDbRequests,
        "4 index shards read once each; 46 business dates of the uploads ledger; the alerts' claims, sends, moves and snapshot");
  }

  /**
   * The daily run turns each item it reads into its running clocks once, and builds each clock's level schedule once
   * (issue 16 item 5). CLM-A is due and also an open claim its overdue-claims snapshot counts; its clocks are asked for
   * their alert, their snapshot level and their next level, CMP-M's for their alert and next level. Built per use, as
   * before, that was 3 items typed (CLM-A twice) and 10 schedules (CLM-A's 2 clocks three times, CMP-M's 2 twice).
   */
  @Test
  void theDailyRunTypesEachItemOnceAndBuildsEachClocksLevelScheduleOnce() {
    MonitorRun run = monitor(at("2026-11-12T08:00"));

    assertEquals(2, run.counts().itemsRead(), "CLM-A due, CMP-M approaching");
    assertEquals(2, run.counts().itemsTyped(), "CLM-A once for its alert and the snapshot, CMP-M once");
    assertEquals(4, run.counts().schedulesBuilt(),
        "CLM-A's decision and advance-payment clocks, CMP-M's first-response and resolution clocks, once each");
  }

  @Test
  void theDailyRunsSnapshotGivesTheMonthsReportItsOverdueOpenClaims() throws Exception {
    // CLM-B: settlement from 10 Nov 10:00, overdue from 21 Nov. CLM-C: settlement from 20 Nov, due 1 Dec.
    upload("incoming/TPE-01/2026-11-12/claims.csv", CLAIMS_HEADER
        + "CLM-B,P-4,HLT-1,health,simple,N,under_review,2026-11-09T09:00:00+08:00,2026-11-10T10:00:00+08:00,,5000,,TWD,CH-1,"
        + "2026-11-10T10:00:00+08:00,,,,\n"
        + "CLM-C,P-5,HLT-1,health,simple,N,under_review,2026-11-19T09:00:00+08:00,2026-11-20T10:00:00+08:00,,5000,,TWD,CH-1,"
        + "2026-11-20T10:00:00+08:00,,,,\n");
    deliverQueued();
    monitor(at("2026-11-13T08:00"));
    assertEquals(1, overdueOpenClaims("2026-11-13", "TPE-01"), "CLM-A overdue; CLM-B and CLM-C not yet");

    monitor(at("2026-11-23T08:00"));
    assertEquals(2, overdueOpenClaims("2026-11-23", "TPE-01"), "CLM-A severely overdue and CLM-B overdue; CLM-C not yet");
    assertTrue(reportsItem("2026-11-23#KHH-02#MONITOR_SNAPSHOT").isEmpty(), "a complaint is not a claim");

    upload("incoming/TPE-01/2026-11-23/claims.csv", CLAIMS_HEADER
        + "CLM-B,P-4,HLT-1,health,simple,N,paid,2026-11-09T09:00:00+08:00,2026-11-10T10:00:00+08:00,2026-11-23T09:00:00+08:00,"
        + "5000,5000,TWD,CH-1,2026-11-23T09:00:00+08:00,,,,\n");
    deliverQueued();
    monitor(at("2026-11-23T10:00"));
    assertEquals(1, overdueOpenClaims("2026-11-23", "TPE-01"), "a rerun the same day replaces the day's snapshot");
    monitor(at("2026-11-23T09:30"));
    assertEquals(1, overdueOpenClaims("2026-11-23", "TPE-01"), "a late retry of an earlier run does not undo a later one");

    ReportHandler reports = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC));
    Map<String, Object> produced = reports.produce(Map.of("period", "2026-11", "scope", "branch:TPE-01"));
    @SuppressWarnings("unchecked")
    Map<String, Object> formats = (Map<String, Object>) produced.values().iterator().next();
    @SuppressWarnings("unchecked")
    String jsonKey = (String) ((Map<String, Object>) formats.get("json")).get("key");
    JsonNode report = new ObjectMapper().readTree(local.clients().s3()
        .getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket")).key(jsonKey)).asByteArray());
    JsonNode overdue = null;
    for (JsonNode indicator : report.get("indicators")) {
      if (indicator.get("id").asText().equals("claims.overdue_open")) {
        overdue = indicator;
      }
    }
    assertEquals(1.0, overdue.get("value").asDouble(), 1e-9, "the month's latest snapshot: CLM-A still open, CLM-B paid");
  }

  /**
   * One claim breaking each statutory clock, and one whose clocks are paused while the customer is asked for documents.
   * The run of 20 November 08:00 (Taipei) finds each overdue and names its clock; the paused claim is not even indexed.
   */
  private static final String STATUTORY_CLAIMS = "claim_id,policy_id,product_code,product_line,complexity,green_channel,"
      + "status,reported_at,documents_complete_at,decided_at,closed_at,amount_claimed,currency,handler_id,updated_at,"
      + "documents_requested_at,agreed_at,advance_paid_at,denial_notice_at\n"
      // claim.decision: 10 days from complete documents on 8 Nov, overdue from 19 Nov.
      + "CLM-DEC,P-11,AUT-1,auto,simple,N,under_review,2026-11-06T09:00:00+08:00,2026-11-08T10:00:00+08:00,,,8000,TWD,CH-2,"
      + "2026-11-08T10:00:00+08:00,,,,\n"
      // claim.denial_notice: rejected on 15 Nov, 3 days, overdue from 19 Nov; no notice sent.
      + "CLM-DEN,P-12,AUT-1,auto,simple,N,rejected,2026-11-06T09:00:00+08:00,2026-11-08T10:00:00+08:00,"
      + "2026-11-15T10:00:00+08:00,2026-11-15T10:00:00+08:00,8000,TWD,CH-2,2026-11-15T10:00:00+08:00,,,,\n"
      // claim.payment: agreed on 8 Nov, 10 days, overdue from 19 Nov.
      + "CLM-PAY,P-13,AUT-1,auto,simple,N,approved,2026-11-02T09:00:00+08:00,2026-11-03T10:00:00+08:00,"
      + "2026-11-05T10:00:00+08:00,,8000,TWD,CH-2,2026-11-08T10:00:00+08:00,,2026-11-08T10:00:00+08:00,,\n"
      // claim.advance_payment: complete documents on 19 Sep, no amount and no advance after 60 days: overdue from
      // 19 Nov; its 30-day decision clock is severely overdue from 19 Nov too.
      + "CLM-ADV,P-14,PRP-1,property,complex,N,investigating,2026-09-10T09:00:00+08:00,2026-09-19T10:00:00+08:00,,,"
      + "90000,TWD,CH-2,2026-09-19T10:00:00+08:00,,,,\n"
      // Paused: documents asked for on 5 Oct after seeming complete on 2 Oct; without the pause, decision overdue.
      + "CLM-PSD,P-15,PRP-1,property,complex,N,documents_pending,2026-10-01T09:00:00+08:00,2026-10-02T10:00:00+08:00,,,"
      + "90000,TWD,CH-2,2026-10-05T10:00:00+08:00,2026-10-05T10:00:00+08:00,,,\n";

  @Test
  void claimsBreakingEachStatutoryClockAreAlertedWithTheClockNamedAndAPausedClaimIsNot() {
    upload("incoming/TPE-01/2026-11-19/claims.csv", STATUTORY_CLAIMS);
    deliverQueued();
    assertFalse(state("REC#claims#TPE-01#CLM-PSD").containsKey("dueAt"), "a paused claim has no running clock");

    MonitorRun run = monitor(at("2026-11-20T08:00"));

    Set<AlertRecord> toManager = run.records().stream()
        .filter(record -> record.recipient().equals(TPE_MANAGER)).collect(Collectors.toSet());
    assertEquals(Set.of(
        new AlertRecord("severely_overdue", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-ADV")),
        new AlertRecord("overdue", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A", "CLM-DEC")),
        new AlertRecord("overdue", TPE_MANAGER, "claim", "claim.denial_notice", "TPE-01", List.of("CLM-DEN")),
        new AlertRecord("overdue", TPE_MANAGER, "claim", "claim.payment", "TPE-01", List.of("CLM-PAY")),
        new AlertRecord("overdue", TPE_MANAGER, "claim", "claim.advance_payment", "TPE-01", List.of("CLM-ADV"))),
        toManager);
    assertTrue(run.records().stream().noneMatch(record -> record.itemIds().contains("CLM-PSD")), "the paused claim");
    String digest = run.digests().stream().filter(sent -> sent.digest().recipient().equals(TPE_MANAGER))
        .findFirst().orElseThrow().digest().text();
    assertTrue(digest.contains("- claim | CLM-DEN | claim.denial_notice | auto, simple | due by end of 2026-11-18 |"),
        digest);
    assertTrue(digest.contains("- claim | CLM-ADV | claim.advance_payment | property, complex | due by end of 2026-11-18 |"),
        digest);
    JsonNode alertRecord = alertRecord("alerts/2026-11-20/all-20261120T000000Z.json");
    assertTrue(records(alertRecord.get("emails")).contains(
        new AlertRecord("overdue", TPE_MANAGER, "claim", "claim.payment", "TPE-01", List.of("CLM-PAY"))));

    MonitorRun later = monitor(at("2026-11-22T08:00"));
    assertTrue(later.records().contains(new AlertRecord("severely_overdue", HEAD_OFFICE, "claim", "claim.denial_notice",
        "TPE-01", List.of("CLM-DEN"))), later.records().toString());
    assertEquals("9999-12-31T23:59:59Z", state("REC#claims#TPE-01#CLM-DEN").get("dueAt").s(),
        "severely overdue on its only clock: nothing further to alert, parked after every run's reach but still open");
  }

  @Test
  void aRunThatCrashesBetweenClaimAndSendIsRetriedWithoutRepeatingADigest() {
    // Digests go out in recipient order: khh02-manager, quality-hq, tpe01-manager. The second send crashes.
    Instant morning = at("2026-11-12T08:00");
    assertThrows(SimulatedCrash.class, () -> monitor(morning, sent.crashingOnEmail(2)));
    assertEquals(Map.of(KHH_MANAGER, 1), sent.emailsPerRecipient());
    assertEquals("2026-11-10T16:00:00Z", state("REC#claims#TPE-01#CLM-A").get("dueAt").s(), "the crashed run moved nothing on");

    MonitorRun retry = monitor(morning);

    assertEquals(Set.of(
        new AlertRecord("due", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A")),
        new AlertRecord("approaching", HEAD_OFFICE, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M"))), Set.copyOf(retry.records()),
        "the retry sends what the crash left unsent, and nothing to khh02-manager, who has it");
    assertEquals(2, retry.counts().alertsSent(), "and finishes both alerts");
    assertEquals(Map.of(KHH_MANAGER, 1, HEAD_OFFICE, 1, TPE_MANAGER, 1), sent.emailsPerRecipient(), "each digest once");
    assertEquals(List.of("KHH-02 approaching", "TPE-01 due"), sent.topicMessages());
    JsonNode alertRecord = alertRecord("alerts/2026-11-12/all-20261112T000000Z.json");
    assertEquals(Set.of(
        new AlertRecord("approaching", KHH_MANAGER, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M")),
        new AlertRecord("approaching", HEAD_OFFICE, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M")),
        new AlertRecord("due", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A"))), records(alertRecord.get("emails")),
        "the run's record lists what both attempts sent");
    assertEquals(Set.of(
        new AlertRecord("approaching", "sns", "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M")),
        new AlertRecord("due", "sns", "claim", "claim.decision", "TPE-01", List.of("CLM-A"))), records(alertRecord.get("topic")));

    assertEquals(List.of(), monitor(morning).records());
    assertEquals(3, sent.emails().size());
  }

  @Test
  void anotherRunLeavesAnUnfinishedClaimAloneUntilItsLeaseEnds() {
    assertThrows(SimulatedCrash.class, () -> monitor(at("2026-11-12T08:00"), sent.crashingOnEmail(2)));

    MonitorRun soonAfter = monitor(at("2026-11-12T08:05"));
    assertEquals(2, soonAfter.counts().alertsHeld(), "the crashed run may still be sending: its claims are left to it");
    assertEquals(Map.of(KHH_MANAGER, 1), sent.emailsPerRecipient());

    MonitorRun afterLease = monitor(at("2026-11-12T08:20"));
    assertEquals(Set.of(
        new AlertRecord("due", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A")),
        new AlertRecord("approaching", HEAD_OFFICE, "complaint", "complaint.first_response", "KHH-02", List.of("CMP-M"))), Set.copyOf(afterLease.records()),
        "20 minutes on, the rest is sent, and khh02-manager is not told twice");
    assertEquals(Map.of(KHH_MANAGER, 1, HEAD_OFFICE, 1, TPE_MANAGER, 1), sent.emailsPerRecipient());
  }

  @Test
  void aClaimPaidBetweenTwoRunsLeavesTheIndexAndAlertsNoMore() {
    monitor(at("2026-11-12T08:00"));
    upload("incoming/TPE-01/2026-11-12/claims.csv", CLAIMS_HEADER
        + "CLM-A,P-1,HLT-1,health,simple,N,paid,2026-11-01T09:00:00+08:00,2026-11-02T10:00:00+08:00,2026-11-12T15:00:00+08:00,"
        + "5000,4800,TWD,CH-1,2026-11-12T15:00:00+08:00,PLANTED-claim-name,PLANTED-claim-idno,,\n");
    deliverQueued();

    assertFalse(state("REC#claims#TPE-01#CLM-A").containsKey("dueAt"));
    MonitorRun nextDay = monitor(at("2026-11-13T08:00"));
    assertEquals(Set.of("complaint"), nextDay.records().stream().map(AlertRecord::itemType).collect(Collectors.toSet()),
        "only the complaint is still open");
    assertEquals(List.of(), monitor(at("2026-11-23T08:00")).records().stream()
        .filter(record -> record.itemIds().contains("CLM-A")).toList());
  }

  @Test
  void theHourlyScheduleLooksAtGreenChannelClaimsOnly() throws Exception {
    // CLM-G, green channel, documents pending since 11 Nov 14:00: 24 hours, approaching at 12 Nov 09:12.
    upload("incoming/TPE-01/2026-11-12/claims.csv", CLAIMS_HEADER
        + "CLM-G,P-3,AUT-1,auto,simple,Y,documents_pending,2026-11-11T14:00:00+08:00,,,80000,,TWD,CH-2,"
        + "2026-11-11T14:30:00+08:00,PLANTED-green-name,,,\n");
    deliverQueued();
    Instant tenOClock = at("2026-11-12T10:00");
    MonitorHandler handler = new MonitorHandler(local.settingsOf("MonitorFunction"), local.clients().withInterceptors(sent.recording()),
        Clock.fixed(tenOClock, ZoneOffset.UTC));
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    PrintStream console = System.out;
    System.setOut(new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
    try {
      handler.handleRequest(new java.io.ByteArrayInputStream(
              "{\"asOf\": \"2026-11-12T02:00:00Z\", \"scope\": \"green_channel\"}".getBytes(StandardCharsets.UTF_8)),
          output, LocalContext.forFunction("MonitorFunction", 900_000));
    } finally {
      System.setOut(console);
    }

    JsonNode summary = new ObjectMapper().readTree(output.toByteArray());
    assertEquals("green_channel-20261112T020000Z", summary.get("runId").asText());
    assertEquals(1, summary.get("counts").get("itemsRead").asInt(), "the other due items are filtered out by the query");
    assertEquals("alerts/2026-11-12/green_channel-20261112T020000Z.json", summary.get("alertRecord").asText());
    assertEquals(Map.of(TPE_MANAGER, 1), sent.emailsPerRecipient());
    assertTrue(Mail.decoded(sent.emails().get(0).raw()).contains("claim | CLM-G | claim.documents | auto, simple, green channel"
        + " | due 2026-11-12 14:00 | 21 hours used of 24 allowed | handler CH-2"));
    assertEquals("2026-11-10T16:00:00Z", state("REC#claims#TPE-01#CLM-A").get("dueAt").s(), "left to the daily run");
    assertEquals("2026-11-12T05:00:00Z", state("REC#claims#TPE-01#CLM-G").get("dueAt").s(), "next: due, 13:00");
  }

  @Test
  void noPlantedSensitiveValueReachesAnAlertARecordOrALog() {
    MonitorRun run = monitor(at("2026-11-13T08:00"));
    assertEquals(5, run.records().size(), "the scan below looks at real alerts");

    List<String> leaks = new ArrayList<>();
    sent.emails().forEach(email -> {
      if (Mail.decoded(email.raw()).contains(PlantedFiles.MARK)) {
        leaks.add("e-mail to " + email.recipient());
      }
    });
    sent.publications().forEach(message -> {
      if ((message.subject() + message.message()).contains(PlantedFiles.MARK)) {
        leaks.add("topic message " + message.subject());
      }
    });
    local.clients().s3().listObjectsV2Paginator(request -> request.bucket(bucket).prefix("alerts/")).contents()
        .forEach(object -> {
          if (local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(object.key())).asUtf8String()
              .contains(PlantedFiles.MARK)) {
            leaks.add("alert record " + object.key());
          }
        });
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
            .filterExpression("begins_with(pk, :alert)")
            .expressionAttributeValues(Map.of(":alert", AttributeValue.fromS("ALERT#")))).items()
        .forEach(claim -> {
          if (claim.toString().contains(PlantedFiles.MARK)) {
            leaks.add("alert claim " + claim.get("pk").s());
          }
        });
    if (functionOutput.toString(StandardCharsets.UTF_8).contains(PlantedFiles.MARK)) {
      leaks.add("function log output");
    }
    if (run.toString().contains(PlantedFiles.MARK)) {
      leaks.add("the run's result");
    }
    assertEquals(List.of(), leaks);
    assertTrue(functionOutput.toString(StandardCharsets.UTF_8).contains("deadline run all-20261113T000000Z"),
        "the log scanned is the monitor's");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Threat: someone with write access to the table changes a state (here: the complaint's severity to minor, which
   * would delay its alerts) or its due-index entry (pushing the claim's next alert out of reach). Control: the
   * monitor checks each item's seal, refuses a changed one and counts it; test: the untampered claim alerts exactly as
   * before, the tampered items send nothing, are counted and keep their entry for the next run.
   */
  @Test
  void aChangedStateOrDueEntryIsRefusedCountedAndNeverAlertedOn() {
    tamper("REC#complaints#KHH-02#CMP-M", "severity", AttributeValue.fromS("minor"));
    MonitorRun run = monitor(at("2026-11-12T08:00"));

    assertEquals(1, run.counts().itemsRefused(), "the changed complaint");
    assertEquals(Set.of(new AlertRecord("due", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A"))),
        Set.copyOf(run.records()),
        "the claim alerts as in an untampered run; the complaint not at all");
    assertEquals(List.of("TPE-01 due"), sent.topicMessages());
    assertTrue(run.refused().getFirst().contains("item REC#complaints#KHH-02#CMP-M|STATE in " + table + " fails its seal"),
        run.refused().toString());
    assertEquals("2026-11-11T21:12:00Z", state("REC#complaints#KHH-02#CMP-M").get("dueAt").s(), "the refused item is not moved");

    // The claim's entry is moved on by the monitor itself (and re-sealed): pulling it back by hand is refused too.
    tamper("REC#claims#TPE-01#CLM-A", "dueAt", AttributeValue.fromS("2026-11-11T00:00:00Z"));
    MonitorRun next = monitor(at("2026-11-12T09:00"));
    assertEquals(2, next.counts().itemsRefused(), "the complaint again, and the claim with its changed entry");
    assertEquals(List.of(), next.records());
    assertEquals(1, sent.emails().size(), "no second digest");
  }

  /**
   * Threat: the upgrade that brought seals leaves every state stored before it unsealed, so the monitor refuses them
   * and stops alerting; a careless re-seal would also bless a state someone changed. Control: the one-off re-seal
   * pass seals only items without any seal, never one whose seal fails, and seals nothing once it has completed.
   * Test: a state stored without a seal is sealed and then alerted on; a changed state stays refused; a seal stripped
   * after the pass completed is not restored.
   */
  @Test
  void aStateStoredBeforeSealsIsSealedByTheOneOffPassAndAlertedOnWhileAChangedOneStaysRefused() {
    stripSeal("REC#claims#TPE-01#CLM-A"); // as a state stored before seals existed
    tamper("REC#complaints#KHH-02#CMP-M", "severity", AttributeValue.fromS("minor"));
    assertEquals(2, monitor(at("2026-11-12T08:00")).counts().itemsRefused(), "before the pass, both are refused");

    Map<String, Object> first = new io.qualityhub.reports.function.maintenance.ResealHandler(local.settingsOf("ResealFunction"),
        local.clientsFor("ResealFunction")).handleRequest(Map.of("requestedBy", "arn:aws:iam::123456789012:role/key-operator"),
        LocalContext.forFunction("ResealFunction", 900_000));
    assertEquals(1L, first.get("sealed"), first.toString());
    assertEquals(1L, first.get("alreadySealed"), "CLM-P, sealed by intake: " + first);
    assertEquals(1L, first.get("refused"), "the changed complaint: " + first);
    assertEquals(0L, first.get("leftUnsealed"), first.toString());
    assertEquals(true, first.get("completedNow"), first.toString());
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan", "kms:GenerateMac"),
        StackPermissions.actionsOf(local.calls().requests().get("ResealFunction")));
    assertEquals(Map.of(), StackPermissions.of(local).refused(Map.of("ResealFunction", local.calls().requests().get("ResealFunction"))),
        "every request the re-seal function made, its role and the keys' policies allow, resource included");

    MonitorRun run = monitor(at("2026-11-12T09:00"));
    assertEquals(Set.of(new AlertRecord("due", TPE_MANAGER, "claim", "claim.decision", "TPE-01", List.of("CLM-A"))),
        Set.copyOf(run.records()), "the re-sealed claim alerts; the changed complaint does not");
    assertEquals(1, run.counts().itemsRefused(), "the changed complaint, still refused");
    assertTrue(run.refused().getFirst().contains("item REC#complaints#KHH-02#CMP-M|STATE in " + table + " fails its seal"),
        run.refused().toString());

    // Once complete, the pass blesses nothing: a seal stripped from a changed item is not put back.
    tamper("REC#claims#TPE-01#CLM-A", "dueAt", AttributeValue.fromS("2026-11-11T00:00:00Z"));
    stripSeal("REC#claims#TPE-01#CLM-A");
    System.setProperty("qualityhub.root", ROOT.toString());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream to = new PrintStream(printed, true, StandardCharsets.UTF_8);
    assertEquals(1, QualityHubCli.run(new String[] {"reseal", "--endpoint", local.endpoint().toString()}, to, to),
        printed.toString(StandardCharsets.UTF_8));
    String said = printed.toString(StandardCharsets.UTF_8);
    // Sealed already: CLM-P, and the overdue-claims snapshot of TPE-01 the 09:00 run wrote into the reports table.
    assertTrue(said.contains(" and sealed nothing this time. 2 items were sealed already.\n2 items stay refused (1 with a seal"
        + " that fails, 1 without a seal after completion)"), said);
    assertFalse(state("REC#claims#TPE-01#CLM-A").containsKey("seal"), "not blessed after completion");
    assertEquals(2, monitor(at("2026-11-12T10:00")).counts().itemsRefused());
  }

  private void stripSeal(String pk) {
    local.clients().dynamoDb().updateItem(request -> request.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("STATE"))).updateExpression("REMOVE seal"));
  }

  private void tamper(String pk, String attribute, AttributeValue value) {
    local.clients().dynamoDb().updateItem(request -> request.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("STATE")))
        .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", attribute))
        .expressionAttributeValues(Map.of(":v", value)));
  }

  private static Instant at(String taipeiTime) {
    return LocalDateTime.parse(taipeiTime).atZone(TAIPEI).toInstant();
  }

  private MonitorRun monitor(Instant asOf) {
    return monitor(asOf, sent.recording());
  }

  private MonitorRun monitor(Instant asOf, ExecutionInterceptor... interceptors) {
    AwsClients clients = local.clients().withInterceptors(interceptors);
    PrintStream console = System.out;
    System.setOut(new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
    try {
      MonitorHandler handler = new MonitorHandler(local.settingsOf("MonitorFunction"), clients, Clock.fixed(asOf, ZoneOffset.UTC));
      return handler.run(MonitorRequest.at(asOf, MonitorScope.ALL));
    } finally {
      System.out.flush();
      System.setOut(console);
    }
  }

  private void upload(String key, String csv) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
  }

  private void deliverQueued() {
    Map<String, FileOutcome> outcomes = new TreeMap<>();
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    QueueDelivery delivery = new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
    IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), o -> outcomes.put(o.key(), o));
    assertEquals(List.of(), delivery.drain(intake, "IntakeFunction", 1));
    outcomes.values().forEach(outcome -> assertEquals(0, outcome.rejected(), outcome.key() + " " + outcome.firstRejects()));
  }

  private JsonNode alertRecord(String key) {
    try {
      return new ObjectMapper().readTree(local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<AlertRecord> records(JsonNode array) {
    Set<AlertRecord> records = new java.util.HashSet<>();
    for (JsonNode entry : array) {
      List<String> ids = new ArrayList<>();
      entry.get("itemIds").forEach(id -> ids.add(id.asText()));
      records.add(new AlertRecord(entry.get("level").asText(), entry.get("recipient").asText(), entry.get("itemType").asText(),
          entry.get("clock").asText(), entry.get("branch").asText(), ids));
    }
    return records;
  }

  private long overdueOpenClaims(String day, String branch) {
    Map<String, AttributeValue> item = reportsItem(day + "#" + branch + "#MONITOR_SNAPSHOT");
    assertFalse(item.isEmpty(), "no snapshot of " + branch + " on " + day);
    DailyAggregate aggregate = AggregateJson.read(item.get("aggregate").s());
    GaugeReading reading = aggregate.byBranch().get(branch).gauge(Gauge.OVERDUE_OPEN_CLAIMS);
    assertEquals(LocalDate.parse(day), reading.asOf());
    return reading.value();
  }

  private Map<String, AttributeValue> reportsItem(String sk) {
    return local.clients().dynamoDb().getItem(request -> request.tableName(local.physicalId("ReportsTable")).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("AGG#" + sk.substring(0, 7)), "sk", AttributeValue.fromS(sk)))).item();
  }

  private Map<String, AttributeValue> state(String pk) {
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("STATE")))).item();
  }

  /** The keys of the items the index returns for {@code dueAt <= bound}, over all shards. */
  private List<String> dueBy(String bound) {
    List<String> pks = new ArrayList<>();
    for (String shard : DeadlineIndexer.shards()) {
      local.clients().dynamoDb().queryPaginator(request -> request.tableName(table).indexName(DeadlineIndexer.DUE_INDEX)
              .keyConditionExpression("dueShard = :shard AND dueAt <= :bound")
              .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard), ":bound", AttributeValue.fromS(bound))))
          .items().forEach(item -> pks.add(item.get("pk").s()));
    }
    return pks.stream().sorted().toList();
  }

  private static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash: the function stopped before the mail service got the digest");
    }
  }

  /** What reached SES and SNS (calls that succeeded), and a way to crash on the n-th e-mail. */
  private static final class Sent {
    private final List<Email> emails = new ArrayList<>();
    private final List<PublishRequest> publications = new ArrayList<>();

    record Email(String recipient, byte[] raw) {}

    ExecutionInterceptor recording() {
      return crashingOnEmail(0);
    }

    ExecutionInterceptor crashingOnEmail(int crashOn) {
      AtomicInteger attempts = new AtomicInteger();
      return new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
          if (context.request() instanceof SendEmailRequest && attempts.incrementAndGet() == crashOn) {
            throw new SimulatedCrash();
          }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
          if (context.request() instanceof SendEmailRequest email) {
            emails.add(new Email(email.destination().toAddresses().get(0), email.content().raw().data().asByteArray()));
          } else if (context.request() instanceof PublishRequest publication) {
            publications.add(publication);
          }
        }
      };
    }

    List<Email> emails() {
      return emails;
    }

    List<PublishRequest> publications() {
      return publications;
    }

    Map<String, Integer> emailsPerRecipient() {
      return emails.stream().collect(Collectors.toMap(Email::recipient, email -> 1, Integer::sum));
    }

    /** "branch level" of each topic message, sorted. */
    List<String> topicMessages() {
      return publications.stream()
          .map(p -> p.messageAttributes().get("branch").stringValue() + " " + p.messageAttributes().get("level").stringValue())
          .sorted().toList();
    }
  }

  /** A MIME message with its base64 parts decoded, so that a scan sees what a reader sees. */
  private static final class Mail {
    static String decoded(byte[] raw) {
      String message = new String(raw, StandardCharsets.US_ASCII);
      StringBuilder text = new StringBuilder(message);
      for (String part : message.split("\r\n--")) {
        String[] headAndBody = part.split("\r\n\r\n", 2);
        if (headAndBody.length == 2 && headAndBody[0].contains("Content-Transfer-Encoding: base64")) {
          text.append(new String(Base64.getMimeDecoder().decode(headAndBody[1].strip()), StandardCharsets.UTF_8));
        }
      }
      return text.toString();
    }
  }
}
