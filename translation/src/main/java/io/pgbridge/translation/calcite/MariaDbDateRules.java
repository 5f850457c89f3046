package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlNode;

/** {@link DateRules} with MariaDB's date functions; DIV and % truncate towards zero as PostgreSQL's do. */
final class MariaDbDateRules extends DateRules {
    static final MariaDbDateRules INSTANCE = new MariaDbDateRules();

    private static final String DAY = "86400000000";

    private MariaDbDateRules() {
    }

    @Override
    SqlNode daysBetween(SqlNode a, SqlNode b) {
        return DialectRules.template("DATEDIFF({0}, {1})", a, b);
    }

    @Override
    SqlNode plusDays(SqlNode date, SqlNode days, boolean subtract) {
        return DialectRules.template("CAST({0} " + (subtract ? "-" : "+") + " INTERVAL ({1}) DAY AS DATE)", date, days);
    }

    @Override
    SqlNode microsBetween(SqlNode a, SqlNode b) {
        return DialectRules.template("TIMESTAMPDIFF(MICROSECOND, {1}, {0})", a, b);
    }

    @Override
    SqlNode intervalText(SqlNode micros) {
        String us = "({0})";
        String days = "(" + us + " DIV " + DAY + ")";
        String time = "ABS(" + us + " % " + DAY + ")";
        return DialectRules.template("CONCAT_WS(' ', CASE WHEN " + days + " <> 0 THEN CONCAT(" + days
                + ", IF(" + days + " = 1, ' day', ' days')) END, CASE WHEN " + time + " <> 0 OR " + days
                + " = 0 THEN CONCAT(IF(" + us + " < 0, '-', ''), LPAD(" + time + " DIV 3600000000, 2, '0'), ':', LPAD("
                + time + " DIV 60000000 % 60, 2, '0'), ':', LPAD(" + time + " DIV 1000000 % 60, 2, '0'), IF(" + time
                + " % 1000000 = 0, '', TRIM(TRAILING '0' FROM CONCAT('.', LPAD(" + time
                + " % 1000000, 6, '0'))))) END)", micros);
    }
}
