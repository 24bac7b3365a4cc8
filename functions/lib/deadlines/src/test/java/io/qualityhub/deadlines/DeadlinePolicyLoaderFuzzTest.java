package io.qualityhub.deadlines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Any bytes given as a deployment's policy override give either a complete policy or an
 * {@link InvalidDeadlinePolicyException} that lists its problems; never another exception. The
 * override is read from memory, so not even an I/O error may come out. Seeds and findings live in
 * {@code src/test/resources/io/qualityhub/deadlines/DeadlinePolicyLoaderFuzzTestInputs/}; see docs/testing.md.
 */
class DeadlinePolicyLoaderFuzzTest {

  private static final String DEFAULT_VERSION = DeadlinePolicyLoader.loadDefaults().version();

  @FuzzTest(maxDuration = "2m")
  void override(byte[] input) {
    DeadlinePolicy policy;
    try {
      policy = DeadlinePolicyLoader.load(new ByteArrayInputStream(input));
    } catch (InvalidDeadlinePolicyException invalid) {
      assertFalse(invalid.problems().isEmpty(), "an invalid policy names at least one problem");
      for (String problem : invalid.problems()) {
        assertFalse(problem == null || problem.isBlank(), "each problem says something");
      }
      return;
    }
    assertNotNull(policy.timeZone());
    assertNotNull(policy.warningShare());
    assertNotNull(policy.severeMultiplier());
    assertNotEquals(DEFAULT_VERSION, policy.version(), "an accepted override carries its own version");
  }
}
