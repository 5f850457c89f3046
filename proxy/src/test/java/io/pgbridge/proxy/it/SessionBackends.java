package io.pgbridge.proxy.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The proxies the session differential tests run through, one per backend kind, started on first use and each
 * with the probe table; PostgreSQL itself gets the table too.
 */
final class SessionBackends {
    /** The JDBC backends pgbridge emulates PostgreSQL on, and PostgreSQL in JDBC mode, which must not regress. */
    static final List<String> KINDS = List.of("h2", "mariadb", "sqlite", "postgresql");

    private final Map<String, RunningProxy> proxies = new ConcurrentHashMap<>();

    synchronized RunningProxy proxy(String kind) throws Exception {
        RunningProxy proxy = proxies.get(kind);
        if (proxy == null) {
            proxy = RunningProxy.forKind(kind);
            try (Connection c = proxy.connect(); Statement st = c.createStatement()) {
                st.execute("create table if not exists " + SessionDifferential.TABLE + " (id int)");
            }
            proxies.put(kind, proxy);
        }
        return proxy;
    }

    static void createTableOnPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl());
             Statement st = c.createStatement()) {
            st.execute("create table if not exists " + SessionDifferential.TABLE + " (id int)");
        }
    }

    /** Every scenario on every backend kind. */
    static Stream<Arguments> cross(List<SessionDifferential.Scenario> scenarios) {
        List<Arguments> out = new ArrayList<>();
        for (String kind : KINDS) {
            for (SessionDifferential.Scenario scenario : scenarios) {
                out.add(Arguments.of(kind, scenario));
            }
        }
        return out.stream();
    }

    void close() {
        proxies.values().forEach(RunningProxy::close);
        proxies.clear();
    }
}
