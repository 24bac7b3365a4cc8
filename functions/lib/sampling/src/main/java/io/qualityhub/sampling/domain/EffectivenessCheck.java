package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The re-inspection that decides whether a corrective action its owner reported done worked: the same kind of record
 * at the same branch, due a plan-set number of days after the action was done. A pass verifies the action; a fail
 * reopens it, and the next time it is done another check follows, numbered one higher.
 *
 * @param checkId     {@code EC-<period>-<hex>-<round>}: the inspection's id with {@code EC-} for {@code INS-} and the
 *                    round; inspectors report the check's result under it in a findings upload
 * @param scheduledOn the day the action was done, when the check's clock starts
 * @param dueOn       the last day the check may be done on time
 * @param result      the check's result once reported
 */
public record EffectivenessCheck(String checkId, LocalDate scheduledOn, LocalDate dueOn,
                                 Optional<InspectionResult> result) {

    private static final String PREFIX = "EC-";

    public EffectivenessCheck {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(scheduledOn, "scheduledOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(result, "result");
    }

    /** The {@code round}-th check of the action raised by inspection {@code INS-<period>-<hex>}. */
    public static String idFor(String inspectionId, int round) {
        if (!inspectionId.startsWith("INS-") || round < 1) {
            throw new IllegalArgumentException("an effectiveness check follows an inspection INS-...; got "
                    + inspectionId + " round " + round);
        }
        return PREFIX + inspectionId.substring(4) + "-" + round;
    }

    /** Whether a findings row's {@code inspection_id} names a check rather than a sampled inspection. */
    public static boolean isCheckId(String id) {
        return id.startsWith(PREFIX);
    }

    /** The inspection whose action a check id follows up, if the id is shaped like a check's. */
    public static Optional<String> inspectionIdOf(String checkId) {
        int last = checkId.lastIndexOf('-');
        if (!isCheckId(checkId) || last <= PREFIX.length() || roundOf(checkId) < 1) {
            return Optional.empty();
        }
        return Optional.of("INS-" + checkId.substring(PREFIX.length(), last));
    }

    /** The round a check id names, or 0 if it names none. */
    public static int roundOf(String checkId) {
        String round = checkId.substring(checkId.lastIndexOf('-') + 1);
        if (round.isEmpty() || round.length() > 4 || !round.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(round);
    }

    public int round() {
        return roundOf(checkId);
    }

    public boolean failed() {
        return result.map(r -> r.verdict() == Verdict.FAIL).orElse(false);
    }

    public EffectivenessCheck withResult(InspectionResult checkResult) {
        return new EffectivenessCheck(checkId, scheduledOn, dueOn, Optional.of(checkResult));
    }
}
