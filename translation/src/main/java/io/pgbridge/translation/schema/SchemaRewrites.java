package io.pgbridge.translation.schema;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.TextEdits;
import io.pgbridge.translation.TranslationException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites of PostgreSQL text into PostgreSQL text that only the backend's schema can decide, done when a statement
 * runs. First, it gives untyped string literals the type of the column they are written into or compared with, as PostgreSQL's
 * type resolution does ({@code INSERT INTO t (b) VALUES ('\xff')} stores one byte into a bytea column), by adding an
 * explicit cast: {@code '\xff'::bytea}. Backends read an untyped string by their own rules (H2 stores that as four
 * characters' bytes; MariaDB rejects {@code 'on'} for a boolean); the translators already translate the typed form
 * right. Output is PostgreSQL, for the dialect translator to take from there.
 *
 * <p>Also resolves what only the table's keys can answer: {@code ON CONFLICT ON CONSTRAINT name} becomes the
 * constraint's column list, and a conflict target without a matching unique key fails with 42P10, as in PostgreSQL.
 * And {@code length(c)} of a bytea column counts bytes in PostgreSQL, which backends' length functions do not, so it
 * becomes {@code octet_length(c)}. A value for an identity column GENERATED ALWAYS (which a backend may not tell from
 * BY DEFAULT) fails with 428C9 unless the INSERT says OVERRIDING SYSTEM VALUE, and arithmetic on a text column with
 * 42883 ({@link TextArithmetic}).
 * And column references get a cast to their own type where a backend without that type would lose it
 * ({@link ColumnCasts}).
 * Positions: casts are appended after literals, so error positions before them are unchanged.
 */
public final class SchemaRewrites {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    /** Words a plain literal may follow; any other word before a literal is a type name ({@code date '…'}). */
    private static final Set<String> CLAUSE_WORDS = Set.of("where", "and", "or", "not", "when", "then", "else", "in",
            "on", "having", "select", "set", "by", "returning", "values", "is", "distinct", "as", "case", "between",
            "like", "ilike", "default");

    private final SqlTokens t;
    private final Catalog catalog;
    /** Set when the pass reads parameters' types ({@link #parameterTypes}) instead of casting literals. */
    private final Map<Integer, String> parameters;
    private final TextEdits edits = new TextEdits();
    private final BitSet handled = new BitSet();
    private TableReferences refs;

    private SchemaRewrites(SqlTokens t, Catalog catalog, Map<Integer, String> parameters) {
        this.t = t;
        this.catalog = catalog;
        this.parameters = parameters;
    }

    /**
     * A cheap test on the text: only an INSERT or a statement with a quoted literal, ON CONFLICT, length(), an
     * addition or subtraction or grouping sets can change (or fail).
     */
    public static boolean mayApply(String sql) {
        if (sql.indexOf('\'') >= 0 || sql.contains("$$") || sql.indexOf('-') >= 0 || sql.indexOf('+') >= 0) {
            return true;
        }
        if (sql.stripLeading().regionMatches(true, 0, "insert", 0, 6)) {
            return true;   // an identity column GENERATED ALWAYS may be given a value
        }
        for (int i = 0; i + 4 <= sql.length(); i++) {
            switch (sql.charAt(i) | 0x20) {
                case 'c' -> {
                    if (sql.regionMatches(true, i, "conflict", 0, 8) || sql.regionMatches(true, i, "cube", 0, 4)) {
                        return true;
                    }
                }
                case 'l' -> {
                    if (sql.regionMatches(true, i, "length", 0, 6)) {
                        return true;
                    }
                }
                case 'r', 'g' -> {
                    if (sql.regionMatches(true, i, "rollup", 0, 6) || sql.regionMatches(true, i, "grouping", 0, 8)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Looks up, and so reads into the catalog's cache, every table {@code sql} names after FROM, JOIN and the like. */
    public static void readTablesOf(String sql, Catalog catalog) {
        TableReferences.of(new SqlTokens(sql), catalog);
    }

    /**
     * Whether the statement names a conflict constraint ({@code ON CONFLICT ON CONSTRAINT c}), which only the
     * catalog can turn into the column list that translators need.
     */
    public static boolean namesConflictConstraint(String sql) {
        if (!mayApply(sql)) {
            return false;
        }
        SqlTokens t = new SqlTokens(sql);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.isWord(i, "conflict") && t.isWord(i + 1, "on") && t.isWord(i + 2, "constraint")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code sql} with the casts added, or {@code sql} itself when nothing needed one.
     *
     * @throws TranslationException 42P10 or 42704 for ON CONFLICT targets the table has no key for
     */
    public static String apply(String sql, Catalog catalog) {
        SqlTokens t = new SqlTokens(sql);
        if (t.size() == 0) {
            return sql;
        }
        SchemaRewrites pass = new SchemaRewrites(t, catalog, null);
        pass.run();
        return pass.edits.isEmpty() ? sql : pass.edits.applyTo(sql);
    }

    /**
     * The PostgreSQL type (as {@link ColumnShape#pgType()} writes it) of each parameter {@code $n} that goes into a
     * column or is compared with one, by n: what PostgreSQL infers at Parse for the same places, for backends whose
     * drivers cannot describe parameters. The places are those where {@link #apply} casts a literal.
     */
    public static Map<Integer, String> parameterTypes(String sql, Catalog catalog) {
        SqlTokens t = new SqlTokens(sql);
        Map<Integer, String> types = new HashMap<>();
        if (t.size() > 0) {
            try {
                new SchemaRewrites(t, catalog, types).run();
            } catch (TranslationException wrongStatement) {
                // an ON CONFLICT without a key: the statement fails when it runs, whatever its parameters
            }
        }
        return types;
    }

    /** Whether an untyped literal into a column of this type reads differently on some backend than on PostgreSQL. */
    static boolean needsCast(String pgType) {
        return switch (pgType) {
            case "bytea", "boolean", "json", "jsonb", "uuid", "interval" -> true;
            default -> pgType.endsWith("[]");
        };
    }

    private void run() {
        refs = TableReferences.of(t, catalog);
        int verb = 0;
        if (t.isWord(0, "with")) {
            return;   // the tables of a WITH clause's statements are not worth the risk of a wrong reading
        }
        if (t.isWord(verb, "insert") && t.isWord(verb + 1, "into")) {
            insert(verb + 2);
        } else if (t.isWord(verb, "update")) {
            TableReferences.QualifiedName name = TableReferences.nameAt(t, t.isWord(1, "only") ? 2 : 1);
            int set = t.findWord(verb + 1, t.size(), "set");
            if (name != null && set > 0) {
                catalog.table(name.schema(), name.name()).ifPresent(table -> assignments(set + 1, table));
            }
        }
        comparisons();
        byteaLengths();
        ColumnCasts.add(t, refs, edits);
        TextArithmetic.refuse(t, refs);
    }

    /** {@code length(col)} of a bytea column as {@code octet_length(col)}: bytes, as PostgreSQL counts them. */
    private void byteaLengths() {
        for (int i = 0; i + 2 < t.size(); i++) {
            int close = t.partner(i + 1);
            if (!t.isWord(i, "length") || t.type(i + 1) != TokenType.LEFT_PAREN || close < 0 || bindsBefore(i - 1)) {
                continue;
            }
            Optional<ColumnShape> column = close == i + 3 ? refs.column(null, TableReferences.identifier(t, i + 2))
                    : close == i + 5 && t.type(i + 3) == TokenType.DOT && TableReferences.identifier(t, i + 2) != null
                    ? refs.column(TableReferences.identifier(t, i + 2), TableReferences.identifier(t, i + 4))
                    : Optional.empty();
            if (column.isPresent() && column.get().pgType().equals("bytea")) {
                edits.replace(t.start(i), t.end(i), "octet_length");
            }
        }
    }

    private void insert(int nameAt) {
        TableReferences.QualifiedName name = TableReferences.nameAt(t, nameAt);
        if (name == null) {
            return;
        }
        Optional<TableShape> found = catalog.table(name.schema(), name.name());
        if (found.isEmpty()) {
            return;
        }
        TableShape table = found.get();
        int i = name.lastToken() + 1;
        if (t.isWord(i, "as")) {
            i += 2;
        }
        List<String> columns = new ArrayList<>();
        if (t.type(i) == TokenType.LEFT_PAREN && t.partner(i) > i) {
            for (int[] item : t.splitByCommas(i + 1, t.partner(i))) {
                String column = item[1] - item[0] == 1 ? TableReferences.identifier(t, item[0]) : null;
                columns.add(column);
            }
            i = t.partner(i) + 1;
        } else {
            table.columns().forEach(c -> columns.add(c.name()));
        }
        boolean overridingSystemValue = t.isWord(i, "overriding") && t.isWord(i + 1, "system");
        if (t.isWord(i, "overriding")) {
            i += 3;
        }
        List<List<int[]>> rows = new ArrayList<>();
        boolean values = t.isWord(i, "values");
        if (values) {
            i = valuesRows(i + 1, table, columns, rows);
        }
        if (!overridingSystemValue && !t.isWord(i, "default")) {
            refuseValuesForGeneratedAlways(table, columns, values ? rows : null);
        }
        int conflict = t.findWord(i, t.size(), "conflict");
        if (conflict > 0 && t.isWord(conflict - 1, "on")) {
            onConflict(conflict + 1, table, columns, rows);
        }
    }

    /**
     * An identity column GENERATED ALWAYS takes no value but DEFAULT without OVERRIDING SYSTEM VALUE (428C9), which
     * a backend that cannot tell it from BY DEFAULT does not check itself. {@code rows} is null for a query source.
     */
    private void refuseValuesForGeneratedAlways(TableShape table, List<String> columns, List<List<int[]>> rows) {
        for (int c = 0; c < columns.size(); c++) {
            Optional<ColumnShape> column = columns.get(c) == null ? Optional.empty() : table.column(columns.get(c));
            if (column.isEmpty() || !column.get().generatedAlways()) {
                continue;
            }
            boolean allDefault = rows != null;
            for (List<int[]> row : rows == null ? List.<List<int[]>>of() : rows) {
                allDefault &= c < row.size() && row.get(c)[1] - row.get(c)[0] == 1 && t.isWord(row.get(c)[0], "default");
            }
            if (!allDefault) {
                throw new TranslationException("428C9", "cannot insert a non-DEFAULT value into column \""
                        + column.get().name() + "\"", 0);
            }
        }
    }

    /** Casts the literals of each VALUES row; returns the index after the last row. */
    private int valuesRows(int i, TableShape table, List<String> columns, List<List<int[]>> rows) {
        while (t.type(i) == TokenType.LEFT_PAREN && t.partner(i) > i) {
            List<int[]> items = t.splitByCommas(i + 1, t.partner(i));
            rows.add(items);
            for (int c = 0; c < items.size() && c < columns.size(); c++) {
                int[] item = items.get(c);
                if (item[1] - item[0] == 1 && columns.get(c) != null) {
                    table.column(columns.get(c)).ifPresent(column -> cast(item[0], column));
                }
            }
            i = t.partner(i) + 1;
            if (t.type(i) != TokenType.COMMA) {
                break;
            }
            i++;
        }
        return i;
    }

    private void onConflict(int i, TableShape table, List<String> columns, List<List<int[]>> rows) {
        List<String> target = null;
        if (t.isWord(i, "on") && t.isWord(i + 1, "constraint")) {
            String constraint = TableReferences.identifier(t, i + 2);
            if (constraint == null) {
                return;
            }
            UniqueKey key = table.constraintNamed(constraint).orElseThrow(() -> new TranslationException("42704",
                    "constraint \"" + constraint + "\" for table \"" + table.name() + "\" does not exist", 0));
            target = key.columns();
            edits.replace(t.start(i), t.end(i + 2), "(" + quotedList(target) + ")");
            i += 3;
        } else if (t.type(i) == TokenType.LEFT_PAREN && t.partner(i) > i) {
            target = new ArrayList<>();
            for (int[] item : t.splitByCommas(i + 1, t.partner(i))) {
                String column = item[1] - item[0] == 1 ? TableReferences.identifier(t, item[0]) : null;
                if (column == null) {
                    return;   // an expression or an opclass: a unique index on it cannot be told from JDBC metadata
                }
                target.add(column);
            }
            i = t.partner(i) + 1;
            if (!t.isWord(i, "where") && table.keysKnown() && !table.hasUniqueKeyOn(new HashSet<>(target))) {
                throw new TranslationException("42P10",
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification", 0);
            }
        }
        if (target == null) {
            return;
        }
        int doWord = t.findWord(i, t.size(), "do");
        if (doWord > 0 && t.isWord(doWord + 1, "update") && t.isWord(doWord + 2, "set")) {
            sameRowTwice(target, columns, rows);
            assignments(doWord + 3, table);
        }
    }

    /**
     * PostgreSQL refuses to update one row twice in one INSERT … ON CONFLICT DO UPDATE (21000); rows written as the
     * same literals in every conflict column certainly hit the same row.
     */
    private void sameRowTwice(List<String> target, List<String> columns, List<List<int[]>> rows) {
        Set<List<String>> seen = new HashSet<>();
        for (List<int[]> row : rows) {
            List<String> key = new ArrayList<>();
            for (String column : target) {
                int c = columns.indexOf(column);
                if (c < 0 || c >= row.size() || row.get(c)[1] - row.get(c)[0] != 1
                        || !isLiteral(row.get(c)[0]) && t.type(row.get(c)[0]) != TokenType.NUMBER) {
                    return;
                }
                key.add(t.text(row.get(c)[0]));
            }
            if (!seen.add(key)) {
                throw new TranslationException("21000",
                        "ON CONFLICT DO UPDATE command cannot affect row a second time", 0);
            }
        }
    }

    /** {@code col = 'literal'} items of a SET list, up to the clause that ends it. */
    private void assignments(int from, TableShape table) {
        int end = t.findWord(from, t.size(), "from", "where", "returning");
        for (int[] item : t.splitByCommas(from, end < 0 ? t.size() : end)) {
            String column = TableReferences.identifier(t, item[0]);
            if (item[1] - item[0] == 3 && column != null && t.isOperator(item[0] + 1, "=")) {
                table.column(column).ifPresent(c -> cast(item[0] + 2, c));
            }
        }
    }

    /** {@code col op 'literal'}, {@code 'literal' op col} and {@code col IN ('a', 'b')} anywhere in the statement. */
    private void comparisons() {
        for (int i = 0; i < t.size(); i++) {
            if (!isLiteral(i) || handled.get(i) || isTyped(i)) {
                continue;
            }
            int literal = i;
            if (COMPARISONS.contains(operator(i - 1))) {
                columnEndingAt(i - 2).ifPresent(c -> cast(literal, c));
            } else if (COMPARISONS.contains(operator(i + 1)) && !bindsBefore(i - 1)) {
                columnStartingAt(i + 2).ifPresent(c -> cast(literal, c));
            } else if (t.type(i - 1) == TokenType.LEFT_PAREN && t.isWord(i - 2, "in")) {
                inList(i - 1);
            }
        }
    }

    private void inList(int open) {
        int close = t.partner(open);
        Optional<ColumnShape> column = columnEndingAt(open - 2);
        if (close < 0 || column.isEmpty()) {
            return;
        }
        for (int[] item : t.splitByCommas(open + 1, close)) {
            if (item[1] - item[0] != 1 || !isLiteral(item[0])) {
                return;
            }
        }
        for (int[] item : t.splitByCommas(open + 1, close)) {
            cast(item[0], column.get());
        }
    }

    /** The column whose reference ends at token {@code i} ({@code col} or {@code alias.col}), if that is one. */
    private Optional<ColumnShape> columnEndingAt(int i) {
        String column = TableReferences.identifier(t, i);
        if (column == null) {
            return Optional.empty();
        }
        if (t.type(i - 1) == TokenType.DOT) {
            String qualifier = TableReferences.identifier(t, i - 2);
            return qualifier == null || t.type(i - 3) == TokenType.DOT || bindsBefore(i - 3)
                    ? Optional.empty() : refs.column(qualifier, column);
        }
        return bindsBefore(i - 1) ? Optional.empty() : refs.column(null, column);
    }

    private Optional<ColumnShape> columnStartingAt(int i) {
        String first = TableReferences.identifier(t, i);
        if (first == null) {
            return Optional.empty();
        }
        if (t.type(i + 1) == TokenType.DOT) {
            String column = TableReferences.identifier(t, i + 2);
            return column == null || bindsAfter(i + 3) ? Optional.empty() : refs.column(first, column);
        }
        return bindsAfter(i + 1) ? Optional.empty() : refs.column(null, first);
    }

    /** Whether token {@code i}, just before an operand, makes that operand part of a wider expression. */
    private boolean bindsBefore(int i) {
        return t.type(i) == TokenType.OPERATOR && !COMPARISONS.contains(t.text(i)) || t.type(i) == TokenType.DOT;
    }

    /** Whether token {@code i}, just after an operand, makes that operand part of a wider expression. */
    private boolean bindsAfter(int i) {
        TokenType type = t.type(i);
        return type == TokenType.DOT || type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET
                || type == TokenType.OPERATOR && !COMPARISONS.contains(t.text(i));
    }

    private boolean isLiteral(int i) {
        TokenType type = t.type(i);
        if (parameters != null) {
            return type == TokenType.PARAMETER;
        }
        return type == TokenType.STRING || type == TokenType.ESCAPE_STRING || type == TokenType.DOLLAR_STRING;
    }

    /** A literal that already has a type ({@code '…'::t}, {@code date '…'}) or takes part in a wider expression. */
    private boolean isTyped(int i) {
        return bindsAfter(i + 1) || bindsBefore(i - 1)
                || t.type(i - 1) == TokenType.IDENTIFIER && !CLAUSE_WORDS.contains(t.word(i - 1));
    }

    private String operator(int i) {
        return t.type(i) == TokenType.OPERATOR ? t.text(i) : "";
    }

    private void cast(int literal, ColumnShape column) {
        if (parameters != null) {
            if (!handled.get(literal) && isLiteral(literal) && !isTyped(literal)) {
                parameters.putIfAbsent(Integer.parseInt(t.text(literal).substring(1)), column.pgType());
            }
            handled.set(literal);
            return;
        }
        if (handled.get(literal) || !isLiteral(literal) || isTyped(literal) || !needsCast(column.pgType())) {
            handled.set(literal);
            return;
        }
        handled.set(literal);
        edits.insert(t.end(literal), "::" + column.pgType());
    }

    private static String quotedList(List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append('"').append(column.replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }
}
