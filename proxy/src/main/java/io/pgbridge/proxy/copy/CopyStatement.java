package io.pgbridge.proxy.copy;

import java.util.List;

/**
 * One parsed COPY statement.
 *
 * @param from COPY … FROM (true) or COPY … TO (false)
 * @param table the table reference as the client wrote it ({@code public."My T"}), null for {@code COPY (query)}
 * @param relationName the table's name as PostgreSQL's messages show it (unquoted, case-folded)
 * @param columnSql the column list as written, each item in SQL form; empty when the statement has none
 * @param columnNames the same columns by name, as PostgreSQL's messages show them
 * @param query the query of {@code COPY (query) TO}, null otherwise
 * @param stdio whether the data goes through the client (STDIN/STDOUT) rather than a server file or program
 */
public record CopyStatement(boolean from, String table, String relationName, List<String> columnSql,
                            List<String> columnNames, String query, boolean stdio, CopyOptions options) {

    /** The query whose rows COPY TO writes: the client's, or all (or the listed) columns of the table. */
    public String sourceQuery() {
        if (query != null) {
            return query;
        }
        return "SELECT " + (columnSql.isEmpty() ? "*" : String.join(", ", columnSql)) + " FROM " + table;
    }
}
