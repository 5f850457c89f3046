package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * PostgreSQL arrays on backends that have none: MariaDB and SQLite store them as JSON arrays ({@code ["a", null]},
 * numbers and booleans bare), which their JSON functions read. Constructors, literals, subscripts, ANY/ALL, the
 * operators and the array functions are written with those functions; operands arrive translated. The proxy
 * presents such columns as arrays again (the translation names their types, see {@link ExpressionTypes}).
 */
abstract class ArrayRules {
    final DialectRules rules;

    ArrayRules(DialectRules rules) {
        this.rules = rules;
    }

    /** {@code ARRAY[a, b]}. */
    abstract SqlNode construct(List<SqlNode> elements);

    /** {@code '{a,b}'::text[]}: the JSON array, built here from the literal (typed literals are never stood in). */
    final SqlNode literal(String text, PgType element) {
        return SqlLiteral.createCharString(PgArrayText.toJson(text, element), SqlParserPos.ZERO);
    }

    /** {@code a[i]}, 1-based; NULL outside the array. */
    abstract SqlNode subscript(SqlNode array, SqlNode index);

    /**
     * {@code left op ANY (array)} or {@code ALL}, with PostgreSQL's three-valued answer: ANY is true if some
     * comparison is, ALL false if some comparison is; otherwise a NULL comparison makes it NULL.
     */
    final SqlNode quantified(SqlNode left, SqlKind comparison, boolean any, SqlNode array) {
        String rows = "EXISTS (SELECT 1 FROM " + elementsTemplate("{1}") + " WHERE ";
        String test = "{0} " + comparison.sql + " pgbridge_e.pgbridge_v";
        return DialectRules.template("(CASE WHEN {1} IS NULL THEN NULL WHEN " + rows
                + (any ? test : "NOT (" + test + ")") + ") THEN " + (any ? 1 : 0) + " WHEN " + rows + "(" + test
                + ") IS NULL) THEN NULL ELSE " + (any ? 0 : 1) + " END)", left, array);
    }

    /**
     * The elements of the array {@code array} (template text) as a FROM item {@code pgbridge_e} whose element
     * column is {@code pgbridge_v}: no other name, so that the client's names inside the test mean the outer
     * query's columns (SQLite's json_each has columns id, key, type… of its own).
     */
    abstract String elementsTemplate(String array);

    /**
     * The elements of {@code array} as the FROM item {@code alias}, its column named {@code column} where the
     * backend can name it ({@link #namesElementColumn}), else {@code value}.
     */
    abstract SqlNode elements(SqlNode array, String alias, String column);

    /** Whether {@link #elements} names its column as asked. */
    abstract boolean namesElementColumn();

    /** {@code a @> b}: every element of b equals an element of a (NULL equals nothing). */
    abstract SqlNode contains(SqlNode a, SqlNode b);

    /** {@code a && b}: some non-NULL element is in both. */
    abstract SqlNode overlaps(SqlNode a, SqlNode b);

    /** {@code array_agg(x [ORDER BY …])}, {@code DISTINCT} in {@code call}'s quantifier; NULLs are kept. */
    abstract SqlNode aggregate(SqlCall call, SqlNode value, SqlNodeList order);

    /** The array functions by name (array_length, array_append…); null for other names. */
    abstract SqlNode function(String name, List<SqlNode> args);

    /**
     * {@code function([DISTINCT] values… [ORDER BY order])}, the DISTINCT from {@code call}: the form of the
     * backends' JSON aggregates (SQLite 3.44+ and MariaDB both take ORDER BY inside the call).
     */
    final SqlNode aggregate(String function, SqlCall call, List<SqlNode> values, SqlNodeList order) {
        List<SqlNode> operands = new java.util.ArrayList<>(values);
        StringBuilder text = new StringBuilder(function).append('(')
                .append(call.getFunctionQuantifier() != null ? "DISTINCT " : "");
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "{" : ", {").append(i).append('}');
        }
        if (order != null && !order.isEmpty()) {
            text.append(" ORDER BY {").append(values.size()).append('}');
            operands.add(orderKeys(order));
        }
        return DialectRules.template(text.append(')').toString(), operands.toArray(SqlNode[]::new));
    }

    /** The ORDER BY keys of an aggregate, each with PostgreSQL's NULL placement. */
    final SqlNodeList orderKeys(SqlNodeList order) {
        SqlNodeList keys = new SqlNodeList(SqlParserPos.ZERO);
        for (SqlNode key : order) {
            keys.addAll(OrderKeys.translate(key, rules));
        }
        return keys;
    }
}
