package io.qualityhub.core.time;

/** An event's "as of" (or day) is not written in a form its function accepts: what it held and how to write it. */
public final class InvalidAsOfException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String what;

  InvalidAsOfException(String what, String whatToDo, Throwable cause) {
    super(what + "; " + whatToDo, cause);
    this.what = what;
  }

  /** What was wrong, without the advice: for a caller that states what it expects in its own words. */
  public String what() {
    return what;
  }
}
