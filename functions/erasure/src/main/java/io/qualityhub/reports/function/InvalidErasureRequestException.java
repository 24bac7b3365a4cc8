package io.qualityhub.reports.function;

/** An erasure event that is not the one asked for; the message names members and rules, never a value. */
public final class InvalidErasureRequestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidErasureRequestException(String message) {
    super(message);
  }
}
