package io.pgbridge.translation.ddl;

import io.pgbridge.translation.PgStrings;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.schema.ColumnShape;

import java.util.List;

/**
 * {@code COMMENT ON TABLE t IS …} and {@code COMMENT ON COLUMN t.c IS …} where the backend keeps comments: H2 has
 * COMMENT ON itself, MariaDB keeps them in the table's and the column's COMMENT ({@code ALTER TABLE … COMMENT},
 * {@code MODIFY COLUMN} restating the column, {@link MariaDbModifyColumn}). A column comment that declares the
 * PostgreSQL type ({@code pgbridge:jsonb}, written by pgbridge's DDL) keeps that first line; the user's comment
 * follows it after a line break. Other objects' comments, and other backends' (SQLite has none), do nothing.
 */
final class CommentOn {
    private final SqlTarget target;

    CommentOn(SqlTarget target) {
        this.target = target;
    }

    Translation translate(TokenCursor in, String statement) {
        in.expectWords("comment", "on");
        boolean table = in.acceptWords("table");
        boolean column = !table && in.acceptWords("column");
        if (!table && !column || target != SqlTarget.H2 && target != SqlTarget.MARIADB) {
            // Comments are catalog decoration; where the backend keeps none the statement has nothing to do.
            return target == SqlTarget.H2 ? new Translation(statement) : Translation.NOTHING;
        }
        ObjectName name = in.objectName();
        in.expectWords("is");
        String text = text(in);
        in.expectEnd();
        String literal = text == null ? null : PgStrings.quote(text);
        if (table) {
            return target == SqlTarget.H2 ? new Translation(statement) : new Translation("ALTER TABLE "
                    + name.render(target) + " COMMENT = " + (literal == null ? "''" : literal));
        }
        if (name.parts().size() < 2) {
            throw in.syntaxError();
        }
        ObjectName relation = new ObjectName(name.parts().subList(0, name.parts().size() - 1));
        Name col = name.last();
        if (target == SqlTarget.MARIADB) {
            return Translation.sequence(MariaDbModifyColumn.statements(relation, col,
                    new MariaDbModifyColumn.Comment("COALESCE(" + keepingDeclaration("COLUMN_COMMENT", literal) + ", '')")));
        }
        return new Translation(h2ColumnComment(relation, col, keepingDeclaration("remarks", literal)));
    }

    /** H2's COMMENT ON COLUMN setting the comment to {@code comment}, SQL over the current one ({@code remarks}). */
    static String h2ColumnComment(ObjectName relation, Name col, String comment) {
        List<Name> parts = relation.parts();
        String schema = parts.size() == 2 ? PgStrings.quote(parts.get(0).value()) : "CURRENT_SCHEMA";
        return "COMMENT ON COLUMN " + relation.render(SqlTarget.H2) + "." + col.quoted() + " IS (SELECT "
                + comment + " FROM information_schema.columns WHERE table_schema = " + schema + " AND table_name = "
                + PgStrings.quote(relation.last().value()) + " AND column_name = " + PgStrings.quote(col.value()) + ")";
    }

    /**
     * SQL giving the comment with {@code declaration} (a literal such as {@code 'pgbridge:jsonb'}, or null for none)
     * as its first line in place of the current one's, the user's comment kept after it: what a change of the
     * column's type leaves.
     */
    static String withDeclaration(String current, String declaration) {
        String user = "CASE WHEN " + declares(current) + " THEN NULLIF(SUBSTRING(" + current + ", "
                + firstLineEnd(current) + " + 1), '') ELSE NULLIF(" + current + ", '') END";   // MariaDB: '' for none
        return declaration == null ? user : "CASE WHEN (" + user + ") IS NULL THEN " + declaration + " ELSE CONCAT("
                + declaration + ", CHAR(10), " + user + ") END";
    }

    /**
     * SQL giving the new comment from the {@code current} one: {@code literal} (null: none), after the current
     * comment's first line when that declares the column's type. H2 and MariaDB both read it.
     */
    static String keepingDeclaration(String current, String literal) {
        String declaration = "SUBSTRING(" + current + ", 1, " + firstLineEnd(current) + " - 1)";
        return "CASE WHEN " + declares(current) + " THEN "
                + (literal == null ? declaration : "CONCAT(" + declaration + ", CHAR(10), " + literal + ")")
                + " ELSE " + (literal == null ? "NULL" : literal) + " END";
    }

    /** SQL: whether the comment {@code current} starts with the declaration of the column's PostgreSQL type. */
    private static String declares(String current) {
        return current + " LIKE '" + ColumnShape.DECLARED_TYPE_COMMENT + "%'";
    }

    /** SQL: the position of the line break that ends the comment's first line (one past its end when it has none). */
    private static String firstLineEnd(String current) {
        return "LOCATE(CHAR(10), CONCAT(" + current + ", CHAR(10)))";
    }

    /** The comment's text: a string literal, or null for {@code IS NULL}. */
    private static String text(TokenCursor in) {
        if (in.acceptWords("null")) {
            return null;
        }
        String token = in.text(0);
        String value = switch (in.type(0)) {
            case STRING -> token.substring(token.indexOf('\'') + 1, token.length() - 1).replace("''", "'");
            case ESCAPE_STRING -> PgStrings.decodeEscapeString(token, in.token(0).start());
            case DOLLAR_STRING -> token.substring(token.indexOf('$', 1) + 1, token.lastIndexOf('$', token.length() - 2));
            default -> throw in.syntaxError();
        };
        in.advance();
        return value;
    }
}
