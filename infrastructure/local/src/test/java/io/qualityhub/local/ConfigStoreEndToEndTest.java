package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorScope;
import io.qualityhub.reports.function.ReportHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 4 on the emulator: {@code config put} validates a document with the loader the
 * functions use (a bad one is refused with its JSON paths and nothing is stored), keeps every
 * version, puts each change on the audit trail, and the functions started afterwards run with it
 * and say which version they ran with.
 */
class ConfigStoreEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

  private static LocalDeployment local;

  @TempDir
  Path dir;

  @BeforeAll
  static void deploy() {
    System.setProperty("qualityhub.root", ROOT.toString());
    local = LocalDeployment.open(ROOT, Optional.empty());
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void aBadRecipientsDirectoryIsRefusedWithItsJsonPathsAndNothingIsStored() throws Exception {
    Path bad = write("bad-recipients.json", """
        {"defaults": {"branch_manager": ["not-an-address"]}, "branches": {"tpe 01": {}}, "colour": "blue"}""");

    Captured put = cli("config", "put", "recipients", bad.toString(), "--endpoint", endpoint());

    assertEquals(1, put.status(), put.text());
    assertTrue(put.stderr().startsWith("config put recipients: " + bad + " is refused, nothing stored"), put.stderr());
    assertTrue(put.stderr().contains("  $.defaults.head_office_quality: missing"), put.stderr());
    assertTrue(put.stderr().contains("$.colour"), put.stderr());
    assertTrue(put.stderr().contains("$.defaults.branch_manager[0]"), put.stderr());
    assertTrue(put.stderr().contains("$.branches['tpe 01']") || put.stderr().contains("$.branches.tpe 01"), put.stderr());
    Captured get = cli("config", "get", "recipients", "--endpoint", endpoint());
    assertEquals(2, get.status(), get.text());
    assertEquals("config get recipients: nothing stored; the functions use ALERT_RECIPIENTS or their packaged default\n",
        get.stderr());
  }

  @Test
  void everyVersionIsKeptEachChangeIsAuditedAndTheFunctionsRunWithTheVersionInForce() throws Exception {
    String first = "{\"version\": \"2026-11-1-config-a\"}\n";
    String second = "{\"version\": \"2026-11-1-config-b\", \"timeZone\": \"Asia/Taipei\"}\n";
    assertEquals(0, cli("config", "put", "deadline-policy", write("a.json", first).toString(), "--endpoint", endpoint()).status());
    Captured again = cli("config", "put", "deadline-policy", write("a-again.json", first).toString(), "--endpoint", endpoint());
    assertEquals("deadline-policy: unchanged, version 1 holds the same document; nothing stored\n", again.stdout());
    Captured put = cli("config", "put", "deadline-policy", write("b.json", second).toString(), "--endpoint", endpoint());
    assertEquals(0, put.status(), put.text());
    assertTrue(put.stdout().startsWith("deadline-policy: version 2 stored (sha256 "), put.stdout());

    assertEquals(first, cli("config", "get", "deadline-policy", "--document-version", "1", "--endpoint", endpoint()).stdout());
    assertEquals(second, cli("config", "get", "deadline-policy", "--endpoint", endpoint()).stdout());
    Captured diff = cli("config", "diff", "deadline-policy", "--endpoint", endpoint());
    assertEquals(1, diff.status(), diff.text());
    assertEquals(List.of("--- deadline-policy@1", "+++ deadline-policy@2", "+ $.timeZone: \"Asia/Taipei\"",
        "~ $.version: \"2026-11-1-config-a\" -> \"2026-11-1-config-b\""), diff.stdout().lines().toList());
    assertEquals(0, cli("config", "diff", "deadline-policy", write("same.json", second).toString(), "--endpoint", endpoint())
        .status());

    List<JsonNode> changes = new ArrayList<>();
    for (String line : cli("audit", "list", "--endpoint", endpoint()).stdout().lines().toList()) {
      JsonNode record = JSON.readTree(line);
      if (record.path("action").asText().equals("config") && record.path("subject").asText().contains("deadline-policy")) {
        changes.add(record);
      }
    }
    assertEquals(2, changes.size(), "one record per stored version, none for the unchanged put: " + changes);
    assertTrue(changes.get(0).path("subject").asText().startsWith("configuration deadline-policy@1 sha256 "), changes.toString());
    assertTrue(changes.get(1).path("subject").asText().startsWith("configuration deadline-policy@2 sha256 "), changes.toString());
    assertEquals(0, cli("audit", "verify", "--endpoint", endpoint()).status());

    MonitorHandler monitor = new MonitorHandler(local.settingsOf("MonitorFunction"), local.clientsFor("MonitorFunction"),
        Clock.fixed(AS_OF, ZoneOffset.UTC));
    assertEquals("2026-11-1-config-b", monitor.run(MonitorRequest.at(AS_OF, MonitorScope.ALL)).policyVersion());
    assertTrue(StoredConfiguration.over(local.settingsOf("IntakeFunction"), local.clients().dynamoDb())
        .required(StoredConfiguration.VERSIONS_VARIABLE).contains("deadline-policy@2"));
  }

  @Test
  void aStoredTargetsOverrideIsLaidOverThePackagedTargetsInTheNextReport() throws Exception {
    Path targets = write("targets.json", """
        {"version": "2026-12-config-a", "indicators": {"claims.settled_on_time_pct": {"target": 97, "amberMargin": 2},
         "complaints.first_response_on_time_pct": null}}""");
    Captured put = cli("config", "put", "indicator-targets", targets.toString(), "--endpoint", endpoint());
    assertEquals(0, put.status(), put.text());

    Map<String, Object> produced = new ReportHandler(local.settingsOf("ReportFunction"), local.clientsFor("ReportFunction"),
        Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC)).produce(Map.of("period", "2026-10", "scope", "company"));
    String reportId = produced.keySet().iterator().next();
    byte[] json = local.clients().s3().getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket"))
        .key("reports/2026-10/company/" + reportId + ".json")).asByteArray();
    JsonNode settled = null;
    for (JsonNode indicator : JSON.readTree(json).findValues("indicators").get(0)) {
      if (indicator.path("id").asText().equals("claims.settled_on_time_pct")) {
        settled = indicator;
      }
    }
    assertEquals(97, settled.path("target").asInt(), String.valueOf(settled));
    JsonNode unlisted = JSON.readTree(json).findValues("indicators").get(0).findParents("id").stream()
        .filter(node -> node.path("id").asText().equals("complaints.resolved_on_time_pct")).findFirst().orElseThrow();
    assertEquals(90, unlisted.path("target").asInt(), "an indicator the override leaves out keeps the packaged target: "
        + unlisted);
    JsonNode removed = JSON.readTree(json).findValues("indicators").get(0).findParents("id").stream()
        .filter(node -> node.path("id").asText().equals("complaints.first_response_on_time_pct")).findFirst().orElseThrow();
    assertTrue(removed.path("target").isNull() || removed.path("target").isMissingNode(),
        "null in the override removes the packaged target: " + removed);
  }

  @Test
  void aBranchDirectoryIsCheckedByJsonPathStoredAndNamesTheBranchInTheNextReport() throws Exception {
    Path bad = write("bad-branches.json", """
        {"branches": {"TPE-01": {"name_zh": "台北一分公司"}, "tpe 2": {"name_zh": "x", "name_en": "y"}}}""");
    Captured refused = cli("config", "put", "branch-directory", bad.toString(), "--endpoint", endpoint());
    assertEquals(1, refused.status(), refused.text());
    assertTrue(refused.stderr().contains("  $.branches.TPE-01.name_en: missing; add the branch's name in English\n"),
        refused.stderr());
    assertTrue(refused.stderr().contains("  $.branches.tpe 2: not a branch id"), refused.stderr());
    assertEquals(2, cli("config", "get", "branch-directory", "--endpoint", endpoint()).status(), "nothing stored");

    Path names = write("branches.json", """
        {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1", "region": "北區"}}}""");
    Captured put = cli("config", "put", "branch-directory", names.toString(), "--endpoint", endpoint());
    assertEquals(0, put.status(), put.text());

    Map<String, Object> produced = new ReportHandler(local.settingsOf("ReportFunction"), local.clientsFor("ReportFunction"),
        Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC))
        .produce(Map.of("period", "2026-10", "scope", "branch:TPE-01"));
    String reportId = produced.keySet().iterator().next();
    JsonNode report = JSON.readTree(local.clients().s3().getObjectAsBytes(request -> request
        .bucket(local.physicalId("ReportsBucket")).key("reports/2026-10/TPE-01/" + reportId + ".json")).asByteArray());
    assertEquals("保險品質管理報告 - 分公司 TPE-01 台北一分公司 - 2026-10", report.path("titleZh").asText());
    assertEquals("Quality management report - Branch TPE-01 Taipei Branch 1 - 2026-10", report.path("titleEn").asText());
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String endpoint() {
    return local.endpoint().toString();
  }

  private record Captured(int status, String stdout, String stderr) {
    String text() {
      return stdout + stderr;
    }
  }

  private static synchronized Captured cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = QualityHubCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
