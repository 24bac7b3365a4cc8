package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The function log of a local demo, as CloudWatch Logs would hold it: each function's lines carry the service name
 * its template sets, and each run's counts (published as metrics on Lambda) are one {@code metrics} line.
 */
class FunctionLogsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachFunctionLogsItsServiceNameAndItsCounts() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    SharedDemo demo = SharedDemo.get();
    assertEquals(0, demo.status(), "the demo failed a step: " + demo.console());
    // The three earlier months the demo writes (DemoHistory) give the company report's trends four months to show.
    String said = demo.console();
    assertTrue(said.contains("  Trend, claims.settled_on_time_pct: 2026-08 93.3, 2026-09 80.0, 2026-10 70.0, 2026-11 "),
        said);
    assertTrue(said.contains("  Trend, complaints.resolved_on_time_pct: 2026-08 80.0, 2026-09 86.7, 2026-10 96.7"), said);
    assertTrue(said.contains("  Trend, sales.disclosure_compliance_pct: 2026-08 91.7, 2026-09 93.3, 2026-10 95.0, 2026-11 "),
        said);
    Path out = demo.out();
    for (String line : Files.readAllLines(out.resolve("logs/functions.log"), StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) {
        lines.add(JSON.readTree(line));
      }
    }

    // Summed per service, as a dashboard's Sum would: how the emulator batches queue messages may vary.
    Map<String, Map<String, Long>> countsByService = new TreeMap<>();
    for (JsonNode line : lines) {
      if (line.path("message").asText().equals("metrics")) {
        Map<String, Long> counts = countsByService.computeIfAbsent(line.path("service").asText("none"), ignored -> new TreeMap<>());
        line.get("metrics").fields().forEachRemaining(metric -> counts.merge(metric.getKey(), metric.getValue().asLong(), Long::sum));
      }
    }
    assertEquals(Map.of(
        // the monthly sample draws 77 tasks and the weekly one 7 (the demo prints both)
        "sampling", Map.of("TasksDrawn", 84L, "TasksCreated", 84L),
        // the sample findings file: 7 rows refused; the demo's findings upload: 2 recorded, 1 for an unissued id refused
        "findings", Map.of("FindingsRecorded", 2L, "FindingsRefused", 8L),
        "report-aggregates", Map.of("AggregatesUpdated", 54L),
        // company, branch and the corrective-actions special report
        "reports", Map.of("ReportsBuilt", 3L),
        // the auditor reads the company report in 3 formats; a manager of another branch is turned away
        "report-access", Map.of("AccessAllowed", 3L, "AccessDenied", 1L),
        "audit-digest", Map.of("DigestsWritten", 1L)), countsByService);

    assertEquals(Map.of(
            "upload processed", Set.of("intake"),
            "findings applied", Set.of("findings"),
            "file aggregate stored", Set.of("report-aggregates"),
            "report stored", Set.of("reports"),
            "report access deny", Set.of("report-access"),
            "audit digest written", Set.of("audit-digest")),
        servicesOf(lines, Set.of("upload processed", "findings applied", "file aggregate stored", "report stored",
            "report access deny", "audit digest written")),
        "each function's lines carry the service name its template sets");

    // The same run's summary: the sample day's upload calendar expects TXG-03's claims from Friday 20 November,
    // which never came; the files of Monday 23 November, each named by TXG-03's manifest and so expected, came on
    // 24 November at 07:00, the demo's replay time; the run of 25 November 08:00 does not judge 24 November yet
    // (due at 12:00).
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertEquals(JSON.readTree("""
        [{"upload": "TXG-03/claims/2026-11-20", "status": "missing", "cutoff": "2026-11-23T04:00:00Z"},
         {"upload": "TXG-03/claims/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/complaints/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/followups/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/portfolio/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/sales/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/surveys/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/underwriting/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"},
         {"upload": "TXG-03/violations/2026-11-23", "status": "on_time", "cutoff": "2026-11-24T04:00:00Z"}]"""),
        summary.path("deadlineMonitor").path("uploads"));
    List<String> uploadAlerts = new ArrayList<>();
    summary.path("alerts").forEach(alert -> {
      if (alert.path("itemType").asText().equals("upload")) {
        uploadAlerts.add(alert.path("level").asText() + " " + alert.path("recipient").asText() + " " + alert.path("itemIds"));
      }
    });
    assertEquals(List.of("severely_overdue quality-head@qualityhub.example [\"TXG-03/claims/2026-11-20\"]",
        "severely_overdue quality-hq@qualityhub.example [\"TXG-03/claims/2026-11-20\"]",
        "severely_overdue txg03-manager@qualityhub.example [\"TXG-03/claims/2026-11-20\"]"),
        uploadAlerts.stream().sorted().toList(), "two business days (23 and 24 November) after its date");
  }

  private static Map<String, Set<String>> servicesOf(List<JsonNode> lines, Set<String> messages) {
    Map<String, Set<String>> services = new TreeMap<>();
    for (JsonNode line : lines) {
      String message = line.path("message").asText();
      if (messages.contains(message)) {
        services.computeIfAbsent(message, ignored -> new java.util.TreeSet<>()).add(line.path("service").asText("none"));
      }
    }
    return services;
  }
}
