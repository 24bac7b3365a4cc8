package io.qualityhub.local.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import org.slf4j.LoggerFactory;

/**
 * Run in a fresh JVM by the cold-start benchmark: the cost of the logging backend alone, SLF4J over
 * Log4j 2 with Powertools' JSON layout, the backend every function uses.
 */
public final class LoggingStartProbe {

  private LoggingStartProbe() {}

  public static void main(String[] args) {
    PrintStream console = System.out;
    System.setOut(new PrintStream(PrintStream.nullOutputStream()));
    long before = ManagementFactory.getRuntimeMXBean().getUptime();
    LoggerFactory.getLogger("io.qualityhub.probe").info("first line");
    long after = ManagementFactory.getRuntimeMXBean().getUptime();
    System.setOut(console);
    System.out.println("jvm_ready_ms=" + before + " logging_ready_ms=" + after);
  }
}
