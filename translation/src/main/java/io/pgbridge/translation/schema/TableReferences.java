package io.pgbridge.translation.schema;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables a statement names after FROM, JOIN, INTO, UPDATE and USING, at any depth, with their aliases, looked up
 * in the catalog. Column references resolve against them the way a careful reader would: a qualified column by its
 * alias, an unqualified one only when exactly one named table has it and every name in the statement is a known
 * table (a CTE, a subquery or a function in FROM could hold the column too, so then nothing is resolved).
 */
final class TableReferences {
    private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "on", "set", "left", "right", "inner",
            "full", "cross", "natural", "group", "order", "limit", "offset", "values", "default", "select", "using",
            "returning", "union", "except", "intersect", "window", "having", "for", "overriding", "fetch",
            "tablesample", "lateral", "outer", "do", "as", "from", "into", "query");

    private final Map<String, TableShape> byAlias = new HashMap<>();
    private final List<TableShape> tables = new ArrayList<>();
    private boolean unknownSources;

    private TableReferences() {
    }

    static TableReferences of(SqlTokens t, Catalog catalog) {
        TableReferences refs = new TableReferences();
        for (int i = 0; i < t.size(); i++) {
            if (t.isWord(i, "from") || t.isWord(i, "join") || t.isWord(i, "into") || t.isWord(i, "update")
                    || t.isWord(i, "using")) {
                // UPDATE: the statement's verb, or DO UPDATE / FOR UPDATE (no table follows them).
                refs.readList(t, i + 1, catalog);
            }
        }
        return refs;
    }

    /** The table at {@code i}: schema-qualified or not. Null when there is none (a subquery or a function). */
    static QualifiedName nameAt(SqlTokens t, int i) {
        String first = identifier(t, i);
        if (first == null || (t.type(i) == TokenType.IDENTIFIER && NOT_AN_ALIAS.contains(first))) {
            return null;
        }
        if (t.type(i + 1) == TokenType.DOT) {
            String second = identifier(t, i + 2);
            return second == null ? null : new QualifiedName(first, second, i + 2);
        }
        return new QualifiedName(null, first, i);
    }

    /** A table name as written: its schema (or null), name, and the index of its last token. */
    record QualifiedName(String schema, String name, int lastToken) {
    }

    /** The identifier at {@code i} as PostgreSQL folds it, or null if token {@code i} is not an identifier. */
    static String identifier(SqlTokens t, int i) {
        return switch (t.type(i)) {
            case IDENTIFIER -> t.text(i).toLowerCase(Locale.ROOT);
            case QUOTED_IDENTIFIER -> {
                String text = t.text(i);
                yield text.startsWith("\"") ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : null;
            }
            default -> null;
        };
    }

    private void readList(SqlTokens t, int i, Catalog catalog) {
        while (true) {
            if (t.isWord(i, "only") || t.isWord(i, "lateral")) {
                i++;
            }
            if (t.type(i) == TokenType.LEFT_PAREN) {
                unknownSources = true;   // a subquery: its columns are not in the catalog
                return;
            }
            QualifiedName name = nameAt(t, i);
            if (name == null) {
                return;
            }
            int next = name.lastToken() + 1;
            if (t.type(next) == TokenType.LEFT_PAREN) {
                unknownSources = true;   // a set-returning function
                return;
            }
            Optional<TableShape> shape = catalog.table(name.schema(), name.name());
            String alias = name.name();
            if (t.isWord(next, "as")) {
                next++;
            }
            String written = identifier(t, next);
            if (written != null && !(t.type(next) == TokenType.IDENTIFIER && NOT_AN_ALIAS.contains(written))) {
                alias = written;
                next++;
            }
            if (shape.isPresent()) {
                byAlias.put(alias, shape.get());
                tables.add(shape.get());
            } else {
                unknownSources = true;
            }
            if (t.type(next) != TokenType.COMMA) {
                return;
            }
            i = next + 1;
        }
    }

    /** The table a statement's target name stands for (INSERT INTO t, UPDATE t): by alias or by name. */
    Optional<TableShape> table(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    /** The column {@code qualifier.column} ({@code qualifier} may be null); empty when it cannot be told for sure. */
    Optional<ColumnShape> column(String qualifier, String column) {
        if (column == null) {
            return Optional.empty();
        }
        if (qualifier != null) {
            TableShape table = byAlias.get(qualifier);
            return table == null ? Optional.empty() : table.column(column);
        }
        if (unknownSources) {
            return Optional.empty();
        }
        ColumnShape found = null;
        for (TableShape table : tables) {
            Optional<ColumnShape> c = table.column(column);
            if (c.isPresent()) {
                if (found != null && found != c.get()) {
                    return Optional.empty();
                }
                found = c.get();
            }
        }
        return Optional.ofNullable(found);
    }
}
