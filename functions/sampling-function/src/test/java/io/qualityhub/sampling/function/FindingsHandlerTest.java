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

    FileCurrentEvent event = FileCurrentEvent.fromQueueMessage(sample.get("Records").get(0).get("body").asText());

    assertEquals("incoming/QA/2026-11-23/findings.csv", event.objectKey());
    assertEquals("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", event.versionId());
  }
}
