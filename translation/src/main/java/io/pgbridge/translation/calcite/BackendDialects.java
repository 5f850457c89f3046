package io.pgbridge.translation.calcite;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.Db2SqlDialect;
import org.apache.calcite.sql.dialect.DerbySqlDialect;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.dialect.HsqldbSqlDialect;
import org.apache.calcite.sql.dialect.MssqlSqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.OracleSqlDialect;

/**
 * The Calcite dialects pgbridge writes with. All quote every identifier and keep identifier case as parsed, so
 * PostgreSQL's folding decides names (backends that fold to upper case get their names through
 * {@link io.pgbridge.translation.UpperCaseNames}). MariaDB's quote is the double quote (its sessions run with
 * ANSI_QUOTES); SQLite's is the backtick, because SQLite reads a double-quoted name that matches no column as a
 * string literal, which would turn PostgreSQL's "column does not exist" into a column of constants. The others take
 * the standard double quote (SQL Server's JDBC sessions run with QUOTED_IDENTIFIER on).
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

    /** HSQLDB: LIMIT/OFFSET as PostgreSQL writes them. */
    static final SqlDialect HSQLDB = new HsqldbSqlDialect(asParsed(HsqldbSqlDialect.DEFAULT_CONTEXT));

    /** DuckDB: PostgreSQL's LIMIT and OFFSET (Calcite's DuckDB dialect writes FETCH NEXT). */
    static final SqlDialect DUCKDB = new DuckDBSqlDialect(asParsed(DuckDBSqlDialect.DEFAULT_CONTEXT)) {
        @Override
        public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
            unparseFetchUsingLimit(writer, offset, fetch);
        }
    };

    /** Derby: OFFSET n ROWS FETCH NEXT m ROWS ONLY. */
    static final SqlDialect DERBY = new DerbySqlDialect(asParsed(DerbySqlDialect.DEFAULT_CONTEXT));

    /** Oracle 12c and later: OFFSET … FETCH (Calcite's writing from version 12 on); TRUE and FALSE as 1 and 0. */
    static final SqlDialect ORACLE = new OracleSqlDialect(asParsed(OracleSqlDialect.DEFAULT_CONTEXT)
            .withDatabaseMajorVersion(19)) {
        @Override
        public void unparseBoolLiteral(SqlWriter writer, SqlLiteral literal, int leftPrec, int rightPrec) {
            numericBoolean(writer, literal);
        }
    };

    /**
     * SQL Server: Calcite's dialect leaves LIMIT and OFFSET out of a parsed query (it expects TOP from its own
     * planner), so they are written here as OFFSET … ROWS FETCH NEXT … ROWS ONLY, which SQL Server takes only after
     * an ORDER BY: the rewriter gives a paged query without one an {@code ORDER BY (SELECT NULL)}.
     */
    static final SqlDialect SQLSERVER = new MssqlSqlDialect(asParsed(MssqlSqlDialect.DEFAULT_CONTEXT)) {
        @Override
        public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
            if (offset == null && fetch == null) {
                return;
            }
            writer.keyword("OFFSET");
            if (offset == null) {
                writer.print("0");
                writer.setNeedWhitespace(true);
            } else {
                offset.unparse(writer, 0, 0);
            }
            writer.keyword("ROWS");
            if (fetch != null) {
                writer.keyword("FETCH NEXT");
                fetch.unparse(writer, 0, 0);
                writer.keyword("ROWS ONLY");
            }
        }

        @Override
        public void unparseTopN(SqlWriter writer, SqlNode offset, SqlNode fetch) {
            // OFFSET … FETCH instead, above
        }

        @Override
        public void unparseBoolLiteral(SqlWriter writer, SqlLiteral literal, int leftPrec, int rightPrec) {
            numericBoolean(writer, literal);
        }
    };

    /** Db2 LUW 11: OFFSET … FETCH. */
    static final SqlDialect DB2 = new Db2SqlDialect(asParsed(Db2SqlDialect.DEFAULT_CONTEXT));

    private BackendDialects() {
    }

    private static SqlDialect.Context asParsed(SqlDialect.Context context) {
        return context.withIdentifierQuoteString("\"")
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(true);
    }

    /** TRUE and FALSE as 1 and 0, for backends whose booleans are numbers (Oracle's NUMBER(1), SQL Server's BIT). */
    private static void numericBoolean(SqlWriter writer, SqlLiteral literal) {
        Boolean value = literal.getValueAs(Boolean.class);
        writer.literal(value == null ? "NULL" : value ? "1" : "0");
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
