package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The demo's company report counts each record by its own dates (issue 13 item 1, decision 0016): the sample day's
 * complaint files (business date 23 November) carry complaints received earlier in the month, which the report used
 * to leave out (it showed 0 major complaints while the monitor alerted major ones as severely overdue). It reads the
 * sample day's demo run that {@link SharedDemo} makes once for the classes that check that demo.
 */
class DemoFiguresEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCompanyReportCountsTheMonthsMajorComplaintsThoughTheyCameInALaterDaysFile() throws Exception {
    SharedDemo demo = SharedDemo.get();
    assertEquals(0, demo.status(), "the demo failed a step: " + demo.console());
    Path out = demo.out();
    JsonNode report = JSON.readTree(out.resolve("reports/quality-report_2026-11_company.json").toFile());
    JsonNode major = null;
    for (JsonNode indicator : report.get("indicators")) {
      if (indicator.get("id").asText().equals("complaints.major_count")) {
        major = indicator;
      }
    }
    assertEquals(6, major.get("value").asLong(), "two major complaints received in November at each of TPE-01, KHH-02"
        + " and TXG-03 (their latest accepted rows in the 23rd's files), none of them received on the 23rd");
    assertEquals("red", major.get("status").asText());
  }
}
