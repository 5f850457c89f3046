package io.pgbridge.backend;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default: an H2 file database in PostgreSQL mode that also holds actor state.
 * {@code actors.state} is text checked to be JSON: H2's own JSON type would store a bound string as a JSON string
 * value rather than parse it, which no PostgreSQL client expects.
 */
public final class EmbeddedH2 {
    static final String ACTORS_DDL = """
            CREATE TABLE IF NOT EXISTS actors (
                actor_id   text PRIMARY KEY,
                actor_type text NOT NULL,
                state      text CHECK (state IS NULL OR state IS JSON),
                version    bigint NOT NULL DEFAULT 0,
                updated_at timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP
            )""";

    private EmbeddedH2() {
    }

    /** Creates the built-in tables when they are missing. */
    public static void initialise(Backend backend) throws SQLException {
        try (Connection c = backend.lease(); Statement st = c.createStatement()) {
            st.execute(ACTORS_DDL);
        }
    }
}
