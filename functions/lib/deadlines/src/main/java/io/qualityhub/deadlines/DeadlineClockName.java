package io.qualityhub.deadlines;

import io.qualityhub.core.format.WireNamed;

/**
 * The clocks that run on an item; several may run at once (a complaint's first response and resolution). The wire name
 * keys the once-per-level alert claims; the policy id ({@code claim.decision}) is what alerts, digests and the summary
 * show, as docs/deadlines.md lists them with their legal sources.
 */
public enum DeadlineClockName implements WireNamed {
    DOCUMENTS("documents", "claim.documents"),
    DECISION("decision", "claim.decision"),
    DENIAL_NOTICE("denial_notice", "claim.denial_notice"),
    PAYMENT("payment", "claim.payment"),
    ADVANCE_PAYMENT("advance_payment", "claim.advance_payment"),
    FIRST_RESPONSE("first_response", "complaint.first_response"),
    RESOLUTION("resolution", "complaint.resolution"),
    ACTION("action", "action.due"),
    UPLOAD("upload", "upload.cutoff"),
    EFFECTIVENESS_CHECK("effectiveness_check", "action.effectiveness_check");

    private final String wireName;
    private final String policyId;

    DeadlineClockName(String wireName, String policyId) {
        this.wireName = wireName;
        this.policyId = policyId;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The clock's id in the deadline policy and in every alert that names it, e.g. {@code claim.denial_notice}. */
    public String policyId() {
        return policyId;
    }

    public static DeadlineClockName fromWire(String value) {
        return WireNamed.parse(DeadlineClockName.class, "deadline clock name", value);
    }
}
