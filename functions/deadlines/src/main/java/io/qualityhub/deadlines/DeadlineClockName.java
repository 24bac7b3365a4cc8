package io.qualityhub.deadlines;

/** The clocks that run on an item; several may run at once (a complaint's first response and resolution). */
public enum DeadlineClockName implements WireNamed {
    DOCUMENTS("documents"),
    SETTLEMENT("settlement"),
    PAYMENT("payment"),
    FIRST_RESPONSE("first_response"),
    RESOLUTION("resolution"),
    ACTION("action");

    private final String wireName;

    DeadlineClockName(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static DeadlineClockName fromWire(String value) {
        return WireNamed.parse(DeadlineClockName.class, "deadline clock name", value);
    }
}
