package io.qualityhub.local;

/**
 * The command was pointed at an account, stack or emulator that holds no QualityHub (or not the part
 * it needs). The message is one line that says what is missing and how to get it. Exit status 2; nothing
 * was created.
 */
final class NotDeployedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NotDeployedException(String message) {
    super(message);
  }

  NotDeployedException(String message, Throwable cause) {
    super(message, cause);
  }
}
