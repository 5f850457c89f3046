package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlNode;

/**
 * {@link DateRules} with SQLite's date functions on ISO text; its integer / and % truncate towards zero as
 * PostgreSQL's do. SQLite keeps time to the millisecond.
 */
final class SqliteDateRules extends DateRules {
    static final SqliteDateRules INSTANCE = new SqliteDateRules();

    private static final String DAY = "86400000000";

    private SqliteDateRules() {
    }

    @Override
    SqlNode daysBetween(SqlNode a, SqlNode b) {
        return DialectRules.template("CAST(round(julianday({0}) - julianday({1})) AS INTEGER)", a, b);
    }

    @Override
    SqlNode plusDays(SqlNode date, SqlNode days, boolean subtract) {
        return DialectRules.template("date({0}, (" + (subtract ? "-" : "") + "({1})) || ' days')", date, days);
    }

    @Override
    SqlNode microsBetween(SqlNode a, SqlNode b) {
        return DialectRules.template(
                "(CAST(round((unixepoch({0}, 'subsec') - unixepoch({1}, 'subsec')) * 1000) AS INTEGER) * 1000)", a, b);
    }

    @Override
    SqlNode intervalText(SqlNode micros) {
        String us = "({0})";
        String days = "(" + us + " / " + DAY + ")";
        String time = "abs(" + us + " % " + DAY + ")";
        return DialectRules.template("concat_ws(' ', CASE WHEN " + days + " <> 0 THEN " + days + " || CASE WHEN "
                + days + " = 1 THEN ' day' ELSE ' days' END END, CASE WHEN " + time + " <> 0 OR " + days
                + " = 0 THEN CASE WHEN " + us + " < 0 THEN '-' ELSE '' END || printf('%02d:%02d:%02d', " + time
                + " / 3600000000, " + time + " / 60000000 % 60, " + time + " / 1000000 % 60) || CASE WHEN " + time
                + " % 1000000 = 0 THEN '' ELSE rtrim(printf('.%06d', " + time + " % 1000000), '0') END END)", micros);
    }
}
