package io.pgbridge.proxy.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pgbridge.backend.Backend;
import io.pgbridge.translation.catalog.CatalogSql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The virtual {@code pg_catalog} of one non-PostgreSQL backend: an in-memory H2 database in PostgreSQL mode whose
 * tables have PostgreSQL's names and columns, with the built-in rows (types with their real oids, access methods,
 * schemas, the role) and the backend's own objects read from its JDBC metadata ({@link CatalogLoader}). Catalog
 * queries run here, as the client wrote them (after {@code CatalogSql}), so any client's query text works that the
 * engine can evaluate. The user objects are read again after DDL through pgbridge, or when older than
 * {@link #STALE_AFTER_MILLIS} (changes made outside pgbridge).
 */
public final class CatalogEngine {
    /** The schema of the virtual tables: H2 keeps {@code pg_catalog} for a catalog of its own. */
    static final String SCHEMA = "pgbridge_catalog";
    private static final long STALE_AFTER_MILLIS = 30_000;
    private static final Cache<Backend, CatalogEngine> BY_BACKEND = Caffeine.newBuilder().weakKeys().build();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Backend backend;
    private final String url;
    private final CatalogOids oids = new CatalogOids();
    /** Keeps the in-memory database alive while the backend is. */
    private final Connection keeper;
    private long loadedAt;
    private boolean stale = true;

    private CatalogEngine(Backend backend) {
        this.backend = backend;
        this.url = "jdbc:h2:mem:pgbridge_catalog_" + DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try {
            this.keeper = DriverManager.getConnection(url);
            create(keeper);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the catalog engine", e);
        }
    }

    public static CatalogEngine of(Backend backend) {
        return BY_BACKEND.get(backend, CatalogEngine::new);
    }

    /**
     * The oid of the enum type made for the ENUM column {@code column} of {@code table} in the backend's current
     * schema, the same the catalog gives it in pg_type ({@link EnumTypes}).
     */
    public int enumTypeOid(String table, String column) {
        return oids.of("type", "public", EnumTypes.typeName(table, column));
    }

    /** Marks the backend's objects as changed: the next catalog query reads them again. */
    public synchronized void invalidate() {
        stale = true;
    }

    /** {@link #invalidate()} for the backend's engine, if it has one (PostgreSQL backends never do). */
    public static void invalidateIfCreated(Backend backend) {
        CatalogEngine engine = BY_BACKEND.getIfPresent(backend);
        if (engine != null) {
            engine.invalidate();
        }
    }

    /**
     * A new connection to the engine, for the catalog queries of one session on {@code database}; the virtual tables
     * come first on its path, the information_schema views name {@code database} as their catalog, and
     * pg_stat_gssapi's row is the session's, {@code processId}.
     */
    public Connection connect(String database, int processId) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement st = c.createStatement()) {
            st.execute("SET SCHEMA " + SCHEMA);
            st.execute("SET SCHEMA_SEARCH_PATH " + SCHEMA + ", PUBLIC");
        }
        try (PreparedStatement ps = c.prepareStatement("SET @pgbridge_database = ?")) {
            ps.setString(1, database);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("SET @pgbridge_pid = ?")) {
            ps.setInt(1, processId);
            ps.execute();
        }
        return c;
    }

    /**
     * Before a catalog query: reads the backend's objects through {@code backendConnection} (the session's own, so
     * its open transaction sees its own tables) when they may have changed, and lists {@code database} and
     * {@code user} in pg_database and pg_roles.
     */
    public synchronized void refreshIfNeeded(Connection backendConnection, String database, String user)
            throws SQLException {
        list(database, user);
        if (!stale && System.currentTimeMillis() - loadedAt < STALE_AFTER_MILLIS) {
            return;
        }
        boolean autoCommit = keeper.getAutoCommit();
        keeper.setAutoCommit(false);
        try {
            new CatalogLoader(backendConnection, keeper, backend.dialect(), oids).load();
            keeper.commit();
            stale = false;
            loadedAt = System.currentTimeMillis();
        } catch (SQLException | RuntimeException e) {
            keeper.rollback();
            throw e;
        } finally {
            keeper.setAutoCommit(autoCommit);
        }
    }

    /** Lists {@code database} in pg_database and {@code user} in pg_roles, if they are not there yet. */
    synchronized void list(String database, String user) throws SQLException {
        addNamed("pg_database", "datname", database, "INSERT INTO pg_database (oid, datname, datdba, encoding, datcollate,"
                + " datctype) VALUES (?, ?, 10, 6, 'C.UTF-8', 'C.UTF-8')", oids.of("database", "", database));
        boolean first = roleName().isEmpty();
        if (addNamed("pg_roles", "rolname", user, "INSERT INTO pg_roles (oid, rolname, rolsuper, rolinherit, rolcreaterole,"
                + " rolcreatedb, rolcanlogin, rolreplication, rolconnlimit, rolpassword, rolbypassrls) VALUES (?, ?, true,"
                + " true, true, true, true, true, -1, '********', true)", first ? CatalogOids.BOOTSTRAP_SUPERUSER : oids.of("role", "", user))
                && first) {
            grantSystemSchemas(user);
        }
    }

    /** The name of the role that owns everything (the first user to ask), empty before anyone asked. */
    private String roleName() throws SQLException {
        try (var rs = keeper.createStatement().executeQuery(
                "SELECT rolname FROM " + SCHEMA + ".pg_roles WHERE oid = " + CatalogOids.BOOTSTRAP_SUPERUSER)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** Inserts the row named {@code name} unless there is one; true when it inserted. */
    private boolean addNamed(String table, String column, String name, String insert, int oid) throws SQLException {
        try (PreparedStatement ps = keeper.prepareStatement(
                "SELECT 1 FROM " + SCHEMA + "." + table + " WHERE " + column + " = ?")) {
            ps.setString(1, name);
            if (ps.executeQuery().next()) {
                return false;
            }
        }
        try (PreparedStatement ps = keeper.prepareStatement(insert.replace("INTO ", "INTO " + SCHEMA + "."))) {
            ps.setInt(1, oid);
            ps.setString(2, name);
            ps.executeUpdate();
        }
        return true;
    }

    /** pg_catalog's and information_schema's privileges, as initdb grants them: the bootstrap superuser's, USAGE to all. */
    private void grantSystemSchemas(String owner) throws SQLException {
        try (PreparedStatement ps = keeper.prepareStatement("UPDATE " + SCHEMA + ".pg_namespace SET nspacl = ARRAY[CAST(? AS varchar),"
                + " CAST(? AS varchar)]"
                + " WHERE oid IN (" + CatalogOids.PG_CATALOG + ", " + CatalogOids.INFORMATION_SCHEMA + ")")) {
            String name = QuotedNames.quoteIfNeeded(owner);
            ps.setString(1, name + "=UC/" + name);
            ps.setString(2, "=U/" + name);
            ps.executeUpdate();
        }
        FunctionRows.grantTo(keeper, SCHEMA, owner);
    }

    /** Creates the engine's schemas, functions and tables in {@code c} (package-visible: its function lists' test). */
    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + SCHEMA);
            st.execute("SET SCHEMA " + SCHEMA);
            CatalogFunctions.register(c);
            CatalogSessions.registerFunctions(c);
            InformationSchemaFunctions.register(c);
            TextAndArrayFunctions.register(c);
            runScript(st, "pg_catalog.sql");
            BuiltinRows.insert(c);
            st.execute("CREATE SCHEMA " + CatalogSql.INFORMATION_SCHEMA);
            st.execute("SET SCHEMA " + CatalogSql.INFORMATION_SCHEMA);
            runScript(st, "information_schema.sql");
            st.execute("SET SCHEMA " + SCHEMA);
        }
    }

    /** Runs the statements of resource {@code name}, which are separated by lines holding only ';'. */
    private static void runScript(Statement st, String name) throws SQLException {
        for (String ddl : resource(name).split("\n;\n")) {
            if (!ddl.isBlank()) {
                st.execute(ddl);
            }
        }
    }

    static String resource(String name) {
        try (InputStream in = CatalogEngine.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
