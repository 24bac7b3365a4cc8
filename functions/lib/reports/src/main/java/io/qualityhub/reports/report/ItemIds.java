package io.qualityhub.reports.report;

import io.qualityhub.core.format.RecordId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids and labels that reports may print. Only ids of the upload format's id columns, codes and the short role labels
 * of staff, never a customer's name, id number or free text (the format keeps those in its sensitive columns):
 * anything outside these shapes is refused before it reaches a report. Ids follow the upload format's own rule
 * ({@link RecordId}): whatever intake accepts in an id column must print, or one upload would stop a whole report order.
 */
final class ItemIds {

    /** An id the company-wide list qualifies with its branch, as in {@code TPE-01:理賠-001}. */
    private static final Pattern BRANCH_PREFIX = Pattern.compile("[A-Z0-9-]{2,16}:");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** A role or staff label such as {@code TPE-01 主管}: letters of any script, digits, spaces, . _ : - ( ) /. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:()/-]{0,63}");
    /** Eight digits in a row, spaces and hyphens aside: an id card or a phone number, which no label needs. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");

    private ItemIds() {
    }

    static String requireId(String what, String value) {
        if (value == null || !RecordId.isWellFormed(value)) {
            throw new IllegalArgumentException(what + " must be an id of 1-" + RecordId.MAX_CODE_POINTS + " characters in "
                    + "Unicode NFC without control or format characters, as the upload format's id columns "
                    + "(a " + (value == null ? "null" : value.length() + "-character") + " value was given)");
        }
        return value;
    }

    /** An id as {@link #requireId}, or one qualified with its branch code ({@code TPE-01:理賠-001}). */
    static String requireBranchQualifiedId(String what, String value) {
        if (value != null && !RecordId.isWellFormed(value)) {
            Matcher prefix = BRANCH_PREFIX.matcher(value);
            if (prefix.lookingAt() && RecordId.isWellFormed(value.substring(prefix.end()))) {
                return value;
            }
        }
        return requireId(what, value);
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
