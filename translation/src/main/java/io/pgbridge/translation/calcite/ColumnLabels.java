package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;
import java.util.Set;

/**
 * Gives every unnamed result column the name PostgreSQL would give it, as an explicit alias. MariaDB would call
 * {@code count(*)} "count(*)" and SQLite {@code a::int} "CAST(a AS INTEGER)"; clients and ORMs read columns by
 * PostgreSQL's names. The rules follow PostgreSQL's FigureColname: a column is named after itself, a function call
 * after the function, a cast after its operand or else its type, CASE "case", and anything else "?column?".
 */
final class ColumnLabels {
    static final String UNNAMED = "?column?";
    /** Words PostgreSQL reads as functions of the current time, though Calcite parses them as identifiers. */
    static final Set<String> CURRENT_TIME_WORDS = Set.of("current_timestamp", "localtimestamp");

    private ColumnLabels() {
    }

    /**
     * Names the result columns of the query {@code node} returns rows from; other statements are left alone.
     * {@code columnsToo}: plain columns get an alias as well, for backends that label a column with the case its
     * table was created with (DuckDB), where PostgreSQL labels it as the query names it.
     */
    static void nameResultColumns(SqlNode node, boolean columnsToo) {
        SqlSelect select = resultSelect(node);
        if (select == null) {
            return;
        }
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size(); i++) {
            items.set(i, named(items.get(i), columnsToo));
        }
    }

    /** {@code item} with an alias if it has none and is not {@code *} or (unless {@code columnsToo}) a plain column. */
    static SqlNode named(SqlNode item, boolean columnsToo) {
        if (item.getKind() == SqlKind.AS || item instanceof SqlIdentifier id
                && (id.isStar() || !columnsToo && !(id.names.size() == 1 && CURRENT_TIME_WORDS.contains(id.getSimple())))) {
            return item;
        }
        // A quoted position: Calcite writes an unquoted current_timestamp as the function, not as a name.
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, item,
                new SqlIdentifier(labelOf(item), SqlParserPos.QUOTED_ZERO));
    }

    /** The SELECT whose list names the rows of {@code node}: through ORDER BY, WITH and set operations. */
    static SqlSelect resultSelect(SqlNode node) {
        if (node instanceof SqlSelect select) {
            return select;
        }
        if (node instanceof SqlOrderBy orderBy) {
            return resultSelect(orderBy.query);
        }
        if (node instanceof SqlWith with) {
            return resultSelect(with.body);
        }
        if (node instanceof SqlBasicCall call && call.getOperator().getKind().belongsTo(SqlKind.SET_QUERY)) {
            return resultSelect(call.operand(0));
        }
        return null;
    }

    /** PostgreSQL's name for a select-list item. */
    static String labelOf(SqlNode item) {
        String name = figure(item);
        return name == null ? UNNAMED : name;
    }

    private static String figure(SqlNode node) {
        if (node instanceof SqlIdentifier identifier) {
            return identifier.isStar() ? null : identifier.names.get(identifier.names.size() - 1);
        }
        if (node instanceof SqlLiteral) {
            return null;
        }
        if (node instanceof SqlSelect select) {
            return select.getSelectList().size() == 1 ? figure(select.getSelectList().get(0)) : null;
        }
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        return switch (call.getKind()) {
            case AS -> ((SqlIdentifier) call.operand(1)).getSimple();
            case CAST -> {
                String inner = figure(call.operand(0));
                if (inner != null && !namedByItsType(call.operand(0))) {
                    yield inner;   // a name of its own is strong; one from a cast gives way to the next cast
                }
                PgType type = call.operand(1) instanceof SqlDataTypeSpec spec ? PgType.of(spec) : null;
                yield type == null ? null : type.name();
            }
            case CASE -> "case";
            case EXISTS -> "exists";
            case ARRAY_VALUE_CONSTRUCTOR, ARRAY_QUERY_CONSTRUCTOR -> "array";
            case ROW -> "row";
            case OVER, FILTER, WITHIN_GROUP -> figure(call.operand(0));
            case SCALAR_QUERY -> figure(call.operand(0));
            case TRIM -> trimName(call);
            default -> call.getOperator() instanceof SqlFunction function ? functionName(function) : null;
        };
    }

    /** A cast named after its type, as FigureColnameInternal's strength 1: '1'::text::int is int4. */
    private static boolean namedByItsType(SqlNode node) {
        return node instanceof SqlCall call && call.getKind() == SqlKind.CAST
                && (figure(call.operand(0)) == null || namedByItsType(call.operand(0)));
    }

    private static String functionName(SqlFunction function) {
        String name = function.getName();
        return switch (name) {
            case StatementNormalizer.JSON_GET, StatementNormalizer.JSON_GET_TEXT, StatementNormalizer.JSON_PATH,
                    StatementNormalizer.JSON_PATH_TEXT -> null;
            case StatementNormalizer.INTERVAL -> "interval";
            case StatementNormalizer.EXTRACT -> "extract";
            default -> function.getSqlIdentifier() != null && !isUpperCase(name) ? name : name.toLowerCase(Locale.ROOT);
        };
    }

    /** Built-in operators are named in upper case by Calcite; functions the client named keep their case. */
    private static boolean isUpperCase(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT));
    }

    private static String trimName(SqlCall call) {
        String flag = call.operand(0) instanceof SqlLiteral literal ? String.valueOf(literal.getValue()) : "BOTH";
        return switch (flag) {
            case "LEADING" -> "ltrim";
            case "TRAILING" -> "rtrim";
            default -> "btrim";
        };
    }
}
