package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.SqlWriterConfig;
import org.apache.calcite.sql.pretty.SqlPrettyWriter;

import java.util.List;

/**
 * Unparses a tree as one line of backend SQL, writing each dynamic parameter back as the client's {@code $n}: the
 * proxy turns {@code $n} into JDBC placeholders later, and a rewrite may move or repeat a parameter, so its number,
 * not its position, is what must survive.
 */
final class SqlRenderer extends SqlPrettyWriter {
    private final List<Integer> parameterNumbers;

    private SqlRenderer(SqlDialect dialect, List<Integer> parameterNumbers) {
        super(config(dialect));
        this.parameterNumbers = parameterNumbers;
    }

    private static SqlWriterConfig config(SqlDialect dialect) {
        return SqlPrettyWriter.config()
                .withDialect(dialect)
                .withQuoteAllIdentifiers(true)
                .withIndentation(0)
                .withClauseStartsLine(false)
                .withClauseEndsLine(false)
                .withSelectListItemsOnSeparateLines(false)
                .withUpdateSetListNewline(false)
                .withWhereListItemsOnSeparateLines(false)
                .withFromFolding(SqlWriterConfig.LineFolding.WIDE)
                .withAlwaysUseParentheses(false)
                .withLineLength(0);
    }

    /** {@code node} as backend SQL. */
    static String render(SqlNode node, SqlDialect dialect, List<Integer> parameterNumbers) {
        SqlRenderer writer = new SqlRenderer(dialect, parameterNumbers);
        if (node instanceof SqlJoin) {
            // A join writes separators into its enclosing FROM list, which a join rendered alone must be given.
            SqlWriter.Frame from = writer.startList(SqlWriter.FrameTypeEnum.FROM_LIST);
            node.unparse(writer, 0, 0);
            writer.endList(from);
        } else {
            node.unparse(writer, 0, 0);
        }
        return writer.toSqlString().getSql();
    }

    /** {@code node} written on its own with the same dialect and parameters as {@code writer}. */
    static String renderNested(SqlWriter writer, SqlNode node) {
        if (writer instanceof SqlRenderer renderer) {
            String text = render(node, renderer.getDialect(), renderer.parameterNumbers);
            // A query alone unparses without parentheses; inside an expression it needs them.
            return node.getKind().belongsTo(SqlKind.QUERY) ? "(" + text + ")" : text;
        }
        return node.toSqlString(writer.getDialect()).getSql();
    }

    @Override
    public void dynamicParam(int index) {
        print("$" + parameterNumbers.get(index));
        setNeedWhitespace(true);
    }
}
