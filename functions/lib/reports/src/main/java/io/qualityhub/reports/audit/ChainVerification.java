package io.qualityhub.reports.audit;

import java.util.Optional;

/**
 * The outcome of checking a chain: how many records were checked and, when the chain is broken,
 * the first broken link.
 */
public record ChainVerification(int recordsChecked, Optional<BrokenLink> firstBroken) {

    public boolean intact() {
        return firstBroken.isEmpty();
    }

    /**
     * @param index    position of the first record that does not check out (0-based)
     * @param problem  what is wrong with it
     * @param expected the hash the chain calls for at that point
     * @param actual   the hash the record carries
     */
    public record BrokenLink(int index, Problem problem, String expected, String actual) {

        public enum Problem {
            /** The record's content no longer hashes to its stored hash: it was altered. */
            CONTENT_ALTERED,
            /** The record does not point at the record before it: one was removed, inserted or reordered. */
            LINK_BROKEN
        }

        /** A sentence for the operator running {@code audit verify}. */
        public String describe() {
            return switch (problem) {
                case CONTENT_ALTERED -> "record " + index + " was altered: its content hashes to " + expected
                        + " but it carries " + actual;
                case LINK_BROKEN -> "record " + index + " does not follow record " + (index - 1) + ": it names "
                        + "previous hash " + actual + " but the record before it has " + expected
                        + " (a record was removed, inserted or reordered)";
            };
        }
    }
}
