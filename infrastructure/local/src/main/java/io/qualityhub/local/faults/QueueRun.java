package io.qualityhub.local.faults;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.local.QueueDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, sped up: receives batches, hands each to the function, deletes the messages
 * it did not report failed, and makes the failed ones visible again at once (on AWS, when their visibility timeout
 * ends), so SQS redelivers them and, after the queue's {@code maxReceiveCount}, moves them to the dead-letter queue.
 * An invocation that throws or times out fails its whole batch, as on Lambda.
 */
final class QueueRun {

  /** What one invocation did: the ids of the messages to leave on the queue. */
  @FunctionalInterface
  interface Invocation {
    Set<String> failedIds(SQSEvent event);
  }

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final int batchSize;
  private final boolean redeliver;

  private int invocations;
  private final Map<String, Integer> receives = new LinkedHashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, String> bodies = new HashMap<>();
  private final List<List<String>> batches = new ArrayList<>();

  /** @param redeliver false drops a failed message instead of redelivering it: recovery left out, for tests */
  QueueRun(SqsClient sqs, String queueUrl, String queueArn, String region, int batchSize, boolean redeliver) {
    this.redeliver = redeliver;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.region = region;
    this.batchSize = batchSize;
  }

  /** The batch failures a handler reports; a handler that throws fails the whole batch. */
  static Invocation of(Function<SQSEvent, SQSBatchResponse> handler) {
    return event -> {
      try {
        Set<String> failed = new HashSet<>();
        handler.apply(event).getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        return failed;
      } catch (RuntimeException | Error invocationFailed) {
        Set<String> all = new HashSet<>();
        event.getRecords().forEach(record -> all.add(record.getMessageId()));
        return all;
      }
    };
  }

  /** Delivers until the queue is empty, at most {@code maxBatches} batches. */
  QueueRun drain(Invocation invocation, int maxBatches) {
    for (int batch = 0; batch < maxBatches; batch++) {
      List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
          .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      if (messages.isEmpty()) {
        return this;
      }
      invocations++;
      batches.add(messages.stream().map(Message::messageId).toList());
      messages.forEach(message -> {
        receives.merge(message.messageId(), 1, Integer::sum);
        bodies.put(message.messageId(), message.body());
      });
      Set<String> failed = invocation.failedIds(toEvent(messages));
      for (Message message : messages) {
        if (failed.contains(message.messageId()) && redeliver) {
          failures.merge(message.messageId(), 1, Integer::sum);
          sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
              .visibilityTimeout(0));
        } else {
          if (failed.contains(message.messageId())) {
            failures.merge(message.messageId(), 1, Integer::sum);
          }
          sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
      }
    }
    throw new IllegalStateException("the queue was not empty after " + maxBatches + " batches");
  }

  int invocations() {
    return invocations;
  }

  /** Failed deliveries per message id. */
  Map<String, Integer> failures() {
    return failures;
  }

  /** Failed deliveries of the messages whose body contains {@code text}. */
  int failuresOf(String text) {
    return failures.entrySet().stream().filter(entry -> bodies.get(entry.getKey()).contains(text))
        .mapToInt(Map.Entry::getValue).sum();
  }

  int receives() {
    return receives.values().stream().mapToInt(Integer::intValue).sum();
  }

  List<List<String>> batches() {
    return batches;
  }

  String bodyOf(String messageId) {
    return bodies.get(messageId);
  }

  private SQSEvent toEvent(List<Message> messages) {
    return QueueDelivery.sqsEvent(messages, queueArn, region);
  }
}
