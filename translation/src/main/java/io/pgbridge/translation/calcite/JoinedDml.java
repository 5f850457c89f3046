package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code UPDATE … FROM} and {@code DELETE … USING}, which Babel cannot parse. The update's expressions, tables and
 * condition are parsed as one SELECT and written back as MariaDB's multi-table UPDATE ({@code UPDATE t, u SET
 * t.c = …}) or SQLite's own UPDATE … FROM. The delete becomes {@code DELETE … WHERE EXISTS (SELECT 1 FROM using
 * WHERE condition)}, which both backends run as it is.
 */
final class JoinedDml {
    private JoinedDml() {
    }

    /** The DELETE … USING as a DELETE with EXISTS, ready to parse. */
    static MappedText deleteAsExists(StatementClauses clauses) {
        int origin = clauses.from().originOf(0);
        MappedText text = new MappedText().append("delete from ", origin).append(clauses.target())
                .append(" where exists (select 1 from ", origin).append(clauses.from());
        if (clauses.where() != null) {
            text.append(" where ", origin).append(clauses.where());
        }
        return text.append(")", origin);
    }

    static String updateFrom(StatementClauses clauses, CalciteTranslator.Pieces pieces, DialectRules rules) {
        Target target = Target.of(clauses.target().toString(), rules);
        List<String> columns = new ArrayList<>();
        List<MappedText> values = new ArrayList<>();
        splitAssignments(clauses.assignments(), columns, values, rules);
        int origin = clauses.from().originOf(0);
        MappedText select = new MappedText().append("select ", origin);
        for (int i = 0; i < values.size(); i++) {
            select.append(i == 0 ? "" : ", ", origin).append(values.get(i));
        }
        select.append(" from ", origin);
        boolean mariaDb = rules.target() == SqlTarget.MARIADB;
        if (mariaDb) {
            select.append(clauses.target()).append(", ", origin);
        }
        select.append(clauses.from());
        if (clauses.where() != null) {
            select.append(" where ", origin).append(clauses.where());
        }
        SqlSelect parsed = (SqlSelect) pieces.parse(select, rules);
        StringBuilder out = new StringBuilder("UPDATE ");
        out.append(mariaDb ? pieces.render(parsed.getFrom(), rules) : target.sql()).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            String column = rules.dialect().quoteIdentifier(columns.get(i));
            out.append(i == 0 ? "" : ", ").append(mariaDb ? target.qualifier() + "." + column : column)
                    .append(" = ").append(pieces.render(parsed.getSelectList().get(i), rules));
        }
        if (!mariaDb) {
            out.append(" FROM ").append(pieces.render(parsed.getFrom(), rules));
        }
        SqlNode where = parsed.getWhere();
        if (where != null) {
            out.append(" WHERE ").append(pieces.render(where, rules));
        }
        return out.toString();
    }

    /** {@code a = x, b = y}: columns folded as PostgreSQL folds them, values as text to parse. */
    private static void splitAssignments(MappedText text, List<String> columns, List<MappedText> values,
            DialectRules rules) {
        String sql = text.toString();
        SqlLexer lexer = new SqlLexer(sql);
        int depth = 0;
        int itemStart = 0;
        int valueStart = -1;
        String column = null;
        for (TokenType t = lexer.nextSignificant(); ; t = lexer.nextSignificant()) {
            if (t == TokenType.EOF || t == TokenType.COMMA && depth == 0) {
                if (column == null || valueStart < 0) {
                    throw new TranslationException(TranslationException.SYNTAX_ERROR,
                            "syntax error at or near \"SET\"", text.originOf(itemStart) + 1);
                }
                columns.add(column);
                values.add(text.slice(valueStart, t == TokenType.EOF ? sql.length() : lexer.start()));
                if (t == TokenType.EOF) {
                    return;
                }
                column = null;
                valueStart = -1;
                itemStart = lexer.end();
                continue;
            }
            switch (t) {
                case LEFT_PAREN -> {
                    if (column == null) {
                        throw rules.unsupported("UPDATE … SET (a, b) = … with FROM");
                    }
                    depth++;
                }
                case RIGHT_PAREN -> depth--;
                case IDENTIFIER, QUOTED_IDENTIFIER -> {
                    if (column == null) {
                        column = Target.identifier(lexer.text());
                    }
                }
                case OPERATOR -> {
                    if (valueStart < 0 && lexer.text().equals("=") && depth == 0) {
                        valueStart = lexer.end();
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The table an UPDATE writes to, with its alias. */
    private record Target(String sql, String qualifier) {
        static Target of(String text, DialectRules rules) {
            List<String> names = new ArrayList<>();
            String alias = null;
            SqlLexer lexer = new SqlLexer(text);
            boolean afterName = false;
            for (TokenType t = lexer.nextSignificant(); t != TokenType.EOF; t = lexer.nextSignificant()) {
                if (t == TokenType.DOT) {
                    afterName = false;
                } else if (t == TokenType.IDENTIFIER && lexer.text().equalsIgnoreCase("as")) {
                    afterName = true;
                } else if (t == TokenType.IDENTIFIER || t == TokenType.QUOTED_IDENTIFIER) {
                    if (afterName) {
                        alias = identifier(lexer.text());
                    } else {
                        names.add(identifier(lexer.text()));
                        afterName = true;
                    }
                } else {
                    throw rules.unsupported("this UPDATE target");
                }
            }
            StringBuilder table = new StringBuilder();
            for (String name : names) {
                table.append(table.isEmpty() ? "" : ".").append(rules.dialect().quoteIdentifier(name));
            }
            String qualifier = alias != null ? rules.dialect().quoteIdentifier(alias)
                    : rules.dialect().quoteIdentifier(names.get(names.size() - 1));
            return new Target(alias == null ? table.toString() : table + " AS " + qualifier, qualifier);
        }

        /** An identifier as PostgreSQL reads it: quoted ones unquoted, others folded to lower case. */
        static String identifier(String token) {
            if (token.startsWith("\"")) {
                return token.substring(1, token.length() - 1).replace("\"\"", "\"");
            }
            return token.toLowerCase(Locale.ROOT);
        }
    }
}
