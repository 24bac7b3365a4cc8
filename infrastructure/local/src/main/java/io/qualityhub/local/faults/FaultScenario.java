package io.qualityhub.local.faults;

import java.util.Objects;

/**
 * One named fault scenario of {@code ./qualityhub faults}: a fault injected into the functions' AWS clients (or a
 * simulated crash), the recovery the platform provides (redelivery, retry), and checks against the uninterrupted
 * truth that nothing was lost, nothing doubled and the failure was visible.
 */
public interface FaultScenario {

  /** Short kebab-case name, unique in the registry; what {@code --only} takes. */
  String name();

  /** One line: the fault and the expected outcome. */
  String description();

  /** Runs the scenario on the shared emulator; data of its own (branch codes, keys, periods) keeps it apart. */
  Verdict run(FaultContext context) throws Exception;

  /** A scenario defined by a function, so that a scenario is a few lines in its area's file. */
  static FaultScenario of(String name, String description, Body body) {
    Objects.requireNonNull(body, "body");
    return new FaultScenario() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Verdict run(FaultContext context) throws Exception {
        return body.run(context);
      }
    };
  }

  /** The scenario's run. */
  @FunctionalInterface
  interface Body {
    Verdict run(FaultContext context) throws Exception;
  }
}
