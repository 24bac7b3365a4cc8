package io.qualityhub.reports.report;

import java.util.regex.Pattern;

/**
 * Ids that reports may print. Only record ids, never a customer's name, id number or free text:
 * anything outside this shape is refused before it reaches a report.
 */
final class ItemIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private ItemIds() {
    }

    static String requireId(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a record id of 1-64 letters, digits and . _ : - "
                    + "(a " + (value == null ? "null" : value.length() + "-character") + " value was given)");
        }
        return value;
    }

    static String requireCode(String what, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case code such as settled_late");
        }
        return value;
    }
}
