package io.qualityhub.local.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.local.LocalDeployment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault scenarios' checks can fail: with the platform's recovery left out (a failed message dropped instead of
 * redelivered, a failed run not retried) the verdicts say FAIL, and say why.
 */
class UnrecoveredFaultsTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static LocalDeployment local;
  private static FaultContext unrecovered;

  @BeforeAll
  static void deploy() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    unrecovered = new FaultContext(local, "UNREC", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .withoutRecovery();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void aCrashInTheMiddleOfTheWritesThatIsNeverRedeliveredFails() throws Exception {
    Verdict verdict = run("crash-mid-writes");

    assertFalse(verdict.passed());
    assertTrue(verdict.why().contains("the file has a current generation"), verdict.why());
    assertTrue(verdict.why().contains("stored vs a clean run"), verdict.why());
  }

  @Test
  void aRefusedDigestThatIsNeverRetriedFails() throws Exception {
    Verdict verdict = run("ses-failure");

    assertFalse(verdict.passed());
    assertTrue(verdict.why().contains("digests accepted per recipient"), verdict.why());
    assertTrue(verdict.why().contains("alert claims left unfinished"), verdict.why());
  }

  @Test
  void aMonitorRunThatDiesBetweenTwoMovesInTheDueIndexAndIsNeverRetriedFails() throws Exception {
    Verdict verdict = run("monitor-crash-mid-index");

    // One claim moved on to its severe level; two still due at their warning (11 March 00:00 Taipei) and re-read each run.
    assertFalse(verdict.passed());
    assertTrue(verdict.why().contains("claims per next alert instant in the due index: expected {2026-03-22T16:00:00Z=3}, "
        + "was {2026-03-10T16:00:00Z=2, 2026-03-22T16:00:00Z=1}"), verdict.why());
  }

  @Test
  void aThrottledMessageThatIsNeverRedeliveredFails() throws Exception {
    Verdict verdict = run("dynamodb-throttling");

    assertFalse(verdict.passed());
    assertTrue(verdict.why().contains("stored vs a clean run"), verdict.why());
  }

  private static Verdict run(String name) throws Exception {
    FaultScenario scenario = FaultScenarios.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    try {
      return scenario.run(unrecovered);
    } finally {
      unrecovered.cleanUp();
    }
  }
}
