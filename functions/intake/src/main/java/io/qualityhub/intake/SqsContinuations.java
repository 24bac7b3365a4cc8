package io.qualityhub.intake;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Continuations as messages on the intake queue itself, which the function already consumes. */
final class SqsContinuations implements Continuations {

  private final SqsClient sqs;
  private final String queueUrl;

  SqsContinuations(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(String notificationBody) {
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(notificationBody));
  }
}
