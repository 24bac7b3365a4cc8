package io.qualityhub.sampling.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small plans, populations and secrets for tests. */
final class Fixtures {

    static final Period NOVEMBER = Period.parse("2026-11");
    static final RiskRule FLAGGED = new RiskRule("flagged", "flag is Y", 4,
            new RiskCondition.AnyEquals(List.of("flag"), Set.of("Y")));

    private Fixtures() {
    }

    /**
     * A plan sampling {@code claims} monthly with one rule of weight 4 on attribute {@code flag = Y}, with fixed
     * minimums (a plan from before assurance-based sizes).
     */
    static SamplingPlan claimsPlan(double baseRate, int min, int max) {
        return new SamplingPlan("test-1", Map.of("claims", new RecordTypePlan("claims", PeriodType.MONTHLY, baseRate,
                min, max, false, "claims-quality", 20, List.of(FLAGGED), null, 30)), 0.1);
    }

    /** Like {@link #claimsPlan(double, int, int)}, with sizes set by an assurance and no fixed minimum. */
    static SamplingPlan claimsPlan(double baseRate, int max, Assurance assurance) {
        return new SamplingPlan("test-1", Map.of("claims", new RecordTypePlan("claims", PeriodType.MONTHLY, baseRate,
                1, max, false, "claims-quality", 20, List.of(FLAGGED), assurance, 30)), 0.1);
    }

    /** Sizing under a plan with fixed minimums. */
    static StratumSizing fixed(SizingRule rule, int minimum) {
        return new StratumSizing(rule, minimum, null);
    }

    static SamplingUnit claim(String branch, String id, boolean flagged) {
        return new SamplingUnit("claims", branch, id, "health", flagged ? Map.of("flag", "Y") : Map.of());
    }

    /** {@code count} claims in one branch, ids C0000.., the first {@code flagged} of them flagged. */
    static List<SamplingUnit> claims(String branch, int count, int flagged) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> claim(branch, String.format("C%04d", i), i < flagged))
                .toList();
    }

    /** A 32-byte secret derived from a label, so tests are repeatable. */
    static byte[] secret(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
