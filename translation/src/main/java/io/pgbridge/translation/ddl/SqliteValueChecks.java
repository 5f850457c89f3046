package io.pgbridge.translation.ddl;

/**
 * CHECK constraints that give a SQLite column what PostgreSQL's type refuses: SQLite stores {@code 'x'} in an
 * integer column, 40000 in a smallint and any length of text in a varchar(20). Each check is named
 * {@code pgbridge_<SQLSTATE>_<column>}, so that the proxy reports its failure as PostgreSQL's error (22P02, 22003,
 * 22001) rather than as a check violation.
 */
final class SqliteValueChecks {
    /** The constraint-name prefix the proxy's SQLite error mapping reads the SQLSTATE from. */
    static final String PREFIX = "pgbridge_";

    private SqliteValueChecks() {
    }

    /** The checks to write after the column's type, each with a leading space; empty when there are none. */
    static String of(Name column, PgType type) {
        if (type.isArray()) {
            return "";
        }
        PgType sized = type.name().equals("char") ? ColumnTypes.charLength(type) : type;
        return switch (type.name()) {
            // Text that SQLite's integer affinity could not turn into a number stays text.
            case "smallint", "integer" -> notText(column) + range(column, type.name());
            case "bigint" -> notText(column);
            // PostgreSQL cuts trailing spaces beyond the length instead of refusing them.
            case "varchar", "char" -> sized.modifiers().isEmpty() ? "" : check("22001", column,
                    "length(rtrim(" + column.quoted() + ", ' ')) <= " + sized.modifiers().get(0));
            default -> "";
        };
    }

    /**
     * The check of a smallint's or integer's range, empty for other types. A serial column's too: SQLite's rowid
     * is 64 bits, and the check is also how the proxy's catalog tells a serial from a bigserial.
     */
    static String range(Name column, String integerType) {
        String name = column.quoted();
        return switch (integerType) {
            case "smallint" -> check("22003", column, name + " BETWEEN -32768 AND 32767");
            case "integer" -> check("22003", column, name + " BETWEEN -2147483648 AND 2147483647");
            default -> "";
        };
    }

    private static String notText(Name column) {
        return check("22P02", column, "typeof(" + column.quoted() + ") <> 'text'");
    }

    private static String check(String sqlState, Name column, String condition) {
        return " CONSTRAINT \"" + PREFIX + sqlState + "_" + column.value().replace("\"", "\"\"") + "\" CHECK ("
                + condition + ")";
    }
}
