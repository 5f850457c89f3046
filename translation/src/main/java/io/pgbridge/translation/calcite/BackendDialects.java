package io.pgbridge.translation.calcite;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;

/**
 * The Calcite dialects pgbridge writes with. Both quote every identifier and keep identifier case as parsed, so
 * PostgreSQL's folding decides names. MariaDB's quote is the double quote (its sessions run with ANSI_QUOTES);
 * SQLite's is the backtick, because SQLite reads a double-quoted name that matches no column as a string literal,
 * which would turn PostgreSQL's "column does not exist" into a column of constants.
 */
final class BackendDialects {
    /** MariaDB/MySQL: rows beyond an OFFSET without LIMIT need MySQL's documented "all rows" maximum. */
    static final SqlDialect MARIADB = new MysqlSqlDialect(asParsed(MysqlSqlDialect.DEFAULT_CONTEXT)) {
        @Override
        public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
            limitOffset(writer, offset, fetch, "18446744073709551615");
        }
    };

    /** SQLite: LIMIT -1 means no limit. */
    static final SqlDialect SQLITE = new SqlDialect(asParsed(SqlDialect.EMPTY_CONTEXT
            .withDatabaseProduct(SqlDialect.DatabaseProduct.UNKNOWN)).withIdentifierQuoteString("`")) {
        @Override
        public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
            limitOffset(writer, offset, fetch, "-1");
        }

        /** SQLite's VALUES rows are plain parenthesised lists; it has no ROW keyword. */
        @Override
        public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            if (call.getKind() != SqlKind.ROW) {
                super.unparseCall(writer, call, leftPrec, rightPrec);
                return;
            }
            SqlWriter.Frame row = writer.startList("(", ")");
            for (SqlNode operand : call.getOperandList()) {
                writer.sep(",");
                operand.unparse(writer, 0, 0);
            }
            writer.endList(row);
        }
    };

    private BackendDialects() {
    }

    private static SqlDialect.Context asParsed(SqlDialect.Context context) {
        return context.withIdentifierQuoteString("\"")
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(true);
    }

    private static void limitOffset(SqlWriter writer, SqlNode offset, SqlNode fetch, String noLimit) {
        if (fetch == null && offset == null) {
            return;
        }
        writer.keyword("LIMIT");
        if (fetch != null) {
            fetch.unparse(writer, 0, 0);
        } else {
            writer.print(noLimit);
            writer.setNeedWhitespace(true);
        }
        if (offset != null) {
            writer.keyword("OFFSET");
            offset.unparse(writer, 0, 0);
        }
    }
}
