package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.schema.ColumnShape;
import io.pgbridge.translation.ddl.Constraint.Kind;
import io.pgbridge.translation.ddl.TableElements.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes one column definition for a target. Serial and identity columns become what the backend generates keys
 * with: H2 keeps them, MariaDB gets AUTO_INCREMENT (which must be the first column of some key, so one is added when
 * the column has none), SQLite gets {@code INTEGER PRIMARY KEY AUTOINCREMENT}, which never reuses a number, as a
 * PostgreSQL sequence never does.
 */
final class ColumnWriter {
    private final SqlTarget target;
    private final String sql;
    private final ExpressionWriter expressions;
    private boolean valueChecks;

    /**
     * @param definition the column's definition
     * @param tableElements what must stand beside the columns instead (MariaDB reads no named column constraints)
     * @param tableOption a table option the column needs ({@code AUTO_INCREMENT=100}), or null
     */
    record Written(String definition, List<String> tableElements, String tableOption) {
    }

    ColumnWriter(SqlTarget target, String sql) {
        this.target = target;
        this.sql = sql;
        this.expressions = new ExpressionWriter(target, sql);
    }

    /**
     * Adds SQLite the checks of what the columns' PostgreSQL types refuse ({@link SqliteValueChecks}); only in CREATE
     * TABLE, since SQLite runs a check query of its own (and answers rows) when ALTER TABLE adds a column with one.
     */
    ColumnWriter checkingValues() {
        valueChecks = true;
        return this;
    }

    ExpressionWriter expressions() {
        return expressions;
    }

    /** Whether the column's values come from a sequence of its own: serial, identity, or pg_dump's nextval form. */
    boolean generatesKeys(Column column, ObjectName table) {
        return column.type().isSerial() || column.has(Kind.IDENTITY)
                || target != SqlTarget.H2 && ownSequenceDefault(column, table);
    }

    private boolean ownSequenceDefault(Column column, ObjectName table) {
        Constraint fallback = column.find(Kind.DEFAULT);
        if (fallback == null) {
            return false;
        }
        List<Token> e = fallback.expression();
        if (e.size() < 4 || !e.get(0).text(sql).equalsIgnoreCase("nextval") || e.get(2).type() != TokenType.STRING) {
            return false;
        }
        String sequence = ExpressionWriter.unquoteString(e.get(2).text(sql)).toLowerCase(Locale.ROOT);
        String own = ownSequence(table, column);
        return sequence.equals(own) || sequence.endsWith("." + own);
    }

    /**
     * @param keyed part of a primary or foreign key (MariaDB must then store text as VARCHAR)
     * @param keyElsewhere a table-level key starts with this column (MariaDB) or, on SQLite, the table's primary
     *     key is this column alone and is written here instead
     */
    Written write(Column column, ObjectName table, boolean keyed, boolean keyElsewhere) {
        boolean generated = generatesKeys(column, table);
        return switch (target) {
            case MARIADB -> mariaDb(column, keyed, keyElsewhere, generated);
            case SQLITE -> sqlite(column, keyElsewhere, generated);
            case H2 -> h2(column);
            default -> standard(column, table, generated);
        };
    }

    /** The standard-SQL backends: the column's type, then its key generation, then its constraints. */
    private Written standard(Column column, ObjectName table, boolean generated) {
        StringBuilder out = new StringBuilder(column.name().quoted()).append(' ')
                .append(ColumnTypes.render(column.type(), target, false));
        if (generated) {
            Constraint identity = column.find(Kind.IDENTITY);
            if (identity != null && !identity.identityOptions().isEmpty()) {
                throw TranslationException.unsupported("identity options", target);
            }
            out.append(' ').append(StandardTargets.identity(target, identity != null && identity.always(),
                    ownSequence(table, column)));
        }
        // The standard puts the default before the constraints, and HSQLDB, Derby and Oracle insist on it.
        Constraint fallback = column.find(Kind.DEFAULT);
        if (fallback != null && !generated) {
            out.append(' ').append(inline(fallback, column));
        }
        for (Constraint c : column.constraints()) {
            if (c.kind() == Kind.DEFAULT || generated && c.kind() == Kind.IDENTITY) {
                continue;
            }
            if (c.kind() == Kind.GENERATED && target == SqlTarget.SQLSERVER) {
                throw TranslationException.unsupported("generated columns", target);
            }
            out.append(' ').append(named(c)).append(c.kind() == Kind.GENERATED
                    ? "GENERATED ALWAYS AS (" + expressions.write(c.expression(), null) + ")" : inline(c, column));
        }
        return new Written(out.toString(), List.of(), null);
    }

    /** The sequence PostgreSQL would create for a serial column: {@code table_column_seq}. */
    static String ownSequence(ObjectName table, Column column) {
        return table.last().value() + "_" + column.name().value() + "_seq";
    }

    /**
     * H2 keeps json and jsonb as text (its JSON type reads a string as a JSON string value); the column comment
     * {@code pgbridge:jsonb} tells the proxy which type to present. H2 reads a comment only after the column's
     * default or generation, so those come first then.
     */
    private Written h2(Column column) {
        StringBuilder out = new StringBuilder(column.name().quoted()).append(' ')
                .append(ColumnTypes.render(column.type(), target, false));
        String declared = ColumnTypes.h2DeclaredType(column.type());
        List<Constraint> constraints = column.constraints();
        if (declared != null) {
            constraints = new ArrayList<>(constraints);
            constraints.sort(java.util.Comparator.comparing(c -> !generatesValue(c)));
        }
        boolean commented = declared == null;
        for (Constraint c : constraints) {
            if (!commented && !generatesValue(c)) {
                out.append(declared);
                commented = true;
            }
            out.append(' ').append(named(c)).append(switch (c.kind()) {
                case IDENTITY -> "GENERATED " + (c.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                        + (c.identityOptions().isEmpty() ? "" : " (" + expressions.write(c.identityOptions(), null) + ")");
                case GENERATED -> "GENERATED ALWAYS AS (" + expressions.write(c.expression(), null) + ")";
                default -> inline(c, column);
            });
        }
        if (!commented) {
            out.append(declared);
        }
        return new Written(out.toString(), List.of(), null);
    }

    private static boolean generatesValue(Constraint c) {
        return c.kind() == Kind.DEFAULT || c.kind() == Kind.IDENTITY || c.kind() == Kind.GENERATED;
    }

    private Written mariaDb(Column column, boolean keyed, boolean keyElsewhere, boolean generated) {
        StringBuilder out = new StringBuilder(column.name().quoted()).append(' ');
        List<String> elements = new ArrayList<>();
        String option = null;
        if (generated) {
            PgType integer = column.type().isSerial() ? column.type().renamed(column.type().serialBase()) : column.type();
            out.append(ColumnTypes.render(integer, target, false))
                    .append(" NOT NULL AUTO_INCREMENT");
            Constraint identity = column.find(Kind.IDENTITY);
            if (identity != null && identity.always()) {
                out.append(ColumnTypes.declaredType(ColumnShape.GENERATED_ALWAYS));
            }
            option = identityStart(column);
            if (!keyElsewhere && !column.has(Kind.PRIMARY_KEY) && !column.has(Kind.UNIQUE)) {
                elements.add("KEY (" + column.name().quoted() + ")");
            }
        } else {
            out.append(ColumnTypes.render(column.type(), target, keyed));
            if (column.type().name().equals("json") && !column.type().isArray()) {
                // "= 1": a bare JSON_VALID check would make MariaDB report the column as its JSON type (jsonb's)
                out.append(" CHECK (JSON_VALID(").append(column.name().quoted()).append(") = 1)");
            }
        }
        for (Constraint c : column.constraints()) {
            switch (c.kind()) {
                case IDENTITY -> { }
                case NOT_NULL, DEFAULT -> {
                    if (!generated) {
                        out.append(' ').append(inline(c, column));
                    }
                }
                case GENERATED -> out.append(" GENERATED ALWAYS AS (").append(expressions.write(c.expression(), null))
                        .append(") STORED");
                case CHECK, UNIQUE, PRIMARY_KEY, REFERENCES -> {
                    if (c.name() == null) {
                        out.append(' ').append(inline(c, column));
                    } else {
                        elements.add(tableConstraint(c.withColumns(List.of(column.name()))));
                    }
                }
                default -> out.append(' ').append(inline(c, column));
            }
        }
        return new Written(out.toString(), elements, option);
    }

    private Written sqlite(Column column, boolean keyElsewhere, boolean generated) {
        StringBuilder out = new StringBuilder(column.name().quoted()).append(' ');
        if (generated) {
            if (!keyElsewhere && !column.has(Kind.PRIMARY_KEY)) {
                throw TranslationException.unsupported(
                        "a serial or identity column that is not the table's whole primary key", target);
            }
            Constraint identity = column.find(Kind.IDENTITY);
            if (identity != null && !identity.identityOptions().isEmpty()) {
                throw TranslationException.unsupported("identity options", target);
            }
            out.append("integer PRIMARY KEY AUTOINCREMENT");
        } else {
            out.append(ColumnTypes.render(column.type(), target, false));
        }
        for (Constraint c : column.constraints()) {
            boolean keyPart = c.kind() == Kind.PRIMARY_KEY || c.kind() == Kind.NOT_NULL || c.kind() == Kind.DEFAULT
                    || c.kind() == Kind.IDENTITY;
            if (generated && keyPart) {
                continue;
            }
            out.append(' ').append(named(c)).append(c.kind() == Kind.GENERATED
                    ? "GENERATED ALWAYS AS (" + expressions.write(c.expression(), null) + ") STORED"
                    : inline(c, column));
            if (c.kind() == Kind.PRIMARY_KEY && !column.has(Kind.NOT_NULL)) {
                out.append(" NOT NULL");   // SQLite lets NULL into a primary key that is not the rowid
            }
        }
        if (valueChecks) {
            // Last: SQLite gives an unnamed constraint the name of the named one before it.
            out.append(!generated ? SqliteValueChecks.of(column.name(), column.type()) : SqliteValueChecks.range(
                    column.name(), column.type().isSerial() ? column.type().serialBase() : column.type().name()));
        }
        return new Written(out.toString(), List.of(), null);
    }

    /** MariaDB's AUTO_INCREMENT counts by one from a start; PostgreSQL's identity options beyond that do not map. */
    private String identityStart(Column column) {
        Constraint identity = column.find(Kind.IDENTITY);
        if (identity == null || identity.identityOptions().isEmpty()) {
            return null;
        }
        List<Token> options = identity.identityOptions();
        String start = null;
        for (int i = 0; i < options.size(); i++) {
            String word = options.get(i).text(sql).toLowerCase(Locale.ROOT);
            int value = i + 1 < options.size() && options.get(i + 1).text(sql).equalsIgnoreCase(
                    word.equals("start") ? "with" : "by") ? i + 2 : i + 1;
            if (word.equals("start") && value < options.size()) {
                start = options.get(value).text(sql);
                i = value;
            } else if (word.equals("increment") && value < options.size() && options.get(value).text(sql).equals("1")) {
                i = value;
            } else {
                throw TranslationException.unsupported("identity option " + word.toUpperCase(Locale.ROOT), target);
            }
        }
        return start == null ? null : "AUTO_INCREMENT=" + start;
    }

    private static String named(Constraint c) {
        return c.name() == null || c.kind() == Kind.DEFAULT || c.kind() == Kind.NOT_NULL || c.kind() == Kind.NULL
                ? "" : "CONSTRAINT " + c.name().quoted() + " ";
    }

    /** A column constraint in the syntax all three targets share. */
    private String inline(Constraint c, Column column) {
        return switch (c.kind()) {
            case NOT_NULL -> "NOT NULL";
            case NULL -> "NULL";
            case DEFAULT -> "DEFAULT " + defaultValue(c.expression(), column.type());
            case CHECK -> "CHECK (" + expressions.write(c.expression(), null) + ")";
            case UNIQUE -> "UNIQUE";
            case PRIMARY_KEY -> "PRIMARY KEY";
            case REFERENCES -> references(c.reference());
            default -> throw new IllegalStateException(c.kind().name());
        };
    }

    /** SQLite takes only constants bare and MariaDB wants expressions parenthesised; H2 reads PostgreSQL's form. */
    String defaultValue(List<Token> expression, PgType columnType) {
        if (columnType != null && columnType.isArray() && target != SqlTarget.H2) {
            return ArrayDefaults.asJson(expression, columnType, sql, target);
        }
        String written = expressions.write(expression, columnType);
        boolean bare = target == SqlTarget.H2 || StandardTargets.isStandard(target) && StandardTargets.bareDefaults(target);
        return bare || ExpressionWriter.isPlainConstant(expression, sql) ? written : "(" + written + ")";
    }

    /** A table-level constraint: {@code [CONSTRAINT n] PRIMARY KEY (a, b)}, {@code FOREIGN KEY (a) REFERENCES …}. */
    String tableConstraint(Constraint c) {
        String columns = "(" + c.columns().stream().map(Name::quoted).collect(Collectors.joining(", ")) + ")";
        String prefix = c.name() == null ? "" : "CONSTRAINT " + c.name().quoted() + " ";
        return prefix + switch (c.kind()) {
            case CHECK -> "CHECK (" + expressions.write(c.expression(), null) + ")";
            case UNIQUE -> "UNIQUE " + columns;
            case PRIMARY_KEY -> "PRIMARY KEY " + columns;
            case REFERENCES -> "FOREIGN KEY " + columns + " " + references(c.reference());
            default -> throw new IllegalStateException(c.kind().name());
        };
    }

    private String references(Constraint.Reference reference) {
        if (reference.columns().isEmpty() && target == SqlTarget.MARIADB) {
            throw TranslationException.unsupported("REFERENCES without the referenced columns", target);
        }
        StringBuilder out = new StringBuilder("REFERENCES ").append(reference.table().render(target));
        if (!reference.columns().isEmpty()) {
            out.append(" (").append(reference.columns().stream().map(Name::quoted).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (reference.onDelete() != null) {
            out.append(" ON DELETE ").append(reference.onDelete());
        }
        if (reference.onUpdate() != null) {
            out.append(" ON UPDATE ").append(reference.onUpdate());
        }
        return out.toString();
    }
}
