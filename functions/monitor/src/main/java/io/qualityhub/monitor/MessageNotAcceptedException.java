package io.qualityhub.monitor;

/**
 * A digest or topic message the messaging service did not accept. The run goes on with the other messages and reports
 * this one among its problems; its alerts stay claimed so that the next run sends them. The cause is the service's
 * own exception.
 */
public class MessageNotAcceptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  MessageNotAcceptedException(String service, Throwable cause) {
    super(service + " did not accept the message (" + cause.getClass().getSimpleName() + ")", cause);
    this.reason = cause.getClass().getSimpleName();
  }

  /** The kind of refusal, as the service named it (its exception's class): no message text, which may echo input. */
  public String reason() {
    return reason;
  }
}
