package io.qualityhub.local;

import java.util.List;

/** The steps ./qualityhub demo runs after intake, in order. */
final class DemoSteps {

  private DemoSteps() {}

  static List<DemoStep> all() {
    // Sampling first: the corrective action its findings open is then in the monitor's digests.
    // Reports last: they are built from everything the steps before stored.
    return List.of(new InspectionSamplingStep(), new AdhocInspectionStep(), new DeadlineMonitorStep(), new ReportsStep());
  }
}
