package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlTarget;

import java.util.List;

/**
 * {@code ALTER COLUMN … TYPE}, {@code SET NOT NULL} and {@code DROP NOT NULL} on MariaDB, which changes a column only
 * by restating all of it ({@code MODIFY COLUMN}): what the statement does not mention (nullability, default,
 * AUTO_INCREMENT, the column's CHECK, its collation) is read from {@code information_schema} on the server
 * ({@link MariaDbDynamicDdl}). A missing column leaves a DELETE of no row that names it, so that MariaDB reports it
 * missing as PostgreSQL would.
 */
final class MariaDbModifyColumn {
    /** What changes: the type, or only whether NULL is allowed. */
    sealed interface Change {
    }

    /**
     * {@code TYPE t}: {@code rendered} is MariaDB's column type, with its declaring comment if it has one
     * ({@code JSON COMMENT 'pgbridge:jsonb'}), which takes the place of the current one's, the client's comment kept.
     */
    record NewType(String rendered) implements Change {
        private static final String COMMENT = " COMMENT ";

        String type() {
            int comment = rendered.indexOf(COMMENT);
            return comment < 0 ? rendered : rendered.substring(0, comment);
        }

        /** The declaring comment as a literal ({@code 'pgbridge:jsonb'}), or null. */
        String declaration() {
            int comment = rendered.indexOf(COMMENT);
            return comment < 0 ? null : rendered.substring(comment + COMMENT.length());
        }
    }

    /** {@code SET NOT NULL} ({@code nullable} false) or {@code DROP NOT NULL}. */
    record Nullability(boolean nullable) implements Change {
    }

    /** {@code COMMENT ON COLUMN}: {@code comment} is SQL giving the new comment from {@code COLUMN_COMMENT}. */
    record Comment(String comment) implements Change {
    }

    /** The column's type and collation as they are. */
    private static final String KEPT_TYPE = "COLUMN_TYPE, IF(COLLATION_NAME IS NULL, '', CONCAT(' COLLATE ',"
            + " COLLATION_NAME)), ";

    private MariaDbModifyColumn() {
    }

    static List<String> statements(ObjectName table, Name column, Change change) {
        String head = "ALTER TABLE " + table.render(SqlTarget.MARIADB) + " MODIFY COLUMN " + column.quoted() + " ";
        String definition = switch (change) {
            case NewType type -> literal(type.type())
                    + ", IF(IS_NULLABLE = 'NO', ' NOT NULL', ' NULL')";
            // The collation belongs to the type: a type change takes the table's, as a new column would.
            case Nullability n -> KEPT_TYPE + (n.nullable() ? "' NULL'" : "' NOT NULL'");
            case Comment c -> KEPT_TYPE + "IF(IS_NULLABLE = 'NO', ' NOT NULL', ' NULL')";
        };
        // COLUMN_DEFAULT is the default as SQL ('new', current_timestamp(6)), NULL or 'NULL' for none.
        String rest = ", IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', '', CONCAT(' DEFAULT ', COLUMN_DEFAULT)),"
                + " IF(EXTRA LIKE '%auto_increment%', ' AUTO_INCREMENT', '')";
        // MariaDB reads a column's COMMENT before its CHECK.
        if (change instanceof Nullability) {
            // the comment declares the PostgreSQL type (timestamptz, arrays), which a type change replaces
            rest += ", IF(COLUMN_COMMENT = '', '', " + commentClause("COLUMN_COMMENT") + ")";
        } else if (change instanceof Comment c) {
            rest += ", " + commentClause(c.comment());
        } else if (change instanceof NewType type) {
            String comment = CommentOn.withDeclaration("COLUMN_COMMENT", type.declaration());
            rest += ", IF((" + comment + ") IS NULL, '', " + commentClause(comment) + ")";
        }
        rest += ", COALESCE((SELECT CONCAT(' CHECK (', CHECK_CLAUSE, ')') FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = " + MariaDbDynamicDdl.schema(table) + " AND TABLE_NAME = "
                + literal(table.last().value()) + " AND CONSTRAINT_NAME = " + literal(column.value())
                + " AND LEVEL = 'Column'), '')";
        return MariaDbDynamicDdl.statements(
                "(SELECT CONCAT(" + literal(head) + ", " + definition + rest + ")"
                        + MariaDbDynamicDdl.columnRow(table, column.value()) + ")",
                "DELETE FROM " + table.render(SqlTarget.MARIADB) + " WHERE FALSE AND " + column.quoted() + " IS NULL");
    }

    /**
     * {@code COMMENT '…'} around the text {@code comment} gives, its quotes doubled as the session's sql_mode
     * (NO_BACKSLASH_ESCAPES) reads them; QUOTE() would write {@code \'}.
     */
    private static String commentClause(String comment) {
        return "CONCAT(' COMMENT ''', REPLACE(" + comment + ", '''', ''''''), '''')";
    }

    private static String literal(String text) {
        return MariaDbDynamicDdl.literal(text);
    }
}
