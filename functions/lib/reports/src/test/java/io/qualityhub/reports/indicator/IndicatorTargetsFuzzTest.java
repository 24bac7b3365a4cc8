package io.qualityhub.reports.indicator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Any bytes give either indicator targets whose every value is usable, or an
 * {@link InvalidIndicatorTargetsException} that lists its problems; never another exception (the
 * bytes are in memory, so not even an I/O error). Seeds and findings:
 * {@code src/test/resources/io/qualityhub/reports/indicator/IndicatorTargetsFuzzTestInputs/}.
 */
class IndicatorTargetsFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void load(byte[] input) {
    IndicatorTargets targets;
    try {
      targets = IndicatorTargets.load(new ByteArrayInputStream(input), "fuzzed-targets.json");
    } catch (InvalidIndicatorTargetsException invalid) {
      assertFalse(invalid.problems().isEmpty(), "invalid targets name at least one problem");
      return;
    }
    for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
      targets.targetFor(definition).ifPresent(target -> {
        assertTrue(Double.isFinite(target.target()) && target.target() >= 0, "a loaded target is a finite, non-negative number");
        assertTrue(Double.isFinite(target.amberMargin()) && target.amberMargin() >= 0, "a loaded margin is finite and non-negative");
        assertTrue(Double.isFinite(target.trendTolerance()) && target.trendTolerance() >= 0);
      });
    }
  }
}
