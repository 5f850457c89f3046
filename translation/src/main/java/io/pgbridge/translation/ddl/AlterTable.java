package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.ddl.Constraint.Kind;
import io.pgbridge.translation.ddl.TableElements.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] t action, …} and its RENAME forms. H2 has PostgreSQL's actions. MariaDB
 * changes a column's type or nullability only by restating the whole column (MODIFY), which the server builds from
 * its own catalog ({@link MariaDbModifyColumn}); such a change must be the statement's only action. SQLite's ALTER
 * TABLE adds, drops and renames columns and renames tables, one action at a time.
 */
final class AlterTable {
    private final SqlTarget target;
    private final ColumnWriter columns;
    /** A MariaDB column change that needs the whole column restated ({@link MariaDbModifyColumn}), if any. */
    private MariaDbModifyColumn.Change modify;
    private Name modifiedColumn;
    /** Statements to run after the ALTER TABLE: H2's comments declaring a column's new type json or jsonb. */
    private final List<String> afterwards = new ArrayList<>();
    private ObjectName table;

    AlterTable(SqlTarget target, String sql) {
        this.target = target;
        this.columns = new ColumnWriter(target, sql);
    }

    /** Reads from TABLE; the statements to run, one after the other. */
    List<String> translate(TokenCursor in) {
        in.expectWords("table");
        boolean ifExists = in.acceptWords("if", "exists");
        in.acceptWords("only");
        ObjectName table = in.objectName();
        this.table = table;
        if (in.type(0) == TokenType.OPERATOR && in.text(0).equals("*")) {
            in.advance();
        }
        if (ifExists && target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported("ALTER TABLE IF EXISTS", target);
        }
        String head = "ALTER TABLE " + (ifExists ? "IF EXISTS " : "") + table.render(target) + " ";
        if (in.acceptWords("rename")) {
            return List.of(head + rename(in));
        }
        List<String> actions = new ArrayList<>();
        do {
            actions.addAll(action(in, table));
        } while (in.accept(TokenType.COMMA));
        in.expectEnd();
        if (actions.size() > 1 && target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported("ALTER TABLE with several actions", target);
        }
        if (modify != null) {
            if (actions.size() > 1 || ifExists) {
                throw TranslationException.unsupported("ALTER COLUMN … TYPE or NOT NULL with IF EXISTS or other actions",
                        target);
            }
            return MariaDbModifyColumn.statements(table, modifiedColumn, modify);
        }
        List<String> statements = new ArrayList<>(List.of(head + String.join(", ", actions)));
        statements.addAll(afterwards);
        return statements;
    }

    private String rename(TokenCursor in) {
        if (in.acceptWords("to")) {
            Name newName = in.name();
            in.expectEnd();
            return "RENAME TO " + newName.quoted();
        }
        if (in.acceptWords("constraint")) {
            if (target != SqlTarget.H2) {
                throw TranslationException.unsupported("RENAME CONSTRAINT", target);
            }
            Name old = in.name();
            in.expectWords("to");
            Name newName = in.name();
            in.expectEnd();
            return "RENAME CONSTRAINT " + old.quoted() + " TO " + newName.quoted();
        }
        in.acceptWords("column");
        Name old = in.name();
        in.expectWords("to");
        Name newName = in.name();
        in.expectEnd();
        return "RENAME COLUMN " + old.quoted() + " TO " + newName.quoted();
    }

    private List<String> action(TokenCursor in, ObjectName table) {
        if (in.acceptWords("add")) {
            TableElements reader = new TableElements(in, target);
            if (reader.atTableConstraint()) {
                requireFullAlter("ADD CONSTRAINT");
                Constraint constraint = reader.tableConstraint();
                in.acceptWords("not", "valid");   // the targets check existing rows; PostgreSQL would later
                return List.of("ADD " + columns.tableConstraint(constraint));
            }
            in.acceptWords("column");
            boolean ifNotExists = in.acceptWords("if", "not", "exists");
            if (ifNotExists && target == SqlTarget.SQLITE) {
                throw TranslationException.unsupported("ADD COLUMN IF NOT EXISTS", target);
            }
            Column column = reader.column();
            boolean keyed = column.has(Kind.PRIMARY_KEY) || column.has(Kind.REFERENCES);
            ColumnWriter.Written written = columns.write(column, table, keyed, false);
            List<String> out = new ArrayList<>();
            // Oracle and SQL Server add a column without the word COLUMN.
            boolean bare = target == SqlTarget.ORACLE || target == SqlTarget.SQLSERVER;
            out.add((bare ? "ADD " : "ADD COLUMN ") + (ifNotExists ? "IF NOT EXISTS " : "") + written.definition());
            written.tableElements().forEach(element -> out.add("ADD " + element));
            if (written.tableOption() != null) {
                out.add(written.tableOption());
            }
            return out;
        }
        if (in.acceptWords("drop")) {
            if (in.acceptWords("constraint")) {
                requireFullAlter("DROP CONSTRAINT");
                boolean ifExists = in.acceptWords("if", "exists");
                Name name = in.name();
                dropBehaviour(in);
                return List.of("DROP CONSTRAINT " + (ifExists ? "IF EXISTS " : "") + name.quoted());
            }
            in.acceptWords("column");
            boolean ifExists = in.acceptWords("if", "exists");
            if (ifExists && target == SqlTarget.SQLITE) {
                throw TranslationException.unsupported("DROP COLUMN IF EXISTS", target);
            }
            Name name = in.name();
            dropBehaviour(in);
            return List.of("DROP COLUMN " + (ifExists ? "IF EXISTS " : "") + name.quoted());
        }
        if (in.acceptWords("alter")) {
            in.acceptWords("column");
            return List.of(alterColumn(in, in.name()));
        }
        throw TranslationException.unsupported("ALTER TABLE … " + in.text(0).toUpperCase(java.util.Locale.ROOT),
                target);
    }

    private String alterColumn(TokenCursor in, Name column) {
        String head = "ALTER COLUMN " + column.quoted() + " ";
        if (in.acceptWords("type") || in.acceptWords("set", "data", "type")) {
            PgType type = PgType.read(in);
            if (in.isWord("collate") || in.isWord("using")) {
                throw TranslationException.unsupported("ALTER COLUMN … TYPE … " + in.text(0).toUpperCase(
                        java.util.Locale.ROOT), target);
            }
            if (target == SqlTarget.MARIADB) {
                return modify(column, new MariaDbModifyColumn.NewType(ColumnTypes.render(type, target, false)));
            }
            requireH2("ALTER COLUMN … TYPE");
            // The comment declares the new type, or no type (json to text), and keeps the user's comment.
            String declared = ColumnTypes.h2DeclaredType(type);
            afterwards.add(CommentOn.h2ColumnComment(table, column, CommentOn.withDeclaration("remarks",
                    declared == null ? null : declared.substring(" COMMENT ".length()))));
            return head + "SET DATA TYPE " + ColumnTypes.render(type, target, false);
        }
        if (in.acceptWords("set", "default")) {
            requireFullAlter("ALTER COLUMN … SET DEFAULT");
            return head + "SET DEFAULT " + columns.defaultValue(in.until(java.util.Set.of()), null);
        }
        if (in.acceptWords("drop", "default")) {
            requireFullAlter("ALTER COLUMN … DROP DEFAULT");
            return head + "DROP DEFAULT";
        }
        if (target == SqlTarget.MARIADB && (in.isWord("set") || in.isWord("drop")) && in.isWord(1, "not")) {
            boolean nullable = in.isWord("drop");
            in.advance();
            in.expectWords("not", "null");
            return modify(column, new MariaDbModifyColumn.Nullability(nullable));
        }
        if (in.acceptWords("set", "not", "null")) {
            requireH2("ALTER COLUMN … SET NOT NULL");
            return head + "SET NOT NULL";
        }
        if (in.acceptWords("drop", "not", "null")) {
            requireH2("ALTER COLUMN … DROP NOT NULL");
            return head + "DROP NOT NULL";
        }
        throw TranslationException.unsupported("ALTER COLUMN … " + in.text(0).toUpperCase(java.util.Locale.ROOT),
                target);
    }

    private String modify(Name column, MariaDbModifyColumn.Change change) {
        modify = change;
        modifiedColumn = column;
        return "";
    }

    private static void dropBehaviour(TokenCursor in) {
        if (!in.acceptWords("cascade")) {
            in.acceptWords("restrict");
        }
    }

    /** SQLite's ALTER TABLE has no constraint or default actions. */
    private void requireFullAlter(String construct) {
        if (target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported(construct, target);
        }
    }

    private void requireH2(String construct) {
        if (target != SqlTarget.H2) {
            throw TranslationException.unsupported(construct, target);
        }
    }
}
