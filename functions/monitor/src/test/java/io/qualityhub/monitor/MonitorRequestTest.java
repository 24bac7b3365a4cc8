package io.qualityhub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.time.AsOf;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The input the schedules send, and what a person typing an invocation by hand is told when it is wrong. */
class MonitorRequestTest {

  @Test
  void theSchedulesInputIsARunAsOfTheScheduledTime() {
    MonitorRequest request = parse("{\"asOf\": \"2026-11-23T00:00:00Z\", \"scope\": \"green_channel\"}");

    assertEquals(MonitorRequest.at(Instant.parse("2026-11-23T00:00:00Z"), MonitorScope.GREEN_CHANNEL), request);
    assertEquals("green_channel-20261123T000000Z", DeadlineMonitor.runId(request.scope(), request.asOf().orElseThrow().instant()),
        "a retry of the same scheduled invocation is the same run");
  }

  @Test
  void theSampleScheduleEventsAreTheSchedulesInputs() throws Exception {
    try (var daily = java.nio.file.Files.newInputStream(java.nio.file.Path.of("../../events/monitor/schedule-daily.json"));
         var green = java.nio.file.Files.newInputStream(java.nio.file.Path.of("../../events/monitor/schedule-green-channel.json"))) {
      assertEquals(MonitorRequest.at(Instant.parse("2026-11-24T00:00:00Z"), MonitorScope.ALL), MonitorRequest.parse(daily));
      assertEquals(MonitorRequest.at(Instant.parse("2026-11-24T03:00:00Z"), MonitorScope.GREEN_CHANNEL),
          MonitorRequest.parse(green));
    }
  }

  @Test
  void anEmptyInputIsAFullRunAsOfNow() {
    assertEquals(new MonitorRequest(Optional.empty(), MonitorScope.ALL), parse(""));
    assertEquals(new MonitorRequest(Optional.empty(), MonitorScope.ALL), parse("{}"));
  }

  @Test
  void anOffsetTimeIsTakenAsTheInstantItNames() {
    assertEquals(Optional.of(new AsOf(Instant.parse("2026-11-23T00:00:00Z"))), parse("{\"asOf\": \"2026-11-23T08:00:00+08:00\"}").asOf());
  }

  @Test
  void wrongInputIsRefusedWithWhatWasWrongAndWhatIsExpected() {
    String expected = ". Expected {\"asOf\": \"2026-11-23T00:00:00Z\" (optional), \"scope\": \"all|green_channel\"}";
    assertEquals("monitor input: scope 'daily' is not one of all, green_channel" + expected,
        refusal("{\"scope\": \"daily\"}"));
    assertEquals("monitor input: asOf '2026-11-23' is not an ISO-8601 timestamp with an offset" + expected,
        refusal("{\"asOf\": \"2026-11-23\"}"));
    assertEquals("monitor input: asOf must be a string, was 20261123" + expected, refusal("{\"asOf\": 20261123}"));
    assertEquals("monitor input: unknown field 'as_of'" + expected, refusal("{\"as_of\": \"2026-11-23T00:00:00Z\"}"));
    assertEquals("monitor input: must be a JSON object, was array" + expected, refusal("[]"));
  }

  private static String refusal(String json) {
    return assertThrows(InvalidMonitorRequestException.class, () -> parse(json)).getMessage();
  }

  private static MonitorRequest parse(String json) {
    return MonitorRequest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
