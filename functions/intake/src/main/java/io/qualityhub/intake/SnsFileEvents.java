package io.qualityhub.intake;

import io.qualityhub.core.events.FileCurrentEvent;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes file events to an SNS topic, with the record type and branch as message attributes so
 * that each consumer's subscription filter takes only the files it needs (findings, say).
 */
final class SnsFileEvents implements FileEvents {

  private final SnsClient sns;
  private final String topicArn;

  SnsFileEvents(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  public void published(FileCurrentEvent event) {
    sns.publish(request -> request
        .topicArn(topicArn)
        .message(event.toJson())
        .messageAttributes(Map.of(
            "recordType", text(event.recordType()),
            "branch", text(event.branch()))));
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
