package io.qualityhub.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a demo step gets: the local deployment, the business date the run is "as of", the output
 * directory, the summary to add its section to, the console, a stream for function log output
 * (the way Lambda would send it to CloudWatch; kept out of the console), and the list of failures
 * that make the demo end with a non-zero status.
 */
record DemoContext(LocalDeployment local, LocalDate asOf, Path outDir, ObjectNode summary, PrintStream out,
    PrintStream functionLog, List<String> failures) {

  /** Records that {@code count} messages of a function failed, when any did. */
  void failedMessages(String functionName, int count) {
    if (count > 0) {
      failures.add(count + " " + functionName + " messages failed");
    }
  }
}
