package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL column type as written in DDL, reduced to one canonical name per type so that the targets map
 * {@code int4}, {@code integer} and {@code int} alike.
 *
 * @param name canonical lower-case name: {@code smallint integer bigint smallserial serial bigserial real
 *     double precision numeric boolean varchar char text bytea date time timetz timestamp timestamptz interval uuid
 *     json jsonb}, or the written name of any other type
 * @param modifiers the numbers in parentheses ({@code varchar(20)} → [20], {@code numeric(10,2)} → [10, 2])
 * @param arrayDimensions how many {@code []} (or {@code ARRAY}) follow
 * @param written the type as the statement spelled it, for messages
 */
record PgType(String name, List<Integer> modifiers, int arrayDimensions, String written) {

    PgType {
        modifiers = List.copyOf(modifiers);
    }

    boolean isSerial() {
        return arrayDimensions == 0 && name.endsWith("serial");
    }

    boolean isArray() {
        return arrayDimensions > 0;
    }

    /** The integer type a serial stands for: {@code bigserial} → {@code bigint}. */
    String serialBase() {
        return switch (name) {
            case "smallserial" -> "smallint";
            case "bigserial" -> "bigint";
            default -> "integer";
        };
    }

    /** The type with the same name, modifiers and arrays but another canonical name. */
    PgType renamed(String canonical) {
        return new PgType(canonical, modifiers, arrayDimensions, written);
    }

    int modifier(int index, int absent) {
        return index < modifiers.size() ? modifiers.get(index) : absent;
    }

    /** Reads a type at the cursor: {@code double precision}, {@code character varying(n)}, {@code timestamp(3)
     * with time zone}, {@code interval day to second}, {@code pg_catalog.int4}, {@code text[]}… */
    static PgType read(TokenCursor in) {
        int start = in.position() - 1;
        if (in.isWord("pg_catalog") && in.type(1) == TokenType.DOT) {
            in.advance();
            in.advance();
        }
        if (in.type(0) != TokenType.IDENTIFIER && in.type(0) != TokenType.QUOTED_IDENTIFIER) {
            throw in.syntaxError();
        }
        String first = in.name().value();
        String name = switch (first) {
            case "double" -> {
                in.expectWords("precision");
                yield "double precision";
            }
            case "character", "char", "nchar", "national" -> {
                if (first.equals("national")) {
                    in.acceptWords("character");
                    in.acceptWords("char");
                }
                yield in.acceptWords("varying") ? "varchar" : "char";
            }
            case "bit" -> in.acceptWords("varying") ? "varbit" : "bit";
            default -> first;
        };
        while (in.type(0) == TokenType.DOT) {   // a schema-qualified user type
            in.advance();
            name = name + "." + in.name().value();
        }
        List<Integer> modifiers = new ArrayList<>();
        if (name.equals("interval")) {
            while (in.isAnyWord(java.util.Set.of("year", "month", "day", "hour", "minute", "second", "to"))) {
                in.advance();
            }
        }
        if (in.accept(TokenType.LEFT_PAREN)) {
            do {
                if (in.type(0) != TokenType.NUMBER) {
                    throw in.syntaxError();
                }
                modifiers.add(Integer.parseInt(in.advance().text(in.sql())));
            } while (in.accept(TokenType.COMMA));
            in.expect(TokenType.RIGHT_PAREN);
        }
        if (name.equals("time") || name.equals("timestamp")) {
            if (in.acceptWords("with", "time", "zone")) {
                name = name + "tz";
            } else {
                in.acceptWords("without", "time", "zone");
            }
        }
        int dimensions = 0;
        while (true) {
            if (in.accept(TokenType.LEFT_BRACKET)) {
                if (in.type(0) == TokenType.NUMBER) {
                    in.advance();
                }
                in.expect(TokenType.RIGHT_BRACKET);
                dimensions++;
            } else if (in.acceptWords("array")) {
                if (in.accept(TokenType.LEFT_BRACKET)) {
                    in.advance();
                    in.expect(TokenType.RIGHT_BRACKET);
                }
                dimensions++;
            } else {
                break;
            }
        }
        String written = in.sql().substring(start, in.position() - 1).strip();
        return new PgType(canonical(name, modifiers), modifiers, dimensions, written);
    }

    private static String canonical(String name, List<Integer> modifiers) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "int2", "smallint" -> "smallint";
            case "int", "int4", "integer" -> "integer";
            case "int8", "bigint" -> "bigint";
            case "serial2", "smallserial" -> "smallserial";
            case "serial4", "serial" -> "serial";
            case "serial8", "bigserial" -> "bigserial";
            case "float4", "real" -> "real";
            case "float8", "double precision" -> "double precision";
            // float(p): up to 24 binary digits is real, as in PostgreSQL
            case "float" -> !modifiers.isEmpty() && modifiers.get(0) <= 24 ? "real" : "double precision";
            case "decimal", "numeric" -> "numeric";
            case "bool", "boolean" -> "boolean";
            case "varchar" -> "varchar";
            case "char", "bpchar" -> "char";
            case "timestamptz" -> "timestamptz";
            case "timetz" -> "timetz";
            default -> name;
        };
    }
}
