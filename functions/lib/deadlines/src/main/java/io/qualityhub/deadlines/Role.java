package io.qualityhub.deadlines;

import io.qualityhub.core.format.WireNamed;

/** Who receives alerts; the wire names are the keys of the recipients directory. */
public enum Role implements WireNamed {
    BRANCH_MANAGER("branch_manager"),
    CLAIMS_HEAD("department_head:claims"),
    COMPLAINTS_HEAD("department_head:complaints"),
    QUALITY_HEAD("department_head:quality"),
    HEAD_OFFICE_QUALITY("head_office_quality");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Role fromWire(String value) {
        return WireNamed.parse(Role.class, "role", value);
    }

    /** The head of the department that owns items of this type. */
    public static Role departmentHeadFor(ItemType itemType) {
        return switch (itemType) {
            case CLAIM -> CLAIMS_HEAD;
            case COMPLAINT -> COMPLAINTS_HEAD;
            case ACTION, UPLOAD -> QUALITY_HEAD;
        };
    }
}
