package io.qualityhub.core.policy;

/**
 * One thing wrong with a policy document, as every loader reports it.
 *
 * @param path     the JSON path, e.g. {@code $.levels.warningShare}
 * @param what     what was wrong
 * @param whatToDo how to fix it
 */
public record PolicyProblem(String path, String what, String whatToDo) {

  /** "path: what was wrong; what to do". */
  @Override
  public String toString() {
    return path + ": " + what + "; " + whatToDo;
  }
}
