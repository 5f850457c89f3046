package io.pgbridge.proxy.catalog;

import java.sql.SQLException;

import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROBIN;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROCOST;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROISSTRICT;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROKIND;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROLANG;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROLEAKPROOF;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROPARALLEL;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROROWS;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROSECDEF;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROSUPPORT;
import static io.pgbridge.proxy.catalog.BuiltinFunctions.PROVOLATILE;

/**
 * PostgreSQL's {@code pg_get_functiondef} (ruleutils.c's pg_get_functiondef_worker) for the built-in functions, from
 * their pg_proc fields: the CREATE OR REPLACE statement psql's {@code \sf} prints and GUI tools show as a
 * function's source.
 */
final class FunctionDefinitions {
    private FunctionDefinitions() {
    }

    static String definition(Integer oid) throws SQLException {
        BuiltinFunctions.Function f = oid == null ? null : BuiltinFunctions.byOid(oid);
        if (f == null) {
            return null;
        }
        String[] fields = f.fields();
        String kind = fields[PROKIND];
        if (kind.equals("a")) {
            throw new SQLException("\"" + f.name() + "\" is an aggregate function", "42809");
        }
        boolean function = !kind.equals("p");
        StringBuilder out = new StringBuilder("CREATE OR REPLACE ").append(function ? "FUNCTION " : "PROCEDURE ")
                .append(QuotedNames.quoteIfNeeded(f.namespace() == CatalogOids.PG_CATALOG ? "pg_catalog"
                        : "information_schema")).append('.').append(QuotedNames.quoteIfNeeded(f.name()))
                .append('(').append(FunctionSignatures.arguments(oid, true)).append(")\n");
        if (function) {
            out.append(" RETURNS ").append(FunctionSignatures.result(oid)).append('\n');
        }
        int language = Integer.parseInt(fields[PROLANG]);
        out.append(" LANGUAGE ").append(switch (language) {
            case 12 -> "internal";
            case 13 -> "c";
            default -> "sql";
        }).append('\n');
        out.append(options(fields, language));
        String body = fields[BuiltinFunctions.PROSQLBODY];
        if (!body.isEmpty()) {
            return out.append(body).append('\n').toString();
        }
        out.append("AS ");
        if (!fields[PROBIN].isEmpty()) {
            out.append('\'').append(fields[PROBIN].replace("'", "''")).append("', ");
        }
        String source = fields[BuiltinFunctions.PROSRC];
        StringBuilder quote = new StringBuilder("$").append(function ? "function" : "procedure");
        while (source.contains(quote)) {
            quote.append('x');
        }
        quote.append('$');
        return out.append(quote).append(source).append(quote).append('\n').toString();
    }

    /** The line of options that differ from CREATE FUNCTION's defaults, or nothing when none does. */
    private static String options(String[] fields, int language) {
        StringBuilder line = new StringBuilder();
        if (fields[PROKIND].equals("w")) {
            line.append(" WINDOW");
        }
        line.append(switch (fields[PROVOLATILE]) {
            case "i" -> " IMMUTABLE";
            case "s" -> " STABLE";
            default -> "";
        });
        line.append(switch (fields[PROPARALLEL]) {
            case "s" -> " PARALLEL SAFE";
            case "r" -> " PARALLEL RESTRICTED";
            default -> "";
        });
        line.append(fields[PROISSTRICT].equals("t") ? " STRICT" : "").append(fields[PROSECDEF].equals("t") ? " SECURITY DEFINER" : "")
                .append(fields[PROLEAKPROOF].equals("t") ? " LEAKPROOF" : "");
        float defaultCost = language == 12 || language == 13 ? 1 : 100;
        if (Float.parseFloat(fields[PROCOST]) != defaultCost) {
            line.append(" COST ").append(fields[PROCOST]);
        }
        float rows = Float.parseFloat(fields[PROROWS]);
        if (rows > 0 && rows != 1000) {
            line.append(" ROWS ").append(fields[PROROWS]);
        }
        int support = Integer.parseInt(fields[PROSUPPORT]);
        if (support != 0) {
            line.append(" SUPPORT ").append(QuotedNames.quoteIfNeeded(BuiltinFunctions.byOid(support).name()));
        }
        return line.isEmpty() ? "" : line.append('\n').toString();
    }
}
