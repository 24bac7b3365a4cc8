package io.qualityhub.local.generate;

/**
 * The one thing wrong with a deliberately bad row. Each constant is named after the reject reason the
 * intake reports for it.
 */
enum Defect {
    MALFORMED_ROW,
    ROW_TOO_LARGE,
    UNKNOWN_COLUMN,
    BRANCH_MISMATCH,
    MISSING_REQUIRED,
    INVALID_DATE,
    INVALID_TIMESTAMP,
    INVALID_BOOLEAN,
    INVALID_AMOUNT,
    INVALID_CURRENCY,
    INVALID_SCORE,
    INVALID_ENUM,
    CONDITIONAL_REQUIRED,
    CONDITIONAL_FORBIDDEN,
    DATE_ORDER,
    DUPLICATE_ID,
    INVALID_IDENTIFIER,
    INVALID_TEXT;

    String reasonCode() {
        return name();
    }
}
