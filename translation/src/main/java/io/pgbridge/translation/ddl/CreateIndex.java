package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] t [USING method] (elements)
 * [INCLUDE (…)] [WITH (…)] [TABLESPACE s] [WHERE predicate]}.
 *
 * <p>An index never changes what a query returns, only how fast, so methods, operator classes, collations, INCLUDE
 * and storage options are dropped. A partial index's WHERE stays on SQLite, which has partial indexes. H2 and
 * MariaDB have none: a plain index without the WHERE indexes more rows and answers the same; a unique one would
 * reject rows PostgreSQL accepts, so that is refused.
 */
final class CreateIndex {
    private static final Set<String> ELEMENT_END = Set.of("asc", "desc", "nulls", "collate");

    private final SqlTarget target;
    private final ExpressionWriter expressions;

    CreateIndex(SqlTarget target, String sql) {
        this.target = target;
        this.expressions = new ExpressionWriter(target, sql);
    }


    /** The statements to run, one after the other. */
    List<String> translate(TokenCursor in) {
        boolean unique = in.acceptWords("unique");
        in.expectWords("index");
        in.acceptWords("concurrently");
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        Name name = in.isWord("on") ? null : in.name();
        in.expectWords("on");
        in.acceptWords("only");
        ObjectName table = in.objectName();
        if (in.acceptWords("using")) {
            in.name();
        }
        in.expect(TokenType.LEFT_PAREN);
        List<String> elements = new ArrayList<>();
        List<String> nameParts = new ArrayList<>();
        do {
            elements.add(element(in, nameParts));
        } while (in.accept(TokenType.COMMA));
        in.expect(TokenType.RIGHT_PAREN);
        String where = null;
        while (!in.atEnd()) {
            if (in.acceptWords("include") || in.acceptWords("with")) {
                in.parenthesised();
            } else if (in.acceptWords("nulls", "distinct")) {
                continue;
            } else if (in.isWord("nulls")) {
                throw TranslationException.unsupported("NULLS NOT DISTINCT", target);
            } else if (in.acceptWords("tablespace")) {
                in.name();
            } else if (in.acceptWords("where")) {
                where = predicate(in.until(Set.of()), unique);
            } else {
                throw in.syntaxError();
            }
        }
        if (name == null) {
            // PostgreSQL's choice: table, columns ("expr" for expressions), "idx"; every target needs a name.
            name = new Name(truncate(table.last().value() + "_" + String.join("_", nameParts) + "_idx"));
        }
        String head = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (ifNotExists ? "IF NOT EXISTS " : "")
                + name.quoted() + " ON " + table.render(target) + " (";
        String statement = head + String.join(", ", elements) + ")" + (where == null ? "" : " WHERE " + where);
        if (target == SqlTarget.MARIADB && !unique && elements.size() > 1) {
            return prefixedTextColumns(head, table, elements, nameParts, statement);
        }
        return List.of(statement);
    }

    /**
     * MariaDB keys TEXT and BLOB columns (pgbridge's text, bytea, json) only by a prefix, which it chooses itself for
     * an index of one column but refuses to choose for several ("Specified key was too long"). A non-unique index
     * answers the same with any prefix, so each such column gets a share of InnoDB's 3072 bytes (four per utf8mb4
     * character), decided on the server from the column's type ({@link MariaDbDynamicDdl}); a column that does
     * not exist leaves the plain statement, to fail as it should.
     */
    private static List<String> prefixedTextColumns(String head, ObjectName table, List<String> elements,
                                                    List<String> columns, String plain) {
        int prefix = 3072 / 4 / 2 / elements.size();
        StringBuilder parts = new StringBuilder(MariaDbDynamicDdl.literal(head));
        for (int i = 0; i < elements.size(); i++) {
            String quoted = new Name(columns.get(i)).quoted();
            String rest = elements.get(i).substring(quoted.length()) + (i + 1 < elements.size() ? ", " : ")");
            parts.append(", ").append(MariaDbDynamicDdl.literal(quoted))
                    .append(", (SELECT IF(DATA_TYPE IN ('tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob',"
                            + " 'blob', 'mediumblob', 'longblob'), '(" + prefix + ")', '')")
                    .append(MariaDbDynamicDdl.columnRow(table, columns.get(i))).append("), ")
                    .append(MariaDbDynamicDdl.literal(rest));
        }
        return MariaDbDynamicDdl.statements("CONCAT(" + parts + ")", plain);
    }

    private String element(TokenCursor in, List<String> nameParts) {
        String written;
        boolean isExpression = in.type(0) == TokenType.LEFT_PAREN || in.type(1) == TokenType.LEFT_PAREN;
        if (isExpression) {
            if (target != SqlTarget.SQLITE) {
                throw TranslationException.unsupported("expression indexes", target);
            }
            List<Token> tokens = in.type(0) == TokenType.LEFT_PAREN ? in.parenthesised() : in.until(ELEMENT_END);
            written = "(" + expressions.write(tokens, null) + ")";
            nameParts.add("expr");
        } else {
            Name column = in.name();
            written = column.quoted();
            nameParts.add(column.value());
        }
        if (in.acceptWords("collate")) {
            in.objectName();
        }
        if (in.type(0) == TokenType.IDENTIFIER && !in.isAnyWord(ELEMENT_END)) {
            in.objectName();   // an operator class
            if (in.type(0) == TokenType.LEFT_PAREN) {
                in.parenthesised();
            }
        }
        if (in.acceptWords("desc")) {
            written += " DESC";
        } else {
            in.acceptWords("asc");
        }
        if (in.acceptWords("nulls")) {
            in.advance();   // FIRST or LAST: the order inside an index is not visible in results
        }
        return written;
    }

    private String predicate(List<Token> tokens, boolean unique) {
        if (target == SqlTarget.SQLITE) {
            return expressions.write(tokens, null);
        }
        if (unique) {
            throw TranslationException.unsupported("partial unique indexes", target);
        }
        return null;
    }

    /** PostgreSQL cuts names at 63 bytes. */
    private static String truncate(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}
