package io.qualityhub.core.policy;

/**
 * A policy document that cannot be read as one (not JSON, a duplicate key, not an object) before its own rules are
 * checked. Each loader reports {@link #problem()} as a problem of its document.
 */
public final class UnreadablePolicyException extends Exception {

  private final PolicyProblem problem;

  UnreadablePolicyException(PolicyProblem problem, Throwable cause) {
    super(problem.toString(), cause);
    this.problem = problem;
  }

  public PolicyProblem problem() {
    return problem;
  }
}
