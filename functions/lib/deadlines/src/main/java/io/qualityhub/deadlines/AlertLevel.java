package io.qualityhub.deadlines;

import io.qualityhub.core.format.WireNamed;

/** Escalation levels in increasing order of urgency; an item alerts at most once per level and clock. */
public enum AlertLevel implements WireNamed {
    APPROACHING("approaching"),
    DUE("due"),
    OVERDUE("overdue"),
    SEVERELY_OVERDUE("severely_overdue");

    private final String wireName;

    AlertLevel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static AlertLevel fromWire(String value) {
        return WireNamed.parse(AlertLevel.class, "alert level", value);
    }
}
