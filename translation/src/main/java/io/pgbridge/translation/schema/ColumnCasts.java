package io.pgbridge.translation.schema;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;

import java.util.Optional;
import java.util.Set;

/**
 * Column references given an explicit cast to their own type where a backend without that type would lose it, so
 * that the dialect translators, which read types only from the text, see it. A cast of a column to its own type
 * changes nothing in PostgreSQL, not even the result column's name ({@code closed::boolean} is still called
 * {@code closed}). The places:
 * <ul>
 *   <li>a boolean column as an argument of a JSON builder ({@code jsonb_build_object('ok', ok)}): MariaDB's BOOLEAN
 *       is a TINYINT and its JSON functions would write 1 and 0;</li>
 *   <li>a boolean column in the select list of a query with ROLLUP, CUBE or GROUPING SETS, whose result MariaDB
 *       describes as a plain integer;</li>
 *   <li>both timestamp, timestamptz or date columns of a difference {@code a - b}, which is an interval or a
 *       number of days in PostgreSQL, and whose meaning the translators know only from the operands' types.</li>
 * </ul>
 */
final class ColumnCasts {
    private static final Set<String> JSON_BUILDERS = Set.of("json_build_object", "jsonb_build_object",
            "json_build_array", "jsonb_build_array", "to_json", "to_jsonb", "json_agg", "jsonb_agg",
            "json_object_agg", "jsonb_object_agg");
    private static final Set<String> TEMPORAL = Set.of("timestamp", "timestamptz", "date");
    /** Operators after an operand that take it away from a surrounding {@code -}: it is theirs first. */
    private static final Set<String> LOOSER_THAN_MINUS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "+", "-");

    private final SqlTokens t;
    private final TableReferences refs;
    private final TextEdits edits;

    /** A column reference over tokens {@code first..last}. */
    private record Ref(ColumnShape column, int first, int last) {
    }

    private ColumnCasts(SqlTokens t, TableReferences refs, TextEdits edits) {
        this.t = t;
        this.refs = refs;
        this.edits = edits;
    }

    /** Adds the casts to {@code edits}. */
    static void add(SqlTokens t, TableReferences refs, TextEdits edits) {
        new ColumnCasts(t, refs, edits).run();
    }

    private void run() {
        boolean groupingSets = false;
        for (int i = 0; i < t.size(); i++) {
            groupingSets |= t.isWord(i, "rollup") || t.isWord(i, "cube") || t.isWord(i, "grouping")
                    && t.isWord(i + 1, "sets");
        }
        for (int i = 0; i < t.size(); i++) {
            String word = t.word(i);
            if (word != null && JSON_BUILDERS.contains(word) && t.type(i + 1) == TokenType.LEFT_PAREN
                    && t.type(i - 1) != TokenType.DOT) {
                jsonArguments(i + 1);
            } else if (groupingSets && "select".equals(word)) {
                selectList(i + 1);
            } else if (t.isOperator(i, "-")) {
                difference(i);
            }
        }
    }

    private void jsonArguments(int open) {
        int close = t.partner(open);
        if (close < 0) {
            return;
        }
        for (int[] item : t.splitByCommas(open + 1, close)) {
            startingAt(item[0]).filter(r -> r.last() == item[1] - 1 && isBoolean(r)).ifPresent(this::cast);
        }
    }

    /** The items of a select list that are a boolean column, with or without an alias. */
    private void selectList(int from) {
        int end = levelEnd(from);
        int fromWord = t.findWord(from, end, "from");
        for (int[] item : t.splitByCommas(from, fromWord < 0 ? end : fromWord)) {
            Optional<Ref> ref = startingAt(item[0]).filter(this::isBoolean);
            if (ref.isEmpty()) {
                continue;
            }
            int after = ref.get().last() + 1;
            boolean aliased = t.isWord(after, "as") ? after + 2 == item[1]
                    : after + 1 == item[1] && TableReferences.identifier(t, after) != null;
            if (after == item[1] || aliased) {
                cast(ref.get());
            }
        }
    }

    /** {@code a - b} of two temporal columns, each operand the whole of its side. */
    private void difference(int minus) {
        Optional<Ref> left = endingAt(minus - 1);
        Optional<Ref> right = startingAt(minus + 1);
        if (left.isEmpty() || right.isEmpty() || t.type(left.get().first() - 1) == TokenType.OPERATOR
                || !isTemporal(left.get()) || !isTemporal(right.get())) {
            return;
        }
        int after = right.get().last() + 1;
        if (t.type(after) == TokenType.OPERATOR && !LOOSER_THAN_MINUS.contains(t.text(after))
                || t.type(after) == TokenType.LEFT_BRACKET) {
            return;
        }
        cast(left.get());
        cast(right.get());
    }

    /** The column reference ({@code col} or {@code alias.col}) that starts at token {@code i}, if it is one. */
    private Optional<Ref> startingAt(int i) {
        if (TableReferences.identifier(t, i) == null || t.type(i - 1) == TokenType.DOT || t.isOperator(i - 1, "::")) {
            return Optional.empty();
        }
        if (t.type(i + 1) == TokenType.DOT) {
            return ref(TableReferences.identifier(t, i), i, i + 2);
        }
        return ref(null, i, i);
    }

    /** The column reference that ends at token {@code i}, if it is one. */
    private Optional<Ref> endingAt(int i) {
        if (t.type(i - 1) == TokenType.DOT) {
            String qualifier = TableReferences.identifier(t, i - 2);
            return qualifier == null || t.type(i - 3) == TokenType.DOT || t.isOperator(i - 3, "::")
                    ? Optional.empty() : ref(qualifier, i - 2, i);
        }
        return t.isOperator(i - 1, "::") ? Optional.empty() : ref(null, i, i);
    }

    private Optional<Ref> ref(String qualifier, int first, int last) {
        TokenType after = t.type(last + 1);
        if (after == TokenType.DOT || after == TokenType.LEFT_PAREN || t.isOperator(last + 1, "::")) {
            return Optional.empty();
        }
        return refs.column(qualifier, TableReferences.identifier(t, last)).map(c -> new Ref(c, first, last));
    }

    private boolean isBoolean(Ref ref) {
        return ref.column().pgType().equals("boolean");
    }

    private boolean isTemporal(Ref ref) {
        return TEMPORAL.contains(ref.column().pgType());
    }

    private void cast(Ref ref) {
        edits.insert(t.end(ref.last()), "::" + ref.column().pgType());
    }

    /** The index just after the last token of the nesting level of token {@code from}. */
    private int levelEnd(int from) {
        for (int i = from; i < t.size(); i++) {
            int partner = t.partner(i);
            if (partner > i) {
                i = partner;
            } else if (partner >= 0 && partner < from) {
                return i;
            }
        }
        return t.size();
    }
}
