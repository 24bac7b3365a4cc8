package io.qualityhub.core.bench;

import java.lang.management.ManagementFactory;

/**
 * The cold-start probes' clocks: milliseconds since the JVM started, and the process's CPU time (all threads: JIT
 * and GC included), which a shared machine's load disturbs far less than wall time. Points are taken with {@link System#nanoTime()} and
 * turned into uptime once, after the last point: asking the management beans earlier would load JMX classes before
 * the code under measurement, hiding part of what Log4j's own JMX start costs.
 */
final class ProbeClock {

  private ProbeClock() {}

  /** @return each point (a {@code System.nanoTime()} reading) as milliseconds of JVM uptime */
  static long[] ofPoints(long... nanoPoints) {
    long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    long now = System.nanoTime();
    long[] millis = new long[nanoPoints.length];
    for (int i = 0; i < nanoPoints.length; i++) {
      millis[i] = uptimeMillis - (now - nanoPoints[i]) / 1_000_000;
    }
    return millis;
  }

  /** @return the CPU time the process has used so far, read from the operating system without loading JMX */
  static long processCpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
  }
}
