package io.qualityhub.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Does locally what Lambda's SQS event source mapping does: receives batches from a queue, hands
 * them to the handler as an {@link SQSEvent}, deletes the messages the handler did not report as
 * failed, and leaves the failed ones on the queue, invisible until their visibility timeout ends, for
 * redelivery and, in the end, the dead-letter queue.
 */
public final class QueueDelivery {

  private static final int BATCH_SIZE = 5;

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final PrintStream functionOutput;
  private final int retryAfterSeconds;

  public QueueDelivery(SqsClient sqs, String queueUrl, String queueArn, String region, PrintStream functionOutput) {
    this(sqs, queueUrl, queueArn, region, functionOutput, -1);
  }

  private QueueDelivery(SqsClient sqs, String queueUrl, String queueArn, String region, PrintStream functionOutput,
      int retryAfterSeconds) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.region = region;
    this.functionOutput = functionOutput;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * The same delivery, but a failed message comes back after {@code seconds} instead of the queue's
   * visibility timeout (90 minutes for intake), so one run sees retries through to success or the
   * dead-letter queue.
   */
  public QueueDelivery retryingAfter(int seconds) {
    return new QueueDelivery(sqs, queueUrl, queueArn, region, functionOutput, seconds);
  }

  /**
   * Delivers until the queue is empty with nothing in flight, or, while messages are in flight (failed ones waiting
   * for their visibility timeout, or another poller's), until {@code idlePolls} one-second polls in a row found
   * nothing; returns the ids of messages the handler failed, once per failed delivery.
   */
  public List<String> drain(RequestHandler<SQSEvent, SQSBatchResponse> handler, String functionName, int idlePolls) {
    List<String> failed = new ArrayList<>();
    int idle = 0;
    while (idle < idlePolls) {
      int waitSeconds = idle == 0 ? 0 : 1;
      List<Message> messages = sqs.receiveMessage(request -> request
          .queueUrl(queueUrl)
          .maxNumberOfMessages(BATCH_SIZE)
          .waitTimeSeconds(waitSeconds)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      if (messages.isEmpty()) {
        if (emptyWithNothingInFlight()) {
          return failed;
        }
        idle++;
        continue;
      }
      idle = 0;
      SQSBatchResponse response = invoke(handler, functionName, toEvent(messages));
      Set<String> failedIds = response.getBatchItemFailures().stream()
          .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
          .collect(Collectors.toSet());
      for (Message message : messages) {
        if (failedIds.contains(message.messageId())) {
          failed.add(message.messageId()); // back on the queue after its visibility timeout, as on AWS
          if (retryAfterSeconds >= 0) {
            sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                .visibilityTimeout(retryAfterSeconds));
          }
        } else {
          sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
      }
    }
    return failed;
  }

  /** What the emulator counts: no message visible, in flight or delayed. An empty receive alone may be a lull. */
  private boolean emptyWithNothingInFlight() {
    Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return counts.size() == 3 && counts.values().stream().allMatch("0"::equals);
  }

  private SQSBatchResponse invoke(RequestHandler<SQSEvent, SQSBatchResponse> handler, String functionName, SQSEvent event) {
    PrintStream console = System.out;
    System.setOut(functionOutput);
    try {
      return LocalService.invoke(functionName, () -> handler.handleRequest(event, LocalContext.forFunction(functionName, 900_000)));
    } finally {
      functionOutput.flush();
      System.setOut(console);
    }
  }

  private SQSEvent toEvent(List<Message> messages) {
    return sqsEvent(messages, queueArn, region);
  }

  /** The event Lambda's SQS event source mapping hands a function for these received messages. */
  public static SQSEvent sqsEvent(List<Message> messages, String queueArn, String region) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setMd5OfBody(message.md5OfBody());
      Map<String, String> attributes = new HashMap<>();
      message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
      record.setAttributes(attributes);
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(region);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }
}
