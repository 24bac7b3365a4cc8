package io.qualityhub.deadlines;

import java.util.Objects;

/**
 * An alert that should have gone to a role for which the directory has no address. Returned, never dropped: the run
 * must report it (log, metric, summary) so that someone adds the address.
 *
 * @param role  the role without an address
 * @param alert the alert that did not reach it
 */
public record MissingRecipient(Role role, Alert alert) {

    public MissingRecipient {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(alert, "alert");
    }

    /** What happened and what to do; ids only. */
    public String message() {
        OpenDeadline deadline = alert.deadline();
        return "No " + role.wireName() + " address for branch " + deadline.branch() + ": the "
                + alert.level().wireName() + " alert for " + deadline.itemType().wireName() + " " + deadline.itemId()
                + " (" + deadline.clock().policyId() + ") reached no one in that role. Add an address under "
                + (role == Role.HEAD_OFFICE_QUALITY ? "" : "branches." + deadline.branch() + "." + role.wireName() + " or ")
                + "defaults." + role.wireName() + " in the recipients directory.";
    }
}
