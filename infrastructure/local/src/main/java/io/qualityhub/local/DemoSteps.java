package io.qualityhub.local;

import java.util.List;

/** The steps ./qualityhub demo runs after intake, in order. */
final class DemoSteps {

  private DemoSteps() {}

  static List<DemoStep> all() {
    return List.of();
  }
}
