package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.Settings;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.permissions.StackPermissions;
import io.qualityhub.reports.function.AggregateHandler;
import io.qualityhub.reports.function.ReportHandler;
import io.qualityhub.reports.function.ReportVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Stored reports rebuild from their snapshots, on the emulator with the resources template.yaml declares: a month is
 * reported, a late upload lands in it, the month is reported again, and {@code report verify --all} verifies both
 * versions of every report, the first one from its own snapshot although the aggregates have changed since. A
 * rendering put beside the built ones and a snapshot written again are found. Tampering leaves versions behind
 * (Object Lock keeps them), so the tests run in order: the clean check first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportVerifyEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMPANY = "quality-report_2026-10_company";
  private static final String FIRST_RUN = "2026-10/20261101T000000Z-[0-9a-f]{16}";
  private static final String RERUN = "2026-10/20261102T000000Z-[0-9a-f]{16}";

  private static LocalDeployment local;
  private static String reportsBucket;
  private static final ByteArrayOutputStream functionOutput = new ByteArrayOutputStream();

  @BeforeAll
  static void reportAMonthTakeALateUploadIntoItAndReportItAgain() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    System.setProperty("qualityhub.root", ROOT.toString()); // where the command line finds template.yaml
    reportsBucket = local.physicalId("ReportsBucket");
    upload("incoming/VRF-01/2026-10-05/surveys.csv", "survey_id,surveyed_on,overall_score\nA,2026-10-05,2\nB,2026-10-05,4\n");
    upload("incoming/VRF-02/2026-10-06/surveys.csv", "survey_id,surveyed_on,overall_score\nC,2026-10-06,5\n");
    deliver();
    reports("2026-11-01T00:00:00Z").produce(Map.of("schedule", "monthly"));
    upload("incoming/VRF-01/2026-10-20/surveys.csv", "survey_id,surveyed_on,overall_score\nD,2026-10-20,1\n");
    deliver();
    reports("2026-11-02T00:00:00Z").produce(Map.of("schedule", "monthly"));
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  @Order(1)
  void afterALateUploadIntoTheReportedMonthEveryStoredVersionOfEveryReportVerifies() throws Exception {
    List<JsonNode> company = jsonVersions("reports/2026-10/company/" + COMPANY + ".json");
    assertEquals(2, company.size(), "the first run and the rerun");
    assertEquals(11.0 / 3, overallSatisfaction(company.get(0)), 1e-6, "2, 4 and 5 before the late upload");
    assertEquals(3.0, overallSatisfaction(company.get(1)), 1e-9, "2, 4, 5 and the late 1");

    Run run = cli("report", "verify", "--all");
    assertEquals(0, run.status(), run.stdout() + run.stderr());
    List<String> lines = run.stdout().lines().toList();
    List<String> expected = List.of(
        "verified quality-report_2026-10_VRF-01 " + FIRST_RUN, "verified quality-report_2026-10_VRF-01 " + RERUN,
        "verified quality-report_2026-10_VRF-02 " + FIRST_RUN, "verified quality-report_2026-10_VRF-02 " + RERUN,
        "verified " + COMPANY + " " + FIRST_RUN, "verified " + COMPANY + " " + RERUN,
        "6 report versions verified, 0 differ\\.");
    assertEquals(expected.size(), lines.size(), run.stdout());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(lines.get(i).matches(expected.get(i)), "line " + (i + 1) + " is " + lines.get(i) + "; expected "
          + expected.get(i));
    }
    // The company report and its branch reports of one run share the run's snapshot.
    assertEquals(lines.get(4).substring(lines.get(4).lastIndexOf(' ')), lines.get(0).substring(lines.get(0).lastIndexOf(' ')));
    assertNotEquals(lines.get(4).substring(lines.get(4).lastIndexOf(' ')), lines.get(5).substring(lines.get(5).lastIndexOf(' ')));
  }

  @Test
  @Order(2)
  void theReportNamesItsSnapshotWhichIsStoredEncryptedAndLockedAndHashesToTheDigestNamed() throws Exception {
    JsonNode report = jsonVersions("reports/2026-10/company/" + COMPANY + ".json").get(0);
    JsonNode snapshot = report.get("snapshot");
    assertTrue(snapshot.get("id").asText().matches(FIRST_RUN), snapshot.toString());
    assertEquals("verify-targets-1", snapshot.get("targetsVersion").asText());
    assertEquals("verify-deadlines-1", snapshot.get("deadlinePolicyVersion").asText());
    assertEquals("2026-11-01T00:00:00Z", snapshot.get("asOf").asText());
    assertTrue(snapshot.get("generator").asText().startsWith("qualityhub-reports "), snapshot.toString());

    String key = "snapshots/" + snapshot.get("id").asText() + ".json";
    byte[] stored = local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket).key(key)).asByteArray();
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)),
        snapshot.get("digest").asText());
    HeadObjectResponse head = local.clients().s3().headObject(request -> request.bucket(reportsBucket).key(key));
    assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
    assertEquals(local.attribute("ReportsKey", "Arn"), head.ssekmsKeyId());
    assertEquals(ObjectLockMode.COMPLIANCE, head.objectLockMode());

    JsonNode kept = JSON.readTree(stored);
    assertEquals("verify-targets-1", kept.get("definitions").get("targets").get("version").asText());
    assertEquals(List.of(COMPANY, "quality-report_2026-10_VRF-01", "quality-report_2026-10_VRF-02"),
        kept.get("reports").findValuesAsText("id"));
    assertTrue(new String(stored, StandardCharsets.UTF_8).contains("\"branch\":\"VRF-02\",\"businessDate\":\"2026-10-06\""),
        "the aggregates the run read are in it");
    assertTrue(!new String(stored, StandardCharsets.UTF_8).contains("\"businessDate\":\"2026-10-20\""),
        "the late upload came after the first run");
  }

  @Test
  @Order(3)
  void aRenderingPutBesideTheBuiltOnesIsFoundAndNamed() {
    String reportId = "special-report_2026-10_company_claims-timeliness";
    reports("2026-11-03T00:00:00Z").produce(Map.of("period", "2026-10", "topic", "claims-timeliness"));
    Run clean = cli("report", "verify", "--report", reportId);
    assertEquals(0, clean.status(), clean.stdout() + clean.stderr());

    String pdf = "reports/2026-10/company/" + reportId + ".pdf";
    ResponseBytes<GetObjectResponse> built = local.clients().s3()
        .getObjectAsBytes(request -> request.bucket(reportsBucket).key(pdf));
    byte[] changed = built.asByteArray().clone();
    int at = changed.length / 2;
    changed[at] ^= 1;
    // Someone who can write the bucket copies the metadata and changes one bit; another puts a PDF of their own.
    String forged = put(pdf, changed, built.response().metadata());
    String foreign = put(pdf, "%PDF-1.7 not a report".getBytes(StandardCharsets.US_ASCII), Map.of());

    Run run = cli("report", "verify", "--report", reportId);
    assertEquals(1, run.status(), run.stdout() + run.stderr());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(3, lines.size(), run.stdout());
    assertTrue(lines.get(0).matches("differs " + reportId + " 2026-10/20261103T000000Z-[0-9a-f]{16}: pdf version "
        + forged + " differs from its rebuild at byte " + at + " \\(stored " + changed.length + " bytes, rebuilt "
        + changed.length + "\\)"), lines.get(0));
    assertEquals("differs " + reportId + " pdf-version:" + foreign + ": " + pdf + " names no snapshot: stored before"
        + " snapshots, or not by the report function", lines.get(1));
    assertEquals("0 report versions verified, 2 differ.", lines.get(2));
  }

  @Test
  @Order(4)
  void aSnapshotWrittenAgainIsFoundForEveryReportBuiltFromIt() throws Exception {
    String reportId = "special-report_2026-10_company_complaints";
    reports("2026-11-04T00:00:00Z").produce(Map.of("period", "2026-10", "topic", "complaints"));
    JsonNode report = jsonVersions("reports/2026-10/company/" + reportId + ".json").get(0);
    String key = "snapshots/" + report.get("snapshot").get("id").asText() + ".json";
    byte[] snapshot = local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket).key(key)).asByteArray();
    String rewritten = new String(snapshot, StandardCharsets.UTF_8)
        .replace("\"asOf\":\"2026-11-04T00:00:00Z\"", "\"asOf\":\"2026-11-04T00:00:01Z\"");
    put(key, rewritten.getBytes(StandardCharsets.UTF_8), Map.of());

    Run run = cli("report", "verify", "--report", reportId);
    assertEquals(1, run.status(), run.stdout() + run.stderr());
    assertEquals(List.of("differs " + reportId + " " + report.get("snapshot").get("id").asText() + ": its snapshot "
            + key + " was written 2 times or deleted; a snapshot is written once",
        "0 report versions verified, 1 differ."), run.stdout().lines().toList());
  }

  @Test
  @Order(5)
  void aReportNotStoredOrNoReportNamedIsAUsageError() {
    Run unknown = cli("report", "verify", "--report", "quality-report_1999-01_company");
    assertEquals(2, unknown.status(), unknown.stderr());
    assertTrue(unknown.stderr().contains("no report quality-report_1999-01_company is stored"), unknown.stderr());
    assertEquals(2, cli("report", "verify").status(), "--report or --all");
    assertEquals(2, cli("report", "verify", "--all", "--report", COMPANY).status(), "not both");
  }

  /**
   * The verifier runs as ReportVerifierRole on a stack. Every request it makes is allowed to that role down to the
   * resource (policy, key policy, bucket policy), and the role can write nothing it reads.
   */
  @Test
  @Order(6)
  void everyRequestTheVerifierMakesIsAllowedToTheReadOnlyReportVerifierRole() {
    List<ReportVerifier.Outcome> outcomes = new ReportVerifier(local.clientsFor("ReportVerifierRole").s3(), reportsBucket,
        local.clientsFor("ReportVerifierRole").dynamoDb(), local.physicalId("ReportsTable"),
        java.time.ZoneId.of("Asia/Taipei")).verify(COMPANY);
    assertEquals(2, outcomes.stream().filter(ReportVerifier.Outcome::verified).count(), outcomes.toString());
    Set<IamRequest> made = local.calls().requests().get("ReportVerifierRole");
    assertEquals(Set.of("dynamodb:GetItem", "s3:GetObjectVersion", "s3:ListBucketVersions"),
        StackPermissions.actionsOf(made));
    StackPermissions permissions = StackPermissions.of(local);
    assertEquals(Set.of(), permissions.refusedForRole("ReportVerifierRole", made));

    String arn = "arn:aws:s3:::" + reportsBucket;
    Map<String, List<String>> underReportsKey = Map.of("s3:x-amz-server-side-encryption", List.of("aws:kms"),
        "s3:x-amz-server-side-encryption-aws-kms-key-id", List.of(local.attribute("ReportsKey", "Arn")));
    for (IamRequest write : List.of(new IamRequest("s3:PutObject", arn + "/snapshots/2026-10/x.json", underReportsKey),
        new IamRequest("s3:PutObject", arn + "/reports/2026-10/company/x.pdf", underReportsKey),
        IamRequest.of("s3:DeleteObjectVersion", arn + "/reports/2026-10/company/x.pdf"))) {
      assertTrue(permissions.refusedForRole("ReportVerifierRole", Set.of(write)).contains(write
          + ": no statement of the role's policies allows it"), "a read-only role may not " + write);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private record Run(int status, String stdout, String stderr) {}

  private static Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", local.endpoint().toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = QualityHubCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The report function with its own targets and deadline policy versions, so that the test can tell them apart. */
  private static ReportHandler reports(String now) {
    Map<String, String> variables = new HashMap<>(local.settingsOf("ReportFunction").variables());
    variables.put(ReportHandler.TARGETS_VARIABLE, """
        {"version": "verify-targets-1", "indicators": {"satisfaction.mean": {"target": 4, "amberMargin": 0.3}}}""");
    variables.put("DEADLINE_POLICY_OVERRIDE", "{\"version\": \"verify-deadlines-1\"}");
    return new ReportHandler(new Settings(variables), local.clients(), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  private static double overallSatisfaction(JsonNode report) {
    for (JsonNode indicator : report.get("indicators")) {
      if (indicator.get("id").asText().equals("satisfaction.mean.overall")) {
        return indicator.get("value").asDouble();
      }
    }
    throw new AssertionError("no satisfaction.mean.overall in " + report);
  }

  /** Every stored version of a JSON report, oldest first. */
  private static List<JsonNode> jsonVersions(String key) throws java.io.IOException {
    List<ObjectVersion> versions = new ArrayList<>(local.clients().s3()
        .listObjectVersions(request -> request.bucket(reportsBucket).prefix(key)).versions());
    versions.sort(Comparator.comparing(ObjectVersion::lastModified));
    List<JsonNode> reports = new ArrayList<>();
    for (ObjectVersion version : versions) {
      reports.add(JSON.readTree(local.clients().s3().getObjectAsBytes(request -> request.bucket(reportsBucket).key(key)
          .versionId(version.versionId())).asByteArray()));
    }
    return reports;
  }

  private static String put(String key, byte[] bytes, Map<String, String> metadata) {
    return local.clients().s3().putObject(request -> request.bucket(reportsBucket).key(key).metadata(metadata)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("ReportsKey", "Arn")),
        RequestBody.fromBytes(bytes)).versionId();
  }

  private static void upload(String key, String content) {
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(content, StandardCharsets.UTF_8));
  }

  private static void deliver() {
    IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { });
    assertEquals(List.of(), delivery("IntakeQueue").drain(intake, "IntakeFunction", 1));
    AggregateHandler aggregates = new AggregateHandler(local.settingsOf("AggregateFunction"), local.clients());
    assertEquals(List.of(), delivery("AggregatesQueue").drain(aggregates, "AggregateFunction", 1));
  }

  private static QueueDelivery delivery(String queue) {
    return new QueueDelivery(local.clients().configure(SqsClient.builder()).build(), local.attribute(queue, "QueueUrl"),
        local.attribute(queue, "Arn"), local.clients().region().id(),
        new PrintStream(functionOutput, true, StandardCharsets.UTF_8));
  }
}
