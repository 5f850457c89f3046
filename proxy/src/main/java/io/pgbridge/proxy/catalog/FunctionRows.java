package io.pgbridge.proxy.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 15's built-in functions in the engine's pg_proc, with PostgreSQL's oids, and their descriptions in
 * pg_description ({@link BuiltinFunctions} reads them from {@code pg_proc.psv}).
 */
final class FunctionRows {
    private static final String INSERT = "INSERT INTO pg_proc (oid, proname, pronamespace, prolang, procost, prorows,"
            + " provariadic, prosupport, prokind, prosecdef, proleakproof, proisstrict, proretset, provolatile,"
            + " proparallel, pronargs, pronargdefaults, prorettype, proargtypes, proallargtypes, proargmodes,"
            + " proargnames, proargdefaults, prosrc, probin, prosqlbody, proacl)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Fields of pg_proc.psv that are booleans: prosecdef, proleakproof, proisstrict, proretset. */
    private static final int FIRST_BOOLEAN = 9;
    private static final int LAST_BOOLEAN = 12;
    private static final int PROACL = 26;
    /** The bootstrap superuser of the PostgreSQL the rows were exported from, as its ACLs name it. */
    private static final String EXPORT_OWNER = "postgres";

    private FunctionRows() {
    }

    static void insert(Connection c) throws SQLException {
        try (PreparedStatement proc = c.prepareStatement(INSERT);
             PreparedStatement description = c.prepareStatement("INSERT INTO pg_description VALUES (?, 1255, 0, ?)")) {
            for (BuiltinFunctions.Function function : BuiltinFunctions.all()) {
                String[] f = function.fields();
                for (int i = 0; i < BuiltinFunctions.DESCRIPTION; i++) {
                    String value = f[i].isEmpty() ? null : f[i].equals("\"\"") ? "" : f[i];
                    if (i == BuiltinFunctions.PROALLARGTYPES || i == BuiltinFunctions.PROARGMODES
                            || i == BuiltinFunctions.PROARGNAMES || i == PROACL) {
                        proc.setArray(i + 1, value == null ? null : c.createArrayOf("VARCHAR", arrayElements(value)));
                    } else if (i >= FIRST_BOOLEAN && i <= LAST_BOOLEAN) {
                        proc.setBoolean(i + 1, "t".equals(value));
                    } else if (i == BuiltinFunctions.PROARGTYPES) {
                        proc.setString(i + 1, f[i]);   // an oidvector: '' when there are no arguments
                    } else {
                        proc.setString(i + 1, value);
                    }
                }
                proc.addBatch();
                if (!f[BuiltinFunctions.DESCRIPTION].isEmpty()) {
                    description.setInt(1, function.oid());
                    description.setString(2, f[BuiltinFunctions.DESCRIPTION]);
                    description.addBatch();
                }
            }
            proc.executeBatch();
            description.executeBatch();
        }
    }

    /**
     * The built-in functions' ACLs name the owner as the export found it, PostgreSQL's bootstrap superuser
     * {@code postgres}; pgbridge's is the first user to connect ({@code owner}), as for the system schemas.
     */
    static void grantTo(Connection c, String schema, String owner) throws SQLException {
        String name = QuotedNames.quoteIfNeeded(owner);
        List<Object[]> updates = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery("SELECT oid, proacl FROM " + schema + ".pg_proc"
                + " WHERE proacl IS NOT NULL")) {
            while (rs.next()) {
                Object[] items = (Object[]) rs.getArray(2).getArray();
                String[] renamed = new String[items.length];
                for (int i = 0; i < items.length; i++) {
                    String item = (String) items[i];
                    int equals = item.indexOf('=');
                    int slash = item.lastIndexOf('/');
                    String grantee = item.substring(0, equals);
                    renamed[i] = (grantee.equals(EXPORT_OWNER) ? name : grantee) + item.substring(equals, slash + 1)
                            + (item.substring(slash + 1).equals(EXPORT_OWNER) ? name : item.substring(slash + 1));
                }
                updates.add(new Object[] {rs.getInt(1), renamed});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + schema + ".pg_proc SET proacl = ? WHERE oid = ?")) {
            for (Object[] update : updates) {
                ps.setArray(1, c.createArrayOf("VARCHAR", (String[]) update[1]));
                ps.setInt(2, (Integer) update[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The elements of an array's text form, {@code {a,"",b}}: quotes removed, backslash escapes undone. */
    static String[] arrayElements(String literal) {
        List<String> elements = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < literal.length() - 1; i++) {
            char ch = literal.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\' && quoted) {
                element.append(literal.charAt(++i));
            } else if (ch == ',' && !quoted) {
                elements.add(element.toString());
                element.setLength(0);
            } else {
                element.append(ch);
            }
        }
        if (literal.length() > 2) {
            elements.add(element.toString());
        }
        return elements.toArray(String[]::new);
    }
}
