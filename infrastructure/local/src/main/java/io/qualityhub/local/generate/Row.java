package io.qualityhub.local.generate;

import java.util.Arrays;

/**
 * One row about to be written: a value per schema column ({@code null} = absent) and, for deliberately bad
 * rows, how its text is to be damaged. Values are {@link String}, {@link Boolean}, {@link Integer},
 * {@link java.math.BigDecimal} or {@link #EXPLICIT_NULL}; the renderer turns each into CSV or JSON text.
 */
final class Row {

    /** Written as {@code null} in JSON Lines (the format's other way to say "absent"), empty in CSV. */
    static final Object EXPLICIT_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    enum Shape { WELL_FORMED, MISSING_LAST_FIELD, TRUNCATED_JSON, JSON_ARRAY }

    private final RecordSchema schema;
    private final Object[] values;
    private String branch;
    private Shape shape = Shape.WELL_FORMED;
    private String unknownKey;

    Row(RecordSchema schema, String branch) {
        this(schema, branch, new Object[schema.size()]);
    }

    private Row(RecordSchema schema, String branch, Object[] values) {
        this.schema = schema;
        this.branch = branch;
        this.values = values;
    }

    Row copy() {
        Row copy = new Row(schema, branch, Arrays.copyOf(values, values.length));
        copy.shape = shape;
        copy.unknownKey = unknownKey;
        return copy;
    }

    RecordSchema schema() {
        return schema;
    }

    Object get(String column) {
        return values[schema.indexOf(column)];
    }

    Object get(int index) {
        return values[index];
    }

    boolean has(String column) {
        return get(column) != null;
    }

    Row set(String column, Object value) {
        values[schema.indexOf(column)] = value;
        return this;
    }

    void set(int index, Object value) {
        values[index] = value;
    }

    String branch() {
        return branch;
    }

    void branch(String branch) {
        this.branch = branch;
    }

    Shape shape() {
        return shape;
    }

    void shape(Shape shape) {
        this.shape = shape;
    }

    String unknownKey() {
        return unknownKey;
    }

    void unknownKey(String key) {
        this.unknownKey = key;
    }
}
