package io.qualityhub.reports.function.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The re-seal function's request, from the sample event in events/maintenance, and its answer. */
class ResealRequestsTest {

  @Test
  void theSampleResealEventNamesWhoAsked() throws Exception {
    Map<String, Object> event = new ObjectMapper().readValue(Files.readString(Path.of("../../events/maintenance/reseal.json")),
        new TypeReference<Map<String, Object>>() { });

    assertEquals("arn:aws:sts::123456789012:assumed-role/qualityhub-key-operator/lin", Requester.of(event));
  }

  @Test
  void theOutcomeReadsBackAsTheFunctionAnswered() {
    ResealOutcome reseal = new ResealOutcome(1, 2, 3, 4, 5, Instant.parse("2026-12-05T13:00:00Z"), true);
    assertEquals(reseal, ResealOutcome.fromResponse(reseal.toResponse()));
    assertThrows(IllegalArgumentException.class, () -> ResealOutcome.fromResponse(Map.of("sealed", 1)));
  }
}
