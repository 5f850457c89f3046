package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;

/**
 * {@code CREATE SEQUENCE [IF NOT EXISTS] name [AS type] [INCREMENT [BY] n] [MINVALUE n | NO MINVALUE] [MAXVALUE n |
 * NO MAXVALUE] [START [WITH] n] [CACHE n] [[NO] CYCLE] [OWNED BY …]}, for H2 and MariaDB, which have sequences.
 * MariaDB has no AS type: a smallint or integer sequence gets that type's MAXVALUE instead, so it ends where
 * PostgreSQL's would.
 */
final class CreateSequence {
    private final SqlTarget target;

    CreateSequence(SqlTarget target) {
        this.target = target;
    }

    String translate(TokenCursor in) {
        if (in.isWord("temp") || in.isWord("temporary") || in.isWord("unlogged")) {
            throw TranslationException.unsupported("CREATE " + in.text(0).toUpperCase(java.util.Locale.ROOT)
                    + " SEQUENCE", target);
        }
        in.expectWords("sequence");
        if (target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported("CREATE SEQUENCE", target);
        }
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        StringBuilder out = new StringBuilder("CREATE SEQUENCE ").append(ifNotExists ? "IF NOT EXISTS " : "")
                .append(in.objectName().render(target));
        String typeMaximum = null;
        boolean hasMaximum = false;
        while (!in.atEnd()) {
            if (in.acceptWords("as")) {
                PgType type = PgType.read(in);
                if (target == SqlTarget.H2) {
                    out.append(" AS ").append(ColumnTypes.render(type, target, false));
                } else {
                    typeMaximum = switch (type.name()) {
                        case "smallint" -> "32767";
                        case "integer" -> "2147483647";
                        case "bigint" -> null;
                        default -> throw in.syntaxError();
                    };
                }
            } else if (in.acceptWords("increment")) {
                in.acceptWords("by");
                out.append(" INCREMENT BY ").append(number(in));
            } else if (in.acceptWords("start")) {
                in.acceptWords("with");
                out.append(" START WITH ").append(number(in));
            } else if (in.acceptWords("minvalue")) {
                out.append(" MINVALUE ").append(number(in));
            } else if (in.acceptWords("maxvalue")) {
                hasMaximum = true;
                out.append(" MAXVALUE ").append(number(in));
            } else if (in.acceptWords("no", "minvalue") || in.acceptWords("no", "maxvalue")) {
                out.append(" NO ").append(in.text(-1).toUpperCase(java.util.Locale.ROOT));
            } else if (in.acceptWords("cache")) {
                out.append(" CACHE ").append(number(in));
            } else if (in.acceptWords("cycle")) {
                out.append(" CYCLE");
            } else if (in.acceptWords("no", "cycle")) {
                out.append(target == SqlTarget.MARIADB ? " NOCYCLE" : " NO CYCLE");
            } else if (in.acceptWords("owned", "by")) {
                in.objectName();   // only ties the sequence's lifetime to a column's
            } else {
                throw in.syntaxError();
            }
        }
        if (typeMaximum != null && !hasMaximum) {
            out.append(" MAXVALUE ").append(typeMaximum);
        }
        return out.toString();
    }

    private static String number(TokenCursor in) {
        String sign = "";
        if (in.type(0) == TokenType.OPERATOR && (in.text(0).equals("-") || in.text(0).equals("+"))) {
            sign = in.advance().text(in.sql()).equals("-") ? "-" : "";
        }
        if (in.type(0) != TokenType.NUMBER) {
            throw in.syntaxError();
        }
        return sign + in.advance().text(in.sql());
    }
}
