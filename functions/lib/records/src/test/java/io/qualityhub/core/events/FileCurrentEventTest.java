package io.qualityhub.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FileCurrentEventTest {

  private static final FileCurrentEvent PUBLISHED = new FileCurrentEvent("QA#findings#2026-11-23", "QA", "findings",
      "2026-11-23", "g1", "bucket", "incoming/QA/2026-11-23/findings.csv", "v1", null, null, 7, 4);

  @Test
  void aRawMessageIsTheEventItself() throws Exception {
    assertEquals(PUBLISHED, FileCurrentEvent.fromQueueMessage(PUBLISHED.toJson()));
  }

  @Test
  void anSnsEnvelopeIsUnwrappedWhenRawDeliveryIsOff() throws Exception {
    String envelope = new ObjectMapper().createObjectNode().put("Type", "Notification").put("MessageId", "m-1")
        .put("Message", PUBLISHED.toJson()).toString();

    assertEquals(PUBLISHED, FileCurrentEvent.fromQueueMessage(envelope));
  }
}
