package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.events.FileCurrentEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FindingsHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSampleEventReadsAsTheFileEventIntakePublished() throws Exception {
    JsonNode sample = JSON.readTree(Files.readString(Path.of("../../events/sampling/sqs-findings-file-current.json")));

    FileCurrentEvent event = FindingsHandler.fileEvent(sample.get("Records").get(0).get("body").asText());

    assertEquals("incoming/QA/2026-11-23/findings.csv", event.objectKey());
    assertEquals("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", event.versionId());
  }

  @Test
  void anSnsEnvelopeIsUnwrappedWhenRawDeliveryIsOff() throws Exception {
    FileCurrentEvent published = new FileCurrentEvent("QA#findings#2026-11-23", "QA", "findings", "2026-11-23", "g1",
        "bucket", "incoming/QA/2026-11-23/findings.csv", "v1", null, null, 7, 4);
    String envelope = JSON.createObjectNode().put("Type", "Notification").put("Message", published.toJson()).toString();

    assertEquals(published, FindingsHandler.fileEvent(envelope));
  }
}
