package io.qualityhub.sampling.function;

/** The sampling function's input names no period it can sample; the message says what to send instead. */
public final class InvalidSamplingRequestException extends IllegalArgumentException {

  public InvalidSamplingRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
