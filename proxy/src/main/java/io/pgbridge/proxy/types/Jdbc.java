package io.pgbridge.proxy.types;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * Which driver sits behind a (possibly HikariCP-wrapped) statement. Binding differs: pgjdbc wants untyped text for
 * json and interval, H2 wants bytes for JSON. Driver classes are looked up by name so none is required at runtime.
 */
final class Jdbc {
    private static final Class<?> PG_STATEMENT = load("org.postgresql.PGStatement");
    private static final Class<?> H2_STATEMENT = load("org.h2.jdbc.JdbcStatement");

    private Jdbc() {
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Jdbc.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static boolean isPostgres(Wrapper statement) {
        return is(statement, PG_STATEMENT);
    }

    static boolean isH2(Wrapper statement) {
        return is(statement, H2_STATEMENT);
    }

    private static boolean is(Wrapper w, Class<?> c) {
        if (c == null) {
            return false;
        }
        if (c.isInstance(w)) {
            return true;
        }
        try {
            return w.isWrapperFor(c);
        } catch (SQLException e) {
            return false;
        }
    }
}
