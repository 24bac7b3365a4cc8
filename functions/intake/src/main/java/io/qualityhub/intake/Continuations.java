package io.qualityhub.intake;

/**
 * Hands a file that one invocation could not finish to the next: the same S3 notification, sent again to the
 * intake queue (decision 0017). The next invocation finds the file's checkpoint and goes on from it.
 */
@FunctionalInterface
public interface Continuations {

  /** Where no queue is configured: a file stopped at its checkpoint waits for its message's redelivery. */
  Continuations NONE = body -> {
    throw new IllegalStateException("a file needs a continuation but INTAKE_QUEUE_URL is not configured");
  };

  void send(String notificationBody);
}
