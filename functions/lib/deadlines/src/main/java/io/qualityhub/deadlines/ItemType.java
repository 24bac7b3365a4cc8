package io.qualityhub.deadlines;

import io.qualityhub.core.format.WireNamed;

/** The kind of item a deadline belongs to; the wire names are those of the alert records. */
public enum ItemType implements WireNamed {
    CLAIM("claim"),
    COMPLAINT("complaint"),
    ACTION("action"),
    /** An expected branch file not taken by its cutoff (docs/uploads.md). */
    UPLOAD("upload");

    private final String wireName;

    ItemType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ItemType fromWire(String value) {
        return WireNamed.parse(ItemType.class, "item type", value);
    }
}
