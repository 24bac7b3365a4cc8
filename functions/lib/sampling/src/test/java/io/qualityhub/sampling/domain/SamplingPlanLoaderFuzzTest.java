package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any text, as a whole plan or as a deployment's merge patch over the packaged plan, gives either a
 * plan that samples every required record type or a {@link SamplingPlanException} that lists its
 * problems; never another exception. Seeds and findings:
 * {@code src/test/resources/io/qualityhub/sampling/domain/SamplingPlanLoaderFuzzTestInputs/}.
 */
class SamplingPlanLoaderFuzzTest {

  private static final List<String> REQUIRED_TYPES = List.of("sales", "underwriting", "claims", "complaints");
  private static final String PACKAGED_VERSION = SamplingPlanLoader.loadDefault().version();

  @FuzzTest(maxDuration = "2m")
  void plan(byte[] input) {
    check(() -> SamplingPlanLoader.parse(new String(input, StandardCharsets.UTF_8), "fuzzed-plan.json"), false);
  }

  @FuzzTest(maxDuration = "2m")
  void override(byte[] input) {
    check(() -> SamplingPlanLoader.loadDefaultWithOverride(new String(input, StandardCharsets.UTF_8),
        "fuzzed-override.json"), true);
  }

  private static void check(java.util.function.Supplier<SamplingPlan> load, boolean isOverride) {
    SamplingPlan plan;
    try {
      plan = load.get();
    } catch (SamplingPlanException unusable) {
      assertFalse(unusable.problems().isEmpty(), "an unusable plan names at least one problem");
      assertFalse(unusable.getMessage().isBlank());
      return;
    }
    assertFalse(plan.version().isBlank(), "a plan has a version");
    for (String type : REQUIRED_TYPES) {
      assertTrue(plan.recordTypes().containsKey(type), "a usable plan samples " + type);
    }
    if (isOverride) {
      assertNotEquals(PACKAGED_VERSION, plan.version(), "an override carries its own version");
    }
  }
}
