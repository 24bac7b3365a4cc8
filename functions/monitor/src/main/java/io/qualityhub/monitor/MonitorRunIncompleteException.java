package io.qualityhub.monitor;

import java.util.List;

/**
 * A run that could not finish its work: a message not accepted, or an item that cannot be read. What
 * it did is recorded (claims, alert record); the invocation fails so that it shows as an error and
 * Lambda retries it, which resumes the unsent alerts under the same run id.
 */
public class MonitorRunIncompleteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MonitorRunIncompleteException(String runId, List<String> problems) {
    super("monitor run " + runId + " did not finish (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "): " + String.join("; ", problems));
  }
}
