package io.qualityhub.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Messages taken off an emulator queue by hand, for tests that look at them or deliver them themselves. */
final class QueueMessages {

  private QueueMessages() {}

  /** The queue's messages about one object as one Lambda event, so a test can deliver them twice. */
  static SQSEvent about(LocalDeployment local, String queue, String objectKey) {
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    String url = local.attribute(queue, "QueueUrl");
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (int attempt = 0; attempt < 3 && records.isEmpty(); attempt++) {
      for (Message message : sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages()) {
        if (message.body().contains(objectKey)) {
          SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
          record.setMessageId(message.messageId());
          record.setBody(message.body());
          records.add(record);
        }
        sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
      }
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /**
   * Every message body on the queue so far: those received now are added to {@code seen}, which keeps them for
   * the test class's other tests (a received message is deleted).
   */
  static List<String> allBodies(LocalDeployment local, String queue, List<String> seen) {
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    String url = local.attribute(queue, "QueueUrl");
    while (true) {
      // No long poll: the functions' SendMessage calls returned before this, and moto's short poll returns every
      // visible message (AWS's samples servers), so an empty answer means none is left; a 1 s wait only idled.
      List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (messages.isEmpty()) {
        return List.copyOf(seen);
      }
      for (Message message : messages) {
        seen.add(message.body());
        sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
      }
    }
  }
}
