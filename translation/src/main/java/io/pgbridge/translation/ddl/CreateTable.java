package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import io.pgbridge.translation.ddl.Constraint.Kind;
import io.pgbridge.translation.ddl.TableElements.Column;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name (columns and constraints) [options]} and
 * {@code CREATE TABLE name [(columns)] AS query [WITH [NO] DATA]}, written for one target.
 */
final class CreateTable {
    private final SqlTarget target;
    private final Translator queries;
    /** DuckDB's sequences for the table's serial columns, created before it. */
    private final StringBuilder sequences = new StringBuilder();

    CreateTable(SqlTarget target, Translator queries) {
        this.target = target;
        this.queries = queries;
    }

    /** Reads from just after CREATE. */
    String translate(TokenCursor in) {
        boolean temporary = false;
        if (in.acceptWords("local") || in.acceptWords("global")) {
            temporary = true;
        }
        if (in.acceptWords("temporary") || in.acceptWords("temp")) {
            temporary = true;
        }
        in.acceptWords("unlogged");   // crash-safety only
        in.expectWords("table");
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        ObjectName table = in.objectName();
        StringBuilder head = new StringBuilder("CREATE ");
        if (temporary) {
            head.append(switch (target) {
                case H2 -> "LOCAL TEMPORARY ";   // private to the session, as in PostgreSQL
                case SQLITE, DUCKDB -> "TEMP ";
                case MARIADB -> "TEMPORARY ";
                // Their temporary tables are declared once for all sessions, or with another statement.
                default -> throw TranslationException.unsupported("CREATE TEMPORARY TABLE", target);
            });
        }
        head.append("TABLE ").append(ifNotExists ? "IF NOT EXISTS " : "").append(table.render(target));
        if (in.isWord("as") || in.type(0) == TokenType.LEFT_PAREN && isColumnNamesThenAs(in)) {
            return asQuery(in, head);
        }
        if (in.isWord("of") || in.isWord("partition")) {
            throw TranslationException.unsupported("CREATE TABLE " + in.text(0).toUpperCase(java.util.Locale.ROOT), target);
        }
        String body = columns(in, table);
        return sequences.toString() + head + " (" + body + tableOptions(in, temporary);
    }

    private static boolean isColumnNamesThenAs(TokenCursor in) {
        int mark = in.mark();
        try {
            in.nameList();
            return in.isWord("as");
        } catch (TranslationException notNames) {
            return false;
        } finally {
            in.reset(mark);
        }
    }

    private String asQuery(TokenCursor in, StringBuilder head) {
        List<Name> names = in.type(0) == TokenType.LEFT_PAREN ? in.nameList() : List.of();
        in.expectWords("as");
        String rest = in.rest();
        boolean noData = false;
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("(?s).*\\swith\\s+no\\s+data")) {
            noData = true;
            rest = rest.substring(0, lower.lastIndexOf("with")).strip();
        } else if (lower.matches("(?s).*\\swith\\s+data")) {
            rest = rest.substring(0, lower.lastIndexOf("with")).strip();
        }
        String query = queries.translate(rest).sql();
        if (!names.isEmpty()) {
            if (target != SqlTarget.H2) {
                throw TranslationException.unsupported("CREATE TABLE AS with a column name list", target);
            }
            head.append(" (").append(String.join(", ", names.stream().map(Name::quoted).toList())).append(')');
        }
        if (StandardTargets.isStandard(target)) {
            return StandardTargets.createTableAs(target, head.toString(), query, noData);
        }
        if (!noData) {
            return head + " AS " + query;
        }
        return switch (target) {
            case H2 -> head + " AS " + query + " WITH NO DATA";
            case SQLITE -> head + " AS SELECT * FROM (" + query + ") WHERE 0";
            default -> head + " AS SELECT * FROM (" + query + ") AS \"pgbridge_query\" WHERE 0";
        };
    }

    private String columns(TokenCursor in, ObjectName table) {
        in.expect(TokenType.LEFT_PAREN);
        TableElements reader = new TableElements(in, target);
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        if (in.type(0) != TokenType.RIGHT_PAREN) {
            do {
                if (in.isWord("like")) {
                    throw TranslationException.unsupported("CREATE TABLE … (LIKE …)", target);
                }
                if (reader.atTableConstraint()) {
                    constraints.add(reader.tableConstraint());
                } else {
                    columns.add(reader.column());
                }
            } while (in.accept(TokenType.COMMA));
        }
        in.expect(TokenType.RIGHT_PAREN);
        return body(new ColumnWriter(target, in.sql()).checkingValues(), columns, constraints, table);
    }

    /**
     * Columns, then table constraints, then what MariaDB needs beside them, then a table option when a column
     * asks for one: {@code "a" INT, PRIMARY KEY ("a")) AUTO_INCREMENT=5}, without the opening parenthesis.
     */
    private String body(ColumnWriter writer, List<Column> columns, List<Constraint> constraints, ObjectName table) {
        if (target == SqlTarget.MARIADB && columns.stream().filter(c -> writer.generatesKeys(c, table)).count() > 1) {
            throw TranslationException.unsupported("more than one serial or identity column in a table", target);
        }
        Set<Name> keyed = new HashSet<>();
        Set<Name> leadingKeys = new HashSet<>();
        for (Constraint c : constraints) {
            if (c.kind() == Kind.PRIMARY_KEY || c.kind() == Kind.REFERENCES) {
                keyed.addAll(c.columns());
            }
            if (c.kind() == Kind.PRIMARY_KEY || c.kind() == Kind.UNIQUE) {
                leadingKeys.add(c.columns().getFirst());
            }
        }
        Constraint movedPrimaryKey = null;
        List<String> elements = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        String option = "";
        for (Column column : columns) {
            boolean keyElsewhere = leadingKeys.contains(column.name());
            if (target == SqlTarget.SQLITE && writer.generatesKeys(column, table)) {
                // SQLite's AUTOINCREMENT belongs to the column: a table-level key on it alone moves there.
                movedPrimaryKey = constraints.stream().filter(c -> c.kind() == Kind.PRIMARY_KEY
                        && c.columns().equals(List.of(column.name()))).findFirst().orElse(null);
                keyElsewhere = movedPrimaryKey != null;
            }
            boolean isKeyed = keyed.contains(column.name()) || column.has(Kind.PRIMARY_KEY)
                    || column.has(Kind.REFERENCES);
            if (target == SqlTarget.DUCKDB && writer.generatesKeys(column, table)) {
                // DuckDB has no identity columns: a serial's default reads a sequence created first, as PostgreSQL's.
                sequences.append("CREATE SEQUENCE IF NOT EXISTS ")
                        .append(new Name(ColumnWriter.ownSequence(table, column)).quoted()).append("; ");
            }
            ColumnWriter.Written written = writer.write(column, table, isKeyed, keyElsewhere);
            elements.add(written.definition());
            extra.addAll(written.tableElements());
            if (written.tableOption() != null) {
                option = " " + written.tableOption();
            }
        }
        for (Constraint c : constraints) {
            if (c != movedPrimaryKey) {
                elements.add(writer.tableConstraint(c));
            }
        }
        elements.addAll(extra);
        return String.join(", ", elements) + ")" + option;
    }

    /** Storage options are dropped: they change where and how rows are kept, never which rows a query sees. */
    private String tableOptions(TokenCursor in, boolean temporary) {
        StringBuilder out = new StringBuilder();
        while (!in.atEnd()) {
            if (in.acceptWords("with")) {
                in.parenthesised();
            } else if (in.acceptWords("without", "oids")) {
                continue;
            } else if (in.acceptWords("tablespace") || in.acceptWords("using")) {
                in.name();
            } else if (in.acceptWords("on", "commit")) {
                if (in.acceptWords("preserve", "rows")) {
                    continue;
                }
                String action = in.acceptWords("drop") ? "DROP" : null;
                if (action == null) {
                    in.expectWords("delete", "rows");
                    action = "DELETE ROWS";
                }
                if (target != SqlTarget.H2 || !temporary) {
                    throw TranslationException.unsupported("ON COMMIT " + action, target);
                }
                out.append(" ON COMMIT ").append(action);
            } else if (in.isWord("inherits") || in.isWord("partition")) {
                throw TranslationException.unsupported(in.text(0).toUpperCase(java.util.Locale.ROOT), target);
            } else {
                throw in.syntaxError();
            }
        }
        return out.toString();
    }
}
