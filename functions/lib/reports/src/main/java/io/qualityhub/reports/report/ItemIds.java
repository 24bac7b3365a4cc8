package io.qualityhub.reports.report;

import java.util.regex.Pattern;

/**
 * Ids and labels that reports may print. Only record ids, codes and the short role labels of staff, never a
 * customer's name, id number or free text: anything outside these shapes is refused before it reaches a report.
 */
final class ItemIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** A role or staff label such as {@code TPE-01 主管}: letters of any script, digits, spaces, . _ : - ( ) /. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:()/-]{0,63}");
    /** Eight digits in a row, spaces and hyphens aside: an id card or a phone number, which no label needs. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");

    private ItemIds() {
    }

    static String requireId(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a record id of 1-64 letters, digits and . _ : - "
                    + "(a " + (value == null ? "null" : value.length() + "-character") + " value was given)");
        }
        return value;
    }

    static String requireLabel(String what, String value) {
        if (value == null || !LABEL.matcher(value).matches()
                || LONG_NUMBER.matcher(value.replaceAll("[ -]", "")).find()) {
            throw new IllegalArgumentException(what + " must be a label of 1-64 letters, digits, spaces and . _ : - ( ) /"
                    + " without an 8-digit number (a " + (value == null ? "null" : value.length() + "-character")
                    + " value was given)");
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
