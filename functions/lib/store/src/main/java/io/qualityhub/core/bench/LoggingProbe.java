package io.qualityhub.core.bench;

import org.slf4j.LoggerFactory;

/**
 * The logging backend's share of a cold start ({@code ./qualityhub bench coldstart}), from a function's own artifact
 * and so with its own {@code log4j2.xml}: SLF4J over Log4j 2 with Powertools' JSON layout, up to the first line
 * written. Prints {@code jvm_ready_ms=N logging_ready_ms=N} in JVM uptime and {@code cpu_ms=N}, the CPU time the
 * process spent in between (all threads).
 */
public final class LoggingProbe {

  private LoggingProbe() {}

  public static void main(String[] args) {
    long cpuBefore = ProbeClock.processCpuMillis();
    long before = System.nanoTime();
    LoggerFactory.getLogger("io.qualityhub.probe").info("first line");
    long after = System.nanoTime();
    long cpu = ProbeClock.processCpuMillis() - cpuBefore;
    long[] millis = ProbeClock.ofPoints(before, after);
    System.out.println("jvm_ready_ms=" + millis[0] + " logging_ready_ms=" + millis[1] + " cpu_ms=" + cpu);
  }
}
