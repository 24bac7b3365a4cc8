package io.qualityhub.local.generate;

/**
 * Makes the valid rows of one record type, and knows that type's cross-field rules well enough to break
 * exactly one of them on purpose.
 */
interface RecordSource {

    RecordSchema schema();

    /** A new row that passes every rule of the format. */
    Row next();

    /**
     * Changes a valid row so that {@code defect} (a cross-field rule: conditional or date order) is its
     * only problem.
     *
     * @return the column the intake is expected to report, or {@code null}, with the row untouched, if this
     *         row cannot carry that defect
     */
    String breakRule(Defect defect, Row row);

    /**
     * Whether blanking or mistyping {@code column} leaves the row with one problem only: not so when the
     * column is the condition of a rule that the row's other values would then break too.
     */
    default boolean canDamage(Row row, String column) {
        return true;
    }
}
