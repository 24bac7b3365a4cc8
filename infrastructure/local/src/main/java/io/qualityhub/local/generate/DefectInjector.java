package io.qualityhub.local.generate;

import io.qualityhub.local.generate.Column.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Gives a valid row exactly one problem. Structural, branch, required and type defects work the same for
 * every record type; cross-field defects are delegated to the type's {@link RecordSource}.
 */
final class DefectInjector {

    private static final String[] UNKNOWN_KEYS = {"remarks", "agent_note", "customer_email"};

    private final RecordSource source;
    private final boolean jsonl;
    private final String otherBranch;
    private final SplittableRandom random;

    DefectInjector(RecordSource source, boolean jsonl, String otherBranch, SplittableRandom random) {
        this.source = source;
        this.jsonl = jsonl;
        this.otherBranch = otherBranch;
        this.random = random;
    }

    /** Which defects a file of this format can carry at all (an unknown column is a header error in CSV). */
    List<Defect> candidates() {
        List<Defect> defects = new ArrayList<>(List.of(Defect.values()));
        if (!jsonl) {
            defects.remove(Defect.UNKNOWN_COLUMN);
        }
        return defects;
    }

    /**
     * @return the column the intake reports for this defect ("" for a malformed or oversized row), or
     *         {@code null}, with the row untouched, if the row cannot carry it
     */
    String inject(Defect defect, Row row) {
        return switch (defect) {
            case MALFORMED_ROW -> {
                row.shape(!jsonl ? Row.Shape.MISSING_LAST_FIELD
                        : random.nextBoolean() ? Row.Shape.TRUNCATED_JSON : Row.Shape.JSON_ARRAY);
                yield "";
            }
            case ROW_TOO_LARGE -> {
                row.set(row.schema().freeTextColumn(), Fakes.textLongerThan64KiB());
                yield "";
            }
            case UNKNOWN_COLUMN -> {
                String key = UNKNOWN_KEYS[random.nextInt(UNKNOWN_KEYS.length)];
                row.unknownKey(key);
                yield ""; // named by its position only: an unknown key may be a value typed in the wrong place
            }
            case BRANCH_MISMATCH -> {
                row.branch(otherBranch);
                yield "branch";
            }
            case MISSING_REQUIRED -> blankRequired(row);
            case INVALID_DATE -> mistype(row, Kind.DATE);
            case INVALID_TIMESTAMP -> mistype(row, Kind.TIMESTAMP);
            case INVALID_BOOLEAN -> mistype(row, Kind.BOOLEAN);
            case INVALID_AMOUNT -> mistype(row, Kind.AMOUNT);
            case INVALID_CURRENCY -> mistype(row, Kind.CURRENCY);
            case INVALID_SCORE -> mistype(row, Kind.SCORE);
            case INVALID_ENUM -> mistype(row, Kind.ENUM);
            case CONDITIONAL_REQUIRED, CONDITIONAL_FORBIDDEN, DATE_ORDER -> source.breakRule(defect, row);
            case DUPLICATE_ID -> throw new IllegalArgumentException("a duplicate is a copy of an earlier row, not a damaged one");
            case INVALID_IDENTIFIER -> {
                int id = row.schema().indexOf(row.schema().idColumn());
                row.set(id, invalidIdentifier(String.valueOf(row.get(id))));
                yield row.schema().idColumn();
            }
            case INVALID_TEXT -> {
                int text = row.schema().indexOf(row.schema().freeTextColumn());
                String value = row.get(text) == null ? "note" : String.valueOf(row.get(text));
                row.set(text, random.nextBoolean() ? value + "\u0000" : "\u0000" + value);
                yield row.schema().freeTextColumn();
            }
        };
    }

    /** What careless exports do to ids: an invisible character, a byte-order mark, a runaway length. */
    private String invalidIdentifier(String valid) {
        return switch (random.nextInt(4)) {
            case 0 -> valid.substring(0, 1) + "\u200B" + valid.substring(1);
            case 1 -> "\uFEFF" + valid;
            case 2 -> valid + "\u202E";
            default -> valid + "9".repeat(129);
        };
    }

    private String blankRequired(Row row) {
        List<Integer> columns = damageable(row, null);
        if (columns.isEmpty()) {
            return null;
        }
        int index = columns.get(random.nextInt(columns.size()));
        row.set(index, jsonl && random.nextBoolean() ? Row.EXPLICIT_NULL : null);
        return row.schema().column(index).name();
    }

    private String mistype(Row row, Kind kind) {
        List<Integer> columns = damageable(row, kind);
        if (columns.isEmpty()) {
            return null;
        }
        int index = columns.get(random.nextInt(columns.size()));
        row.set(index, invalidValue(kind, row.get(index)));
        return row.schema().column(index).name();
    }

    /** Present columns of that kind (or, for {@code null}, required columns) that the type lets us damage. */
    private List<Integer> damageable(Row row, Kind kind) {
        List<Integer> columns = new ArrayList<>();
        RecordSchema schema = row.schema();
        for (int i = 0; i < schema.size(); i++) {
            Column column = schema.column(i);
            boolean wanted = kind == null ? column.required() : column.kind() == kind;
            if (wanted && row.get(i) != null && source.canDamage(row, column.name())) {
                columns.add(i);
            }
        }
        return columns;
    }

    private Object invalidValue(Kind kind, Object valid) {
        String text = String.valueOf(valid);
        int variant = random.nextInt(3);
        return switch (kind) {
            case DATE -> switch (variant) {
                case 0 -> text.substring(0, 4) + "-02-30";
                case 1 -> text.replace('-', '/');
                default -> text.substring(8, 10) + "-" + text.substring(5, 7) + "-" + text.substring(0, 4);
            };
            case TIMESTAMP -> switch (variant) {
                case 0 -> text.substring(0, 19);
                case 1 -> text.substring(8, 10) + "/" + text.substring(5, 7) + "/" + text.substring(0, 4) + " " + text.substring(11, 16);
                default -> text.substring(0, 11) + "25" + text.substring(13);
            };
            case BOOLEAN -> jsonl ? (variant == 0 ? Integer.valueOf(1) : "Y") : (variant == 0 ? "yes" : "TRUE");
            case AMOUNT -> switch (variant) {
                case 0 -> jsonl && valid instanceof BigDecimal number ? number.negate().subtract(BigDecimal.ONE)
                        : "-" + new BigDecimal(text).add(BigDecimal.ONE).toPlainString();
                case 1 -> new BigDecimal(text).add(new BigDecimal("0.125")).toPlainString();
                default -> String.format(Locale.ROOT, "%,d.00", new BigDecimal(text).longValue() + 1_000);
            };
            case CURRENCY -> new String[] {"NTD", "RMB", "NT$"}[variant];
            case SCORE -> switch (variant) {
                case 0 -> jsonl ? (Object) 0 : "0";
                case 1 -> jsonl ? (Object) 6 : "6";
                default -> jsonl ? (Object) new BigDecimal("4.5") : "4.5";
            };
            case ENUM -> "other";
            case TEXT -> throw new IllegalArgumentException("any text is a valid text value");
        };
    }
}
