package io.qualityhub.local.generate;

import java.math.BigDecimal;

/**
 * Turns rows into upload text: CSV (RFC 4180, optional BOM and CRLF) or JSON Lines. Every row starts with
 * the optional {@code branch} column, so that a row can name a wrong branch.
 */
abstract sealed class RowFormat {

    static final String BRANCH = "branch";

    static RowFormat csv(boolean byteOrderMark, boolean crlf) {
        return new Csv(byteOrderMark, crlf);
    }

    static RowFormat jsonl() {
        return new Jsonl();
    }

    abstract String extension();

    /** Text before the first row: the CSV header (line 1), nothing for JSON Lines. */
    abstract String preamble(RecordSchema schema);

    abstract void render(Row row, StringBuilder out);

    static final class Csv extends RowFormat {
        private final boolean byteOrderMark;
        private final String lineEnd;

        Csv(boolean byteOrderMark, boolean crlf) {
            this.byteOrderMark = byteOrderMark;
            this.lineEnd = crlf ? "\r\n" : "\n";
        }

        @Override
        String extension() {
            return "csv";
        }

        @Override
        String preamble(RecordSchema schema) {
            StringBuilder header = new StringBuilder(byteOrderMark ? "\uFEFF" : "").append(BRANCH);
            for (Column column : schema.columns()) {
                header.append(',').append(column.name());
            }
            return header.append(lineEnd).toString();
        }

        @Override
        void render(Row row, StringBuilder out) {
            field(row.branch(), out);
            int columns = row.shape() == Row.Shape.MISSING_LAST_FIELD ? row.schema().size() - 1 : row.schema().size();
            for (int i = 0; i < columns; i++) {
                out.append(',');
                Object value = row.get(i);
                if (value != null && value != Row.EXPLICIT_NULL) {
                    field(text(value), out);
                }
            }
            out.append(lineEnd);
        }

        private static String text(Object value) {
            if (value instanceof Boolean flag) {
                return flag ? "Y" : "N";
            }
            if (value instanceof BigDecimal number) {
                return number.toPlainString();
            }
            return value.toString();
        }

        private static void field(String value, StringBuilder out) {
            boolean quote = false;
            for (int i = 0; i < value.length() && !quote; i++) {
                char c = value.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            if (!quote) {
                out.append(value);
                return;
            }
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        }
    }

    static final class Jsonl extends RowFormat {

        @Override
        String extension() {
            return "jsonl";
        }

        @Override
        String preamble(RecordSchema schema) {
            return "";
        }

        @Override
        void render(Row row, StringBuilder out) {
            boolean array = row.shape() == Row.Shape.JSON_ARRAY;
            out.append(array ? '[' : '{');
            member(array, BRANCH, row.branch(), out);
            for (int i = 0; i < row.schema().size(); i++) {
                Object value = row.get(i);
                if (value != null) {
                    out.append(',');
                    member(array, row.schema().column(i).name(), value, out);
                }
            }
            if (row.unknownKey() != null) {
                out.append(',');
                member(array, row.unknownKey(), "請儘速處理", out);
            }
            if (row.shape() != Row.Shape.TRUNCATED_JSON) {
                out.append(array ? ']' : '}');
            }
            out.append('\n');
        }

        private static void member(boolean array, String name, Object value, StringBuilder out) {
            if (!array) {
                string(name, out);
                out.append(':');
            }
            if (value == Row.EXPLICIT_NULL) {
                out.append("null");
            } else if (value instanceof Boolean || value instanceof Integer) {
                out.append(value);
            } else if (value instanceof BigDecimal number) {
                out.append(number.toPlainString());
            } else {
                string(value.toString(), out);
            }
        }

        private static void string(String value, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
