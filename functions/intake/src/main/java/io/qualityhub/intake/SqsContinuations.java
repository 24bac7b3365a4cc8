package io.qualityhub.intake;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Continuations as messages on the intake queue itself, which the function already consumes. */
final class SqsContinuations implements Continuations {

  private final Supplier<SqsClient> sqs;
  private final String queueUrl;

  /** @param sqs the client, asked for at the first continuation */
  SqsContinuations(Supplier<SqsClient> sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(String notificationBody) {
    sqs.get().sendMessage(request -> request.queueUrl(queueUrl).messageBody(notificationBody));
  }
}
