package io.qualityhub.deadlines;

import io.qualityhub.core.format.WireNamed;

/** How a time limit is counted: whole calendar days, whole business days of the branch's calendar, or elapsed hours. */
public enum LimitUnit implements WireNamed {
    CALENDAR_DAYS("calendar_days"),
    BUSINESS_DAYS("business_days"),
    HOURS("hours");

    private final String wireName;

    LimitUnit(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
