package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * Arrays on MariaDB, as JSON text read with its JSON functions. Elements are taken apart with JSON_TABLE, as text
 * compared case-sensitively (PostgreSQL's text equality; MariaDB's default collations ignore case).
 */
final class MariaDbArrayRules extends ArrayRules {
    /** The elements of {0} in order: {@code (pgbridge_o, pgbridge_v)}. */
    static final String ELEMENTS = "JSON_TABLE({0}, '$[*]' COLUMNS (pgbridge_o FOR ORDINALITY, pgbridge_v LONGTEXT"
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$'))";

    MariaDbArrayRules(DialectRules rules) {
        super(rules);
    }

    @Override
    SqlNode construct(List<SqlNode> elements) {
        return DialectRules.call("JSON_ARRAY", elements);
    }

    @Override
    SqlNode subscript(SqlNode array, SqlNode index) {
        return DialectRules.template("(CASE WHEN {1} >= 1 THEN JSON_VALUE({0}, CONCAT('$[', {1} - 1, ']')) END)",
                array, index);
    }

    @Override
    String elementsTemplate(String array) {
        return ELEMENTS.replace("{0}", array) + " AS pgbridge_e";
    }

    @Override
    SqlNode elements(SqlNode array, String alias, String column) {
        String named = ELEMENTS.replace("pgbridge_v LONGTEXT", rules.dialect().quoteIdentifier(column) + " LONGTEXT");
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, DialectRules.template(named, array),
                new SqlIdentifier(alias, SqlParserPos.ZERO));
    }

    @Override
    boolean namesElementColumn() {
        return true;
    }

    @Override
    SqlNode contains(SqlNode a, SqlNode b) {
        // JSON_CONTAINS finds a null element in [null]; PostgreSQL's array equality never does.
        return DialectRules.template("(CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL WHEN JSON_CONTAINS({1}, '[null]')"
                + " THEN 0 ELSE JSON_CONTAINS({0}, {1}) END)", a, b);
    }

    @Override
    SqlNode overlaps(SqlNode a, SqlNode b) {
        return DialectRules.template("(CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM "
                + ELEMENTS + " AS pgbridge_e WHERE pgbridge_e.pgbridge_v IS NOT NULL"
                + " AND JSON_CONTAINS({1}, JSON_EXTRACT({0}, CONCAT('$[', pgbridge_e.pgbridge_o - 1, ']')))) END)", a, b);
    }

    @Override
    SqlNode aggregate(SqlCall call, SqlNode value, SqlNodeList order) {
        return aggregate("JSON_ARRAYAGG", call, List.of(value), order);
    }

    @Override
    SqlNode function(String name, List<SqlNode> args) {
        return switch (name) {
            case "array_length" -> args.size() != 2 ? null : DialectRules.template(
                    "(CASE WHEN {1} = 1 THEN NULLIF(JSON_LENGTH({0}), 0) END)", args.get(0), args.get(1));
            case "cardinality" -> DialectRules.template("JSON_LENGTH({0})", args.get(0));
            case "array_append" -> DialectRules.template("JSON_ARRAY_APPEND(COALESCE({0}, '[]'), '$', {1})",
                    args.get(0), args.get(1));
            case "array_prepend" -> DialectRules.template("JSON_ARRAY_INSERT(COALESCE({1}, '[]'), '$[0]', {0})",
                    args.get(0), args.get(1));
            case "array_cat" -> DialectRules.template("(CASE WHEN {0} IS NULL AND {1} IS NULL THEN NULL ELSE"
                    + " JSON_MERGE_PRESERVE(COALESCE({0}, '[]'), COALESCE({1}, '[]')) END)", args.get(0), args.get(1));
            case "array_position" -> args.size() != 2 ? null : DialectRules.template("(SELECT MIN(pgbridge_e.pgbridge_o) FROM "
                    + ELEMENTS + " AS pgbridge_e WHERE pgbridge_e.pgbridge_v <=> {1})", args.get(0), args.get(1));
            case "array_to_string" -> arrayToString(args);
            case "array_remove", "string_to_array" -> throw rules.unsupported(name);
            default -> null;
        };
    }

    /** GROUP_CONCAT takes its separator only as a constant. */
    private SqlNode arrayToString(List<SqlNode> args) {
        if (DialectRules.stringValue(args.get(1)) == null) {
            throw rules.unsupported("array_to_string with a separator that is not a constant");
        }
        String value = args.size() > 2 ? "COALESCE(pgbridge_e.pgbridge_v, {2})" : "pgbridge_e.pgbridge_v";
        return DialectRules.template("(CASE WHEN {0} IS NULL THEN NULL ELSE COALESCE((SELECT GROUP_CONCAT(" + value
                + " ORDER BY pgbridge_e.pgbridge_o SEPARATOR {1}) FROM " + ELEMENTS + " AS pgbridge_e), '') END)",
                args.toArray(SqlNode[]::new));
    }
}
