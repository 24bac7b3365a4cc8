package io.qualityhub.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdkCallSubsegmentTest {

  private static final TraceHeader TRACE = new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true);
  private static final Instant START = Instant.parse("2026-12-05T08:00:00.125Z");
  private static final Instant END = Instant.parse("2026-12-05T08:00:00.3405Z");

  private static String document(Optional<Integer> status, Optional<String> requestId) {
    return new SdkCallSubsegment("0123456789abcdef", TRACE, "DynamoDb", "PutItem", "ap-northeast-1", START, END, status,
        requestId).document();
  }

  @Test
  void aSuccessfulCallIsASubsegmentOfTheFunctionsSegmentNamingServiceOperationRegionRequestAndStatus() {
    assertEquals("{\"type\":\"subsegment\",\"id\":\"0123456789abcdef\",\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\","
            + "\"parent_id\":\"53995c3f42cd8ad8\",\"name\":\"DynamoDb\",\"namespace\":\"aws\","
            + "\"start_time\":1796457600.125,\"end_time\":1796457600.3405,"
            + "\"aws\":{\"operation\":\"PutItem\",\"region\":\"ap-northeast-1\",\"request_id\":\"REQ-1\"},"
            + "\"http\":{\"response\":{\"status\":200}}}",
        document(Optional.of(200), Optional.of("REQ-1")));
  }

  @Test
  void aRefusedCallIsAnErrorAThrottledOneAlsoAThrottleAndAServerFailureOrNoAnswerAFault() {
    assertEquals(",\"http\":{\"response\":{\"status\":400}},\"error\":true}", tail(document(Optional.of(400), Optional.of("R"))));
    assertEquals(",\"http\":{\"response\":{\"status\":429}},\"throttle\":true,\"error\":true}",
        tail(document(Optional.of(429), Optional.of("R"))));
    assertEquals(",\"http\":{\"response\":{\"status\":503}},\"fault\":true}", tail(document(Optional.of(503), Optional.of("R"))));
    assertEquals("\"aws\":{\"operation\":\"PutItem\",\"region\":\"ap-northeast-1\"},\"fault\":true}",
        document(Optional.empty(), Optional.empty()).replaceAll(".*,(\"aws\".*)", "$1"));
  }

  private static String tail(String document) {
    return document.substring(document.indexOf("\"R\"}") + 4);
  }
}
