package io.qualityhub.sampling.domain;

import java.util.List;

/** One way a stored sample differs from the sample recomputed from the secret, the population and the plan. */
public sealed interface SampleDifference {

    /** A line for the auditor: what differs and what it suggests. */
    String describe();

    record PlanVersionDiffers(String stored, String recomputed) implements SampleDifference {
        @Override
        public String describe() {
            return "the sample was drawn under plan " + stored + " but is being verified against plan " + recomputed
                    + "; verify with the plan version the sample names";
        }
    }

    record PopulationDiffers(String storedFingerprint, String recomputedFingerprint) implements SampleDifference {
        @Override
        public String describe() {
            return "the population differs from the one sampled (fingerprint " + storedFingerprint + " stored, "
                    + recomputedFingerprint + " now): records changed or arrived after sampling, so record"
                    + " differences below may come from that rather than from editing the sample";
        }
    }

    /**
     * The population frozen at the draw is not what the sample recorded: its object was replaced, or cannot be found
     * or read, so nothing drawn from it can be trusted.
     */
    record FrozenPopulationDiffers(String location, String what) implements SampleDifference {
        @Override
        public String describe() {
            return "the frozen population " + location + " " + what;
        }
    }

    record MissingFromStored(RecordKey record, double expectedProbability) implements SampleDifference {
        @Override
        public String describe() {
            return record + ": picked by the draw (p=" + expectedProbability + ") but not in the stored sample;"
                    + " it was removed or never stored";
        }
    }

    record NotDrawn(RecordKey record, double storedProbability) implements SampleDifference {
        @Override
        public String describe() {
            return record + ": in the stored sample (p=" + storedProbability + ") but not picked by the draw;"
                    + " it was added after sampling";
        }
    }

    record ProbabilityDiffers(RecordKey record, double stored, double recomputed) implements SampleDifference {
        @Override
        public String describe() {
            return record + ": stored inclusion probability " + stored + ", recomputed " + recomputed;
        }
    }

    record AssignmentDiffers(RecordKey record, Assignment stored, Assignment recomputed) implements SampleDifference {
        @Override
        public String describe() {
            return record + ": stored inspectors " + names(stored) + ", assigned by the method "
                    + names(recomputed) + "; the assignment was changed after the draw";
        }

        private static String names(Assignment assignment) {
            return !assignment.assigned() ? "none (unassigned)" : assignment.inspectorId()
                    + (assignment.doubleScored() ? " and " + assignment.secondInspectorId() : "");
        }
    }

    record ReasonsDiffer(RecordKey record, List<String> stored, List<String> recomputed) implements SampleDifference {
        public ReasonsDiffer {
            stored = List.copyOf(stored);
            recomputed = List.copyOf(recomputed);
        }

        @Override
        public String describe() {
            return record + ": stored reasons " + stored + ", recomputed " + recomputed;
        }
    }

    /**
     * An ad-hoc order's stored task differs from what the order gives when carried out again from its stored inputs.
     *
     * @param what {@code missing} (the order gives it, the store lacks it), {@code added} (stored, the order does not
     *             give it) or {@code reassigned} (its inspectors were changed)
     */
    record AdhocTaskDiffers(String orderId, RecordKey record, String what) implements SampleDifference {
        @Override
        public String describe() {
            return record + ": ad-hoc order " + orderId + " " + switch (what) {
                case "missing" -> "gives this task, but it is not stored; it was removed or never stored";
                case "added" -> "does not give this task, yet it is stored under the order; it was added later";
                default -> "assigns this task to other inspectors than those stored; the assignment was changed";
            };
        }
    }
}
