package io.qualityhub.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsPartialBatchTest {

  @Test
  void onlyTheMessagesThatThrewAreReportedAndEveryMessageIsHandled() {
    List<String> handled = new ArrayList<>();

    SQSBatchResponse response = SqsPartialBatch.process(batch("m1", "m2", "m3", "m4"), message -> {
      handled.add(message.getMessageId());
      switch (message.getBody()) {
        case "m2" -> throw new IllegalStateException("table busy");
        case "m3" -> throw new StackOverflowError();
        default -> { }
      }
    });

    assertEquals(List.of("m1", "m2", "m3", "m4"), handled);
    assertEquals(List.of("m2", "m3"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
  }

  @Test
  void aBatchThatSucceedsAnswersWithNoFailures() {
    assertEquals(List.of(), SqsPartialBatch.process(batch("m1"), message -> { }).getBatchItemFailures());
  }

  private static SQSEvent batch(String... ids) {
    List<SQSEvent.SQSMessage> messages = new ArrayList<>();
    for (String id : ids) {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId(id);
      message.setBody(id);
      messages.add(message);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(messages);
    return event;
  }
}
