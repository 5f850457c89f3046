package io.pgbridge.translation.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's type of a computed result column over table columns ({@code amount * 2}, {@code sum(price * qty)},
 * {@code coalesce(n, 0)}), for backends that type such a column by its first value (SQLite). The translator sees
 * only the text, so it writes the column's type as a formula, which the proxy works out at execution from the
 * backend's catalog. A formula is a type name ({@code int4}), a column {@code @t.c} (an unqualified one lists the
 * tables it may belong to, {@code @t|u.c}), or {@code op(f,…)} with op one of {@code + - * / %}, {@code sum},
 * {@code avg}, {@code same} (min, max, abs: the operand's type) and {@code coalesce}.
 */
public final class ColumnTypeFormula {
    private static final char COLUMN = '@';
    private static final List<String> WIDENING = List.of("int2", "int4", "int8", "numeric", "float4", "float8");

    /**
     * A resolved type: PostgreSQL's type name, and for numeric the scale PostgreSQL prints its values with (-1 when
     * that depends on the values, as a division's does).
     */
    public record Resolved(String type, int scale) {
    }

    private ColumnTypeFormula() {
    }

    /** Whether a result-type hint is a formula to resolve, rather than a type name. */
    public static boolean isFormula(String hint) {
        return !hint.isEmpty() && (hint.charAt(0) == COLUMN || hint.indexOf('(') >= 0);
    }

    /** The formula of a column of one of {@code tables}; null when a name cannot be written in a formula. */
    public static String column(List<String> tables, String column) {
        if (tables.isEmpty() || !tables.stream().allMatch(ColumnTypeFormula::plain) || !plain(column)) {
            return null;
        }
        return COLUMN + String.join("|", tables) + "." + column;
    }

    /** {@code op(operands…)}; null when an operand is unknown (null). */
    public static String call(String op, List<String> operands) {
        if (operands.isEmpty() || operands.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return op + "(" + String.join(",", operands) + ")";
    }

    private static boolean plain(String name) {
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }

    /** The type {@code formula} gives with the tables of {@code catalog}; empty when a table or column is unknown. */
    public static Optional<Resolved> resolve(String formula, Catalog catalog) {
        Reader reader = new Reader(formula, catalog);
        Resolved resolved = reader.formula();
        return Optional.ofNullable(reader.at == formula.length() ? resolved : null);
    }

    /** A recursive-descent reader that resolves as it reads; null for anything unknown. */
    private static final class Reader {
        private final String text;
        private final Catalog catalog;
        private int at;

        Reader(String text, Catalog catalog) {
            this.text = text;
            this.catalog = catalog;
        }

        Resolved formula() {
            int start = at;
            while (at < text.length() && "(),".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String head = text.substring(start, at);
            if (at < text.length() && text.charAt(at) == '(') {
                at++;
                List<Resolved> operands = new ArrayList<>();
                do {
                    operands.add(formula());
                } while (at < text.length() && text.charAt(at++) == ',');
                return operands.contains(null) ? null : apply(head, operands);
            }
            return head.charAt(0) == COLUMN ? column(head.substring(1)) : new Resolved(head, -1);
        }

        private Resolved column(String reference) {
            int dot = reference.lastIndexOf('.');
            String name = reference.substring(dot + 1);
            Resolved found = null;
            for (String table : reference.substring(0, dot).split("\\|")) {
                Optional<ColumnShape> column = catalog.table(null, table).flatMap(t -> t.column(name));
                if (column.isPresent()) {
                    if (found != null) {
                        return null;   // ambiguous: PostgreSQL would refuse it anyway
                    }
                    found = new Resolved(column.get().pgType(), column.get().numericScale());
                }
            }
            return found;
        }
    }

    /** PostgreSQL's result type of {@code op} on operands of these types. */
    static Resolved apply(String op, List<Resolved> operands) {
        Resolved first = operands.getFirst();
        return switch (op) {
            case "same" -> first;
            case "sum" -> switch (first.type()) {
                case "int2", "int4" -> new Resolved("int8", -1);
                case "int8" -> new Resolved("numeric", 0);
                case "numeric", "float4", "float8" -> first;
                default -> null;
            };
            case "avg" -> switch (first.type()) {
                case "int2", "int4", "int8", "numeric" -> new Resolved("numeric", -1);
                case "float4", "float8" -> new Resolved("float8", -1);
                default -> null;
            };
            case "coalesce" -> {
                Resolved common = first;
                for (Resolved operand : operands.subList(1, operands.size())) {
                    // the common type; a numeric prints each value with its own scale, so only equal ones are known
                    common = common == null ? null : common.type().equals(operand.type())
                            ? new Resolved(common.type(), common.scale() == operand.scale() ? common.scale() : -1)
                            : withScale(arithmetic("+", common, operand), -1);
                }
                yield common;
            }
            case "+", "-", "*", "/", "%" -> operands.size() == 2 ? arithmetic(op, first, operands.get(1)) : null;
            default -> null;
        };
    }

    /** The wider of two numeric types (int2 with int2 stays int2), with the scale numeric arithmetic gives. */
    private static Resolved arithmetic(String op, Resolved left, Resolved right) {
        int l = WIDENING.indexOf(left.type());
        int r = WIDENING.indexOf(right.type());
        if (l < 0 || r < 0) {
            return null;
        }
        String wider = WIDENING.get(Math.max(l, r));
        if (wider.equals("float4") && l != r) {
            wider = "float8";
        }
        if (!wider.equals("numeric")) {
            return new Resolved(wider, -1);
        }
        int ls = scaleOf(left);
        int rs = scaleOf(right);
        int scale = ls < 0 || rs < 0 ? -1 : switch (op) {
            case "*" -> ls + rs;
            case "+", "-", "%" -> Math.max(ls, rs);
            default -> -1;   // a division's scale depends on the values (PostgreSQL's select_div_scale)
        };
        return new Resolved("numeric", scale);
    }

    /** An integer operand of numeric arithmetic has scale 0; a numeric one its own. */
    private static int scaleOf(Resolved operand) {
        return operand.type().equals("numeric") ? operand.scale() : 0;
    }

    private static Resolved withScale(Resolved resolved, int scale) {
        return resolved == null ? null : new Resolved(resolved.type(), scale);
    }
}
