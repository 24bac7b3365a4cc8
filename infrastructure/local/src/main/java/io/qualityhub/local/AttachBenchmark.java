package io.qualityhub.local;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What reaching a deployment costs a command, on the local emulator: template.yaml deployed once, then RUNS attaches
 * (what every command but the demo does: find the stack's resources) and RUNS deploys again onto it (what the demo
 * does: apply the template to what exists). Each figure is the mean of the second half of the runs, after warm-up.
 */
final class AttachBenchmark {

  private AttachBenchmark() {}

  static Map<String, String> run(Path projectRoot, int runs) {
    Map<String, String> figures = new LinkedHashMap<>();
    try (LocalDeployment deployed = LocalDeployment.open(projectRoot, Optional.empty())) {
      Optional<URI> endpoint = Optional.of(deployed.endpoint());
      measure("attach", runs, () -> LocalDeployment.attach(projectRoot, endpoint), figures);
      measure("deploy_again", runs, () -> LocalDeployment.open(projectRoot, endpoint), figures);
    }
    return figures;
  }

  private static void measure(String name, int runs, Supplier<LocalDeployment> reach, Map<String, String> figures) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall = 0;
    long cpu = 0;
    for (int run = 0; run < runs; run++) {
      long wallBefore = System.nanoTime();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      reach.get().close();
      if (run >= runs / 2) {
        wall += System.nanoTime() - wallBefore;
        cpu += threads.getCurrentThreadCpuTime() - cpuBefore;
      }
    }
    int measured = runs - runs / 2;
    figures.put(name + "_wall_ms", String.format("%.1f", wall / 1e6 / measured));
    figures.put(name + "_thread_cpu_ms", String.format("%.1f", cpu / 1e6 / measured));
  }
}
