package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code INSERT … ON CONFLICT}. SQLite has PostgreSQL's syntax. MariaDB has {@code ON DUPLICATE KEY UPDATE}, which
 * fires on any unique key rather than the named one: DO NOTHING becomes an update of a column to itself (unlike
 * INSERT IGNORE it hides no other errors), and {@code EXCLUDED.x} becomes {@code VALUES(x)}.
 *
 * <p>MariaDB counts an updated row twice and an unchanged one once, and returns (RETURNING) every row it touched;
 * PostgreSQL counts and returns the inserted and updated rows only. So on MariaDB the conflict branch sets the
 * session variable {@value #SKIP} to 1 when PostgreSQL would skip the row (DO NOTHING, or a DO UPDATE whose WHERE
 * is not true, which then assigns every column its own value), and the statement returns a first column,
 * {@link #MARK}, that reads and resets it: the proxy drops the marked rows and counts the others
 * ({@link io.pgbridge.translation.Translation#markedRows()}). The variable is defined when the connection opens:
 * MariaDB would take an undefined one for a constant NULL.
 */
final class UpsertClause {
    static final String SKIP = "@pgbridge_skip";
    /** 0 for a row PostgreSQL would not return nor count; resets the variable for the next row. */
    static final String MARK = "IF(" + SKIP + " = 1, (" + SKIP + " := 0), 1)";

    private UpsertClause() {
    }

    static String append(String insertSql, SqlInsert insert, MappedText clause, CalciteTranslator.Pieces pieces,
            DialectRules rules) {
        String text = clause.toString();
        SqlLexer lexer = new SqlLexer(text);
        List<String> targetColumns = new ArrayList<>();
        TokenType t = lexer.nextSignificant();
        if (t == TokenType.LEFT_PAREN) {
            for (t = lexer.nextSignificant(); t != TokenType.RIGHT_PAREN && t != TokenType.EOF;
                    t = lexer.nextSignificant()) {
                if (t == TokenType.IDENTIFIER || t == TokenType.QUOTED_IDENTIFIER) {
                    targetColumns.add(identifier(lexer.text()));
                } else if (t != TokenType.COMMA) {
                    throw rules.unsupported("ON CONFLICT with an expression or collation as its target");
                }
            }
            t = lexer.nextSignificant();
        } else if (lexer.isWord("on")) {
            if (rules.target() != SqlTarget.MARIADB) {
                throw rules.unsupported("ON CONFLICT ON CONSTRAINT");
            }
            lexer.nextSignificant(); // CONSTRAINT
            lexer.nextSignificant(); // its name
            t = lexer.nextSignificant();
        }
        if (lexer.isWord("where")) {
            throw rules.unsupported("ON CONFLICT … WHERE (partial unique indexes)");
        }
        if (!lexer.isWord("do")) {
            throw syntaxError(clause, lexer.start());
        }
        lexer.nextSignificant();
        if (lexer.isWord("nothing")) {
            return doNothing(insertSql, insert, targetColumns, pieces, rules);
        }
        if (!lexer.isWord("update") || lexer.nextSignificant() != TokenType.IDENTIFIER || !lexer.isWord("set")) {
            throw syntaxError(clause, lexer.start());
        }
        if (targetColumns.isEmpty() && rules.target() != SqlTarget.MARIADB) {
            throw new TranslationException("42601",
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name", 0);
        }
        MappedText update = new MappedText().append("update pgbridge_conflict set ", clause.originOf(lexer.end()))
                .append(clause.slice(lexer.end(), text.length()));
        SqlUpdate parsed = (SqlUpdate) pieces.parse(update, rules);
        if (rules.target() == SqlTarget.MARIADB) {
            return onDuplicateKeyUpdate(insertSql, parsed, pieces, rules);
        }
        StringBuilder out = new StringBuilder(insertSql);
        out.append(" ON CONFLICT (").append(quoted(targetColumns, rules)).append(") DO UPDATE SET ");
        SqlNodeList columns = parsed.getTargetColumnList();
        SqlNodeList values = parsed.getSourceExpressionList();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(pieces.render(columns.get(i), rules)).append(" = ")
                    .append(pieces.render(values.get(i), rules));
        }
        if (parsed.getCondition() != null) {
            out.append(" WHERE ").append(pieces.render(parsed.getCondition(), rules));
        }
        return out.toString();
    }

    /**
     * DO UPDATE on MariaDB. A WHERE is evaluated once, on the existing row, by the first assignment, which records
     * the outcome in {@link #SKIP}; every assignment then keeps the column's value when the row is skipped.
     */
    private static String onDuplicateKeyUpdate(String insertSql, SqlUpdate parsed, CalciteTranslator.Pieces pieces,
            DialectRules rules) {
        pieces.markRows();
        SqlNodeList columns = parsed.getTargetColumnList();
        SqlNodeList values = parsed.getSourceExpressionList();
        String condition = parsed.getCondition() == null ? null
                : pieces.render(parsed.getCondition().accept(EXCLUDED_AS_VALUES), rules);
        StringBuilder out = new StringBuilder(insertSql).append(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < columns.size(); i++) {
            String column = pieces.render(columns.get(i), rules);
            String value = pieces.render(values.get(i).accept(EXCLUDED_AS_VALUES), rules);
            out.append(i == 0 ? "" : ", ").append(column).append(" = ");
            if (condition == null) {
                out.append(value);
            } else if (i == 0) {
                out.append("IF((").append(SKIP).append(" := IF(").append(condition).append(", 0, 1)) = 0, ")
                        .append(value).append(", ").append(column).append(')');
            } else {
                out.append("IF(").append(SKIP).append(" = 0, ").append(value).append(", ").append(column).append(')');
            }
        }
        return out.toString();
    }

    private static String doNothing(String insertSql, SqlInsert insert, List<String> targetColumns,
            CalciteTranslator.Pieces pieces, DialectRules rules) {
        if (rules.target() != SqlTarget.MARIADB) {
            return insertSql + " ON CONFLICT" + (targetColumns.isEmpty() ? "" : " (" + quoted(targetColumns, rules)
                    + ")") + " DO NOTHING";
        }
        String column = !targetColumns.isEmpty() ? rules.dialect().quoteIdentifier(targetColumns.get(0))
                : insert.getTargetColumnList() != null && !insert.getTargetColumnList().isEmpty()
                        ? rules.dialect().quoteIdentifier(((SqlIdentifier) insert.getTargetColumnList().get(0))
                                .getSimple())
                        : null;
        if (column == null) {
            // Without a column to name, IGNORE is the only way to skip the duplicate (it downgrades other errors).
            return "INSERT IGNORE" + insertSql.substring("INSERT".length());
        }
        pieces.markRows();
        return insertSql + " ON DUPLICATE KEY UPDATE " + column + " = IF((" + SKIP + " := 1), " + column + ", "
                + column + ")";
    }

    /** {@code EXCLUDED.x} → {@code VALUES(x)}: the row that was proposed for insertion. */
    private static final SqlShuttle EXCLUDED_AS_VALUES = new SqlShuttle() {
        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (id.names.size() == 2 && id.names.get(0).equals("excluded")) {
                return DialectRules.template("VALUES({0})",
                        new SqlIdentifier(id.names.get(1), SqlParserPos.ZERO));
            }
            return id;
        }
    };

    private static String quoted(List<String> columns, DialectRules rules) {
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            out.append(out.isEmpty() ? "" : ", ").append(rules.dialect().quoteIdentifier(column));
        }
        return out.toString();
    }

    private static String identifier(String token) {
        return token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
                : token.toLowerCase(Locale.ROOT);
    }

    private static TranslationException syntaxError(MappedText clause, int offset) {
        return new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error in ON CONFLICT",
                clause.originOf(offset) + 1);
    }
}
