package io.qualityhub.reports.function.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rekey function's requests, from the sample events in events/maintenance and from careless callers. */
class RekeyRequestsTest {

  private static final Path EVENTS = Path.of("../../events/maintenance");
  private static final String OPERATOR = "arn:aws:sts::123456789012:assumed-role/qualityhub-key-operator/lin";

  @Test
  void theSampleRekeyEventNamesTheRetiredKeyAndWhoAsked() throws Exception {
    RekeyRequest request = RekeyRequest.of(read("rekey.json"));

    assertEquals(new RekeyRequest("arn:aws:kms:ap-northeast-1:123456789012:key/0b7c1a52-4d1e-4f7a-9a35-6f2d8c1e9b40", OPERATOR),
        request);
  }

  @Test
  void aSourceThatIsNoKeyArnIsRefusedBeforeAnythingRuns() {
    for (Object notAKeyArn : new Object[] {null, "", "alias/qualityhub-prod-data", "0b7c1a52-4d1e-4f7a-9a35-6f2d8c1e9b40",
        "arn:aws:kms:ap-northeast-1:123456789012:alias/qualityhub-prod-data", 42,
        "arn:aws:kms:ap-northeast-1:123456789012:key/0b7c1a52\nforged log line"}) {
      Map<String, Object> input = new HashMap<>();
      input.put("fromKey", notAKeyArn);
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RekeyRequest.of(input),
          String.valueOf(notAKeyArn));
      assertEquals("fromKey must be the ARN of the KMS key the record data keys are wrapped under now"
          + " (arn:aws:kms:REGION:ACCOUNT:key/ID); the function re-wraps them to this stack's DATA_KEY_ARN", refused.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> RekeyRequest.of(null));
  }

  @Test
  void aRequesterThatIsNotOnePrintableTokenReadsAsUnknown() {
    for (Object stated : new Object[] {null, "", "two words", "line\nbreak", "x".repeat(257), 7}) {
      Map<String, Object> input = new HashMap<>();
      input.put("requestedBy", stated);
      assertEquals("unknown", Requester.of(input), String.valueOf(stated));
    }
    assertEquals("unknown", Requester.of(null));
    assertEquals("x".repeat(256), Requester.of(Map.of("requestedBy", "x".repeat(256))));
  }

  @Test
  void outcomesReadBackAsTheFunctionsAnswered() {
    RekeyOutcome rekey = new RekeyOutcome("arn:from", "arn:to", 3, 4);
    assertEquals(rekey, RekeyOutcome.fromResponse(rekey.toResponse()));
    assertThrows(IllegalArgumentException.class, () -> RekeyOutcome.fromResponse(Map.of("errorMessage", "boom")));
  }

  private static Map<String, Object> read(String name) throws Exception {
    return new ObjectMapper().readValue(Files.readString(EVENTS.resolve(name)), new TypeReference<Map<String, Object>>() { });
  }
}
