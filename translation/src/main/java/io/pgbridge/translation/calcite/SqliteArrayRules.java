package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * Arrays on SQLite, as JSON text read with JSON1 ({@code json_each}, {@code json_extract}); the array functions are
 * Java functions under PostgreSQL's names, registered on each connection ({@code SqliteArrayFunctions}), so their
 * calls stay as written.
 */
final class SqliteArrayRules extends ArrayRules {
    SqliteArrayRules(DialectRules rules) {
        super(rules);
    }

    @Override
    SqlNode construct(List<SqlNode> elements) {
        return DialectRules.call("json_array", elements);
    }

    @Override
    SqlNode subscript(SqlNode array, SqlNode index) {
        return DialectRules.template("(CASE WHEN {1} >= 1 THEN json_extract({0}, '$[' || ({1} - 1) || ']') END)",
                array, index);
    }

    @Override
    String elementsTemplate(String array) {
        return "(SELECT value AS pgbridge_v FROM json_each(" + array + ")) AS pgbridge_e";
    }

    @Override
    SqlNode elements(SqlNode array, String alias, String column) {
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, DialectRules.template("json_each({0})", array),
                new SqlIdentifier(alias, SqlParserPos.ZERO));
    }

    @Override
    boolean namesElementColumn() {
        return false;
    }

    @Override
    SqlNode contains(SqlNode a, SqlNode b) {
        return DialectRules.template("pgbridge_array_contains({0}, {1})", a, b);
    }

    @Override
    SqlNode overlaps(SqlNode a, SqlNode b) {
        return DialectRules.template("pgbridge_array_overlaps({0}, {1})", a, b);
    }

    /** json_group_array keeps NULLs, as array_agg does. */
    @Override
    SqlNode aggregate(SqlCall call, SqlNode value, SqlNodeList order) {
        return aggregate("json_group_array", call, List.of(value), order);
    }

    @Override
    SqlNode function(String name, List<SqlNode> args) {
        return switch (name) {
            case "array_upper" -> args.size() == 2
                    ? DialectRules.template("array_length({0}, {1})", args.get(0), args.get(1)) : null;
            case "array_lower" -> args.size() == 2 ? DialectRules.template(
                    "(CASE WHEN array_length({0}, {1}) IS NOT NULL THEN 1 END)", args.get(0), args.get(1)) : null;
            default -> null; // array_length, array_append… are functions of the connection
        };
    }
}
