package io.pgbridge.translation;

import java.util.Arrays;

/**
 * A statement with PostgreSQL {@code $n} placeholders turned into JDBC {@code ?} markers.
 *
 * @param sql the text to prepare through JDBC
 * @param parameterOrder for the i-th {@code ?} in {@code sql}, the 0-based PostgreSQL parameter
 *     index it binds ({@code $1} is 0); an index may repeat when a {@code $n} is used twice
 * @param parameterCount the highest {@code n} seen, i.e. how many parameters PostgreSQL would infer
 */
public record JdbcSql(String sql, int[] parameterOrder, int parameterCount) {

    public JdbcSql {
        parameterOrder = parameterOrder.clone();
    }

    /** A copy, so the cached value cannot be changed by a caller. */
    @Override
    public int[] parameterOrder() {
        return parameterOrder.clone();
    }

    /** Number of {@code ?} markers in {@link #sql()}. */
    public int markerCount() {
        return parameterOrder.length;
    }

    /** The 0-based PostgreSQL parameter bound by the {@code marker}-th (0-based) {@code ?}. */
    public int parameterAt(int marker) {
        return parameterOrder[marker];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcSql other
                && sql.equals(other.sql)
                && parameterCount == other.parameterCount
                && Arrays.equals(parameterOrder, other.parameterOrder);
    }

    @Override
    public int hashCode() {
        return (sql.hashCode() * 31 + Arrays.hashCode(parameterOrder)) * 31 + parameterCount;
    }

    @Override
    public String toString() {
        return "JdbcSql[sql=" + sql + ", parameterOrder=" + Arrays.toString(parameterOrder)
                + ", parameterCount=" + parameterCount + "]";
    }
}
