package io.qualityhub.local.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The registry of fault scenarios, in the order {@code ./qualityhub faults} runs them. */
public final class FaultScenarios {

  private FaultScenarios() {}

  public static List<FaultScenario> all() {
    List<FaultScenario> all = new ArrayList<>();
    all.addAll(IntakeScenarios.all());
    all.addAll(IntakeCrashMatrix.all());
    all.addAll(MonitorScenarios.all());
    all.addAll(SamplingScenarios.all());
    all.addAll(ReportScenarios.all());
    Set<String> names = new HashSet<>();
    for (FaultScenario scenario : all) {
      if (!names.add(scenario.name())) {
        throw new IllegalStateException("two fault scenarios are named " + scenario.name());
      }
    }
    return List.copyOf(all);
  }
}
