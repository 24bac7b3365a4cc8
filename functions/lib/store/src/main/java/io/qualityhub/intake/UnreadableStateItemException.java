package io.qualityhub.intake;

/**
 * A latest-state item whose deadline attributes cannot be read. The message names the item's key
 * (record type, branch and id, no customer data) and the attribute.
 */
public class UnreadableStateItemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnreadableStateItemException(String pk, String attribute, String problem) {
    super(message(pk, attribute, problem));
  }

  public UnreadableStateItemException(String pk, String attribute, String problem, Throwable cause) {
    super(message(pk, attribute, problem), cause);
  }

  private static String message(String pk, String attribute, String problem) {
    return "state item " + pk + ": attribute " + attribute + " " + problem
        + "; its deadlines cannot be computed until the item is rewritten with a valid value";
  }
}
