package io.qualityhub.core.batch;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SQS batch handled message by message, answered with the failed messages only (a partial batch response), shaped
 * like Powertools' {@code BatchMessageHandler}: its batch module is not served by our Maven mirror, and switching to it
 * is one line in each handler. A message whose handler throws, an {@link Error} included, fails alone: the others of
 * the batch go on, and SQS retries the failed one, then dead-letters it.
 */
public final class SqsPartialBatch {

  private static final Logger LOG = LoggerFactory.getLogger(SqsPartialBatch.class);

  /** Handles one message of the batch. */
  @FunctionalInterface
  public interface MessageHandler {
    /** Throws to have the message retried. */
    void handle(SQSEvent.SQSMessage message) throws Exception;
  }

  private SqsPartialBatch() {
  }

  public static SQSBatchResponse process(SQSEvent event, MessageHandler handler) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        handler.handle(message);
      } catch (Exception | Error e) {
        // Our exceptions' messages hold keys, names and positions only, never row values (NoLeaksTest).
        LOG.error("message failed and will be retried", entry("messageId", message.getMessageId()),
            entry("failure", e.getClass().getSimpleName()), entry("detail", e.getMessage()));
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
