package io.qualityhub.deadlines;

/** Corrective-action status, as in the upload format's findings {@code action_status}. */
public enum ActionStatus implements WireNamed {
    OPEN("open"),
    DONE("done"),
    VERIFIED("verified");

    private final String wireName;

    ActionStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ActionStatus fromWire(String value) {
        return WireNamed.parse(ActionStatus.class, "action status", value);
    }
}
