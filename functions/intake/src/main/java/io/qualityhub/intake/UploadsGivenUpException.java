package io.qualityhub.intake;

import java.util.List;

/**
 * Uploads of one message that failed every attempt: the message fails once more, so that SQS moves it to the
 * dead-letter queue, where the dead-letter alarm calls an operator (docs/operations/runbooks.md).
 */
final class UploadsGivenUpException extends Exception {

  UploadsGivenUpException(List<String> objectKeys) {
    super("given up after every attempt, left for the dead-letter queue: " + String.join(", ", objectKeys));
  }
}
