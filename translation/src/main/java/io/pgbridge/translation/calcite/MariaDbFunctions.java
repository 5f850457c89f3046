package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL functions MariaDB does not have, written with the ones it has. Where PostgreSQL's result depends on
 * an argument MariaDB cannot interpret at run time (a format, a flag string), that argument must be a constant and
 * is read here; otherwise the function is refused with 0A000 rather than answered differently.
 */
final class MariaDbFunctions {
    /** Private-use characters that stand in for translate()'s source characters between its two passes. */
    private static final char FIRST_STAND_IN = '\uE000';

    private MariaDbFunctions() {
    }

    /** The MariaDB expression for {@code name(args)}, or null when the name is not one of these functions. */
    static SqlNode translate(String name, List<SqlNode> args) {
        return switch (name) {
            case "split_part" -> splitPart(args);
            case "starts_with" -> DialectRules.template("(LOCATE({1}, {0} COLLATE utf8mb4_bin) = 1)", args.get(0),
                    args.get(1));
            case "translate", "translate3" -> translateCharacters(args);   // Calcite calls it TRANSLATE3
            case "regexp_replace" -> regexpReplace(args);
            case "num_nulls", "num_nonnulls" -> countNulls(args, name.equals("num_nulls"));
            case "make_date" -> DialectRules.template(
                    "CAST(STR_TO_DATE(CONCAT_WS('-', {0}, {1}, {2}), '%Y-%c-%e') AS DATE)", args.get(0), args.get(1),
                    args.get(2));
            case "to_date" -> DialectRules.template("CAST(STR_TO_DATE({0}, {1}) AS DATE)", args.get(0),
                    literal(PgDateFormat.asMariaDb(constant(args, 1, "to_date"))));
            case "to_char" -> args.size() == 2 && DialectRules.stringValue(args.get(1)) != null
                    && MariaDbNumberFormat.isNumberPattern(DialectRules.stringValue(args.get(1)))
                    ? MariaDbNumberFormat.toChar(args.get(0), DialectRules.stringValue(args.get(1))) : null;
            case "jsonb_typeof", "json_typeof" -> DialectRules.template("(CASE JSON_TYPE({0}) WHEN 'INTEGER' THEN"
                    + " 'number' WHEN 'DOUBLE' THEN 'number' WHEN 'DECIMAL' THEN 'number' ELSE LOWER(JSON_TYPE({0}))"
                    + " END)", args.get(0));
            case "jsonb_set" -> jsonbSet(args);
            case "format" -> format(args);
            default -> null;
        };
    }

    /** {@code split_part(text, delimiter, n)}: the n-th field, '' past the last; negative n counts from the end. */
    private static SqlNode splitPart(List<SqlNode> args) {
        String fields = "((CHAR_LENGTH({0}) - CHAR_LENGTH(REPLACE({0}, {1}, ''))) DIV CHAR_LENGTH({1}) + 1)";
        return DialectRules.template("(CASE WHEN {2} = 0 THEN NULL WHEN ABS({2}) > " + fields + " THEN ''"
                + " WHEN {2} > 0 THEN SUBSTRING_INDEX(SUBSTRING_INDEX({0}, {1}, {2}), {1}, -1)"
                + " ELSE SUBSTRING_INDEX(SUBSTRING_INDEX({0}, {1}, {2}), {1}, 1) END)", args.get(0), args.get(1),
                args.get(2));
    }

    /**
     * {@code translate(text, from, to)} with constant {@code from} and {@code to}: each source character becomes
     * a private-use stand-in first, then its target (or nothing), so replacements never feed each other.
     */
    private static SqlNode translateCharacters(List<SqlNode> args) {
        int[] from = constant(args, 1, "translate").codePoints().toArray();
        int[] to = constant(args, 2, "translate").codePoints().toArray();
        StringBuilder text = new StringBuilder("{0}");
        List<Integer> seen = new ArrayList<>();
        for (int c : from) {
            if (!seen.contains(c)) {   // PostgreSQL uses the first occurrence of a repeated source character
                text.insert(0, "REPLACE(").append(", ").append(quote(new String(Character.toChars(c)))).append(", '")
                        .append((char) (FIRST_STAND_IN + seen.size())).append("')");
                seen.add(c);
            }
        }
        for (int i = 0; i < seen.size(); i++) {
            int index = indexOf(from, seen.get(i));
            String target = index < to.length ? new String(Character.toChars(to[index])) : "";
            text.insert(0, "REPLACE(").append(", '").append((char) (FIRST_STAND_IN + i)).append("', ")
                    .append(quote(target)).append(')');
        }
        return DialectRules.template(text.toString(), args.get(0));
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code regexp_replace(text, pattern, replacement [, flags])}. MariaDB replaces every match; PostgreSQL only
     * the first unless the flags say {@code g}, so a first-only replacement matches the text up to the first match
     * as a group of its own and puts it back. Flags {@code g} and {@code i} are read; others are refused.
     */
    private static SqlNode regexpReplace(List<SqlNode> args) {
        String flags = args.size() > 3 ? constant(args, 3, "regexp_replace") : "";
        if (!flags.matches("[gi]*")) {
            throw TranslationException.unsupported("regexp_replace flags other than g and i", SqlTarget.MARIADB);
        }
        String caseless = flags.contains("i") ? "(?i)" : "";
        if (flags.contains("g")) {
            return DialectRules.template("REGEXP_REPLACE({0}, {1}, {2})", args.get(0),
                    caseless.isEmpty() ? args.get(1) : DialectRules.template("CONCAT('" + caseless + "', {0})",
                            args.get(1)), literal(backReferences(constant(args, 2, "regexp_replace"), 0, 0)));
        }
        String pattern = "(?s)" + caseless + "^(.*?)(" + constant(args, 1, "regexp_replace") + ")";
        return DialectRules.template("REGEXP_REPLACE({0}, {1}, {2})", args.get(0), literal(pattern),
                literal("\\1" + backReferences(constant(args, 2, "regexp_replace"), 2, 2)));
    }

    /**
     * PostgreSQL's replacement text ({@code \1}, {@code \&}) for PCRE, where the pattern's groups are numbered
     * {@code shift} higher and the whole match is group {@code whole}.
     */
    private static String backReferences(String replacement, int shift, int whole) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(++i);
                if (Character.isDigit(next)) {
                    out.append('\\').append(next - '0' + shift);
                } else if (next == '&') {
                    out.append('\\').append(whole);
                } else {
                    out.append(next == '\\' ? "\\\\" : String.valueOf(next));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static SqlNode countNulls(List<SqlNode> args, boolean nulls) {
        StringBuilder text = new StringBuilder("(0");
        for (int i = 0; i < args.size(); i++) {
            text.append(" + ({").append(i).append(nulls ? "} IS NULL)" : "} IS NOT NULL)");
        }
        return DialectRules.template(text.append(')').toString(), args.toArray(SqlNode[]::new));
    }

    /** {@code jsonb_set(doc, path, value [, create_missing])}: the new value is JSON text, as PostgreSQL reads it. */
    private static SqlNode jsonbSet(List<SqlNode> args) {
        boolean create = args.size() < 4 || !(args.get(3) instanceof SqlLiteral flag)
                || !Boolean.FALSE.equals(flag.getValue());
        SqlNode path = JsonPaths.mysqlPath(literal(constant(args, 1, "jsonb_set")), true);
        return DialectRules.template((create ? "JSON_SET" : "JSON_REPLACE") + "({0}, {1}, JSON_EXTRACT({2}, '$'))",
                args.get(0), path, args.get(2));
    }

    /**
     * {@code format(fmt, args…)} with a constant format: {@code %s} is the argument as text (NULL as nothing),
     * {@code %L} a quoted literal (NULL unquoted), {@code %%} a percent sign. MariaDB's FORMAT formats numbers.
     */
    private static SqlNode format(List<SqlNode> args) {
        String fmt = constant(args, 0, "format");
        StringBuilder text = new StringBuilder("CONCAT(''");
        StringBuilder plain = new StringBuilder();
        int next = 1;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                plain.append(c);
                continue;
            }
            char spec = i + 1 < fmt.length() ? fmt.charAt(++i) : ' ';
            if (spec == '%') {
                plain.append('%');
                continue;
            }
            if ((spec != 's' && spec != 'L') || next >= args.size()) {
                throw TranslationException.unsupported("format() with %" + spec, SqlTarget.MARIADB);
            }
            text.append(", ").append(quote(plain.toString()));
            plain.setLength(0);
            // %L doubles quotes as PostgreSQL's quote_literal does; MariaDB's QUOTE() escapes with backslashes.
            text.append(spec == 's' ? ", COALESCE(CAST({" + next + "} AS CHAR), '')"
                    : ", COALESCE(CONCAT('''', REPLACE(CAST({" + next + "} AS CHAR), '''', ''''''), ''''), 'NULL')");
            next++;
        }
        text.append(", ").append(quote(plain.toString())).append(')');
        return DialectRules.template(text.toString(), args.toArray(SqlNode[]::new));
    }

    private static String constant(List<SqlNode> args, int index, String function) {
        String value = index < args.size() ? DialectRules.stringValue(args.get(index)) : null;
        if (value == null) {
            throw TranslationException.unsupported(function + "() with an argument that is not a constant",
                    SqlTarget.MARIADB);
        }
        return value;
    }

    private static SqlNode literal(String text) {
        return SqlLiteral.createCharString(text, SqlParserPos.ZERO);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
