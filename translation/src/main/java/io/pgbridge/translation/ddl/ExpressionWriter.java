package io.pgbridge.translation.ddl;


import io.pgbridge.translation.PgStrings;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.h2.H2TypedLiterals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the expressions inside DDL (defaults, CHECK constraints, partial-index predicates) for a target. H2's
 * PostgreSQL mode reads them as they are. For MariaDB and SQLite the PostgreSQL-only pieces that schemas commonly
 * use are rewritten: {@code ::} casts, {@code now()} and its relatives, {@code gen_random_uuid()}, {@code nextval},
 * escape and dollar-quoted strings. Anything else is copied with unquoted words lower-cased, which both read
 * case-insensitively.
 */
final class ExpressionWriter {
    private final SqlTarget target;
    private final String sql;

    /** One written operand or operator, and whether whitespace preceded it in the statement. */
    private record Piece(String text, boolean spaced, boolean literal, boolean functionName) {
    }

    ExpressionWriter(SqlTarget target, String sql) {
        this.target = target;
        this.sql = sql;
    }

    /**
     * @param columnType the type of the column the expression fills, which decides how the current time is
     *     written on SQLite; null where no column is concerned
     */
    String write(List<Token> tokens, PgType columnType) {
        if (target == SqlTarget.H2) {
            String written = sql.substring(tokens.getFirst().start(), tokens.getLast().end());
            if (tokens.size() == 1 && tokens.getFirst().type() == TokenType.STRING && columnType != null) {
                // An untyped default is read by the column's type in PostgreSQL ('{}' for an array, '\x00' for
                // bytea); H2 reads the string its own way, so it gets the typed literal's H2 form.
                String value = written.substring(1, written.length() - 1).replace("''", "'");
                String typed = columnType.isArray() ? H2TypedLiterals.array(value, columnType.name())
                        : List.of("bytea", "boolean", "bool", "uuid").contains(columnType.name())
                        ? H2TypedLiterals.normalise(value, columnType.name()) : null;
                return typed != null ? typed : written;
            }
            if (tokens.size() == 5 && tokens.get(0).type() == TokenType.STRING && tokens.get(1).text(sql).equals("::")
                    && tokens.get(2).type() == TokenType.IDENTIFIER && tokens.get(3).type() == TokenType.LEFT_BRACKET
                    && tokens.get(4).type() == TokenType.RIGHT_BRACKET) {
                String literal = tokens.get(0).text(sql);
                String typed = H2TypedLiterals.array(literal.substring(1, literal.length() - 1).replace("''", "'"),
                        tokens.get(2).text(sql).toLowerCase(Locale.ROOT));
                return typed != null ? typed : written;
            }
            return written;
        }
        return render(tokens, 0, tokens.size(), columnType);
    }

    /** Whether the tokens are one literal, a signed number or a constant word: what SQLite takes as a bare DEFAULT. */
    static boolean isPlainConstant(List<Token> tokens, String sql) {
        int i = 0;
        if (tokens.size() == 2 && tokens.get(0).type() == TokenType.OPERATOR
                && (tokens.get(0).text(sql).equals("-") || tokens.get(0).text(sql).equals("+"))) {
            i = 1;
        }
        if (tokens.size() != i + 1) {
            return false;
        }
        Token token = tokens.get(i);
        return switch (token.type()) {
            case NUMBER -> true;
            case STRING -> i == 0;
            case IDENTIFIER -> i == 0 && List.of("null", "true", "false").contains(token.text(sql).toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    private String render(List<Token> tokens, int from, int to, PgType columnType) {
        List<Piece> pieces = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            boolean spaced = i > from && token.start() > tokens.get(i - 1).end();
            String text = token.text(sql);
            switch (token.type()) {
                case OPERATOR -> {
                    if (text.equals("::") && !pieces.isEmpty()) {
                        TokenCursor typeTokens = new TokenCursor(sql, tokens.subList(i + 1, to));
                        PgType type = PgType.read(typeTokens);
                        i += typeTokens.mark();
                        Piece operand = pieces.removeLast();
                        pieces.add(new Piece(cast(operand, type), operand.spaced(), operand.literal(), false));
                    } else {
                        pieces.add(new Piece(text, spaced, false, false));
                    }
                }
                case LEFT_PAREN -> {
                    int close = matching(tokens, i, to);
                    String inner = close == i + 1 ? "" : render(tokens, i + 1, close, null);
                    Piece previous = pieces.isEmpty() ? null : pieces.getLast();
                    if (previous != null && previous.functionName()) {
                        pieces.removeLast();
                        pieces.add(new Piece(call(previous.text(), inner, tokens.subList(i + 1, close), columnType),
                                previous.spaced(), false, false));
                    } else {
                        pieces.add(new Piece("(" + inner + ")", spaced, false, false));
                    }
                    i = close;
                }
                case IDENTIFIER -> {
                    String word = text.toLowerCase(Locale.ROOT);
                    boolean call = i + 1 < to && tokens.get(i + 1).type() == TokenType.LEFT_PAREN;
                    String special = call ? null : specialWord(word, columnType);
                    pieces.add(new Piece(special != null ? special : word, spaced, false, call && special == null));
                }
                case STRING, ESCAPE_STRING, DOLLAR_STRING -> pieces.add(
                        new Piece(standardString(token), spaced, true, false));
                case NUMBER -> pieces.add(new Piece(text, spaced, true, false));
                case UNICODE_STRING, BIT_STRING -> throw unsupported(text);
                default -> pieces.add(new Piece(text, spaced, false, false));
            }
        }
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            if (piece.spaced() && !out.isEmpty()) {
                out.append(' ');
            }
            out.append(piece.text());
        }
        return out.toString();
    }

    private static int matching(List<Token> tokens, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            TokenType type = tokens.get(i).type();
            if (type == TokenType.LEFT_PAREN) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN && --depth == 0) {
                return i;
            }
        }
        return to;
    }

    /** SQL-standard datetime words that PostgreSQL evaluates with microseconds. */
    private String specialWord(String word, PgType columnType) {
        return switch (word) {
            case "current_timestamp", "localtimestamp" -> now(columnType);
            case "current_time", "localtime" -> target == SqlTarget.MARIADB ? "current_time(6)" : null;
            case "current_date" -> target == SqlTarget.SQLSERVER ? StandardTargets.now(target, "date") : null;
            // Oracle's and SQL Server's booleans are numbers.
            case "true", "false" -> target == SqlTarget.ORACLE || target == SqlTarget.SQLSERVER
                    ? (word.equals("true") ? "1" : "0") : null;
            default -> null;
        };
    }

    private String call(String function, String arguments, List<Token> argumentTokens, PgType columnType) {
        switch (function) {
            case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp" -> {
                if (arguments.isEmpty()) {
                    return now(columnType);
                }
            }
            case "gen_random_uuid", "uuid_generate_v4" -> {
                if (arguments.isEmpty()) {
                    return randomUuid();
                }
            }
            case "nextval" -> {
                return nextval(argumentTokens);
            }
            default -> {
            }
        }
        return function + "(" + arguments + ")";
    }

    private String now(PgType columnType) {
        if (StandardTargets.isStandard(target)) {
            return StandardTargets.now(target, columnType == null ? null : columnType.name());
        }
        if (target == SqlTarget.MARIADB) {
            return "current_timestamp(6)";
        }
        // SQLite's clock gives milliseconds, in UTC, the proxy's session time zone.
        String name = columnType == null ? "timestamptz" : columnType.name();
        return switch (name) {
            case "date" -> "date('now')";
            case "time" -> "strftime('%H:%M:%f', 'now')";
            case "timestamp" -> "strftime('%Y-%m-%d %H:%M:%f', 'now')";
            default -> "strftime('%Y-%m-%d %H:%M:%f+00', 'now')";
        };
    }

    /** A version-4 UUID: MariaDB 10.11's uuid() is version 1, still unique, and its UUID type takes it. */
    private String randomUuid() {
        if (StandardTargets.isStandard(target)) {
            return StandardTargets.randomUuid(target);
        }
        if (target == SqlTarget.MARIADB) {
            return "uuid()";
        }
        return "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
                + " || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2)"
                + " || '-' || hex(randomblob(6)))";
    }

    /** {@code nextval('seq'::regclass)}: MariaDB names the sequence as an identifier; SQLite has none. */
    private String nextval(List<Token> argumentTokens) {
        if (target != SqlTarget.MARIADB || argumentTokens.isEmpty()
                || argumentTokens.getFirst().type() != TokenType.STRING) {
            throw unsupported("nextval");
        }
        String sequence = unquoteString(argumentTokens.getFirst().text(sql));
        List<Name> parts = new ArrayList<>();
        for (String part : sequence.split("\\.")) {
            parts.add(Name.of(part));
        }
        return "nextval(" + new ObjectName(parts).render(target) + ")";
    }

    private String cast(Piece operand, PgType type) {
        if (operand.literal()) {
            // The column's own type converts a literal default; a boolean's spelling must be one the target reads.
            if (type.name().equals("boolean") && operand.text().startsWith("'")) {
                String value = unquoteString(operand.text()).strip().toLowerCase(Locale.ROOT);
                return switch (value) {
                    case "t", "true", "y", "yes", "on", "1" -> "TRUE";
                    case "f", "false", "n", "no", "off", "0" -> "FALSE";
                    default -> operand.text();
                };
            }
            if (!type.name().equals("regclass")) {
                return operand.text();
            }
        }
        String castType = target == SqlTarget.MARIADB ? mariaDbCastType(type) : ColumnTypes.render(type, target, false);
        return "CAST(" + operand.text() + " AS " + castType + ")";
    }

    private static String mariaDbCastType(PgType type) {
        return switch (type.name()) {
            case "smallint", "integer", "bigint" -> "SIGNED";
            case "text", "varchar", "char" -> "CHAR";
            case "real" -> "FLOAT";
            case "double precision" -> "DOUBLE";
            case "timestamp", "timestamptz" -> ColumnTypes.mariaDbDatetime(type);
            case "json", "jsonb" -> "CHAR";
            case "numeric", "date", "time" -> ColumnTypes.render(type, SqlTarget.MARIADB, false);
            default -> throw ColumnTypes.unsupportedType(type.renamed("::" + type.written()), SqlTarget.MARIADB);
        };
    }

    /** Any PostgreSQL string literal as a standard {@code '…'} literal, which both targets read verbatim. */
    private String standardString(Token token) {
        String text = token.text(sql);
        return switch (token.type()) {
            case DOLLAR_STRING -> {
                int bodyStart = text.indexOf('$', 1) + 1;
                String body = text.substring(bodyStart, text.length() - bodyStart);
                yield "'" + body.replace("'", "''") + "'";
            }
            case ESCAPE_STRING -> "'" + PgStrings.decodeEscapeBody(text.substring(2, text.length() - 1), token.start())
                    .replace("'", "''") + "'";
            default -> text.charAt(0) == '\'' ? text : text.substring(1);   // N'…'
        };
    }

    static String unquoteString(String literal) {
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    private TranslationException unsupported(String construct) {
        return TranslationException.unsupported(construct + " in DDL", target);
    }
}
