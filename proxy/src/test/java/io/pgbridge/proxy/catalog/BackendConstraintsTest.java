package io.pgbridge.proxy.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendConstraintsTest {

    /** The text SQLite keeps for a table pgbridge created (its own type checks are named pgbridge_…). */
    @Test
    void readsSqliteChecksAndNamesUnnamedOnesAsPostgres() {
        String ddl = "CREATE TABLE \"cat_b\" (\"id\" int4 PRIMARY KEY NOT NULL CONSTRAINT \"pgbridge_22P02_id\""
                + " CHECK (typeof(\"id\") <> 'text'), \"n\" int4 CHECK (n > 0) CONSTRAINT \"pgbridge_22003_n\""
                + " CHECK (\"n\" BETWEEN -2147483648 AND 2147483647), \"code\" text UNIQUE,"
                + " CONSTRAINT \"cat_b_range\" CHECK (n < (id + 10)), CHECK (length(code) > 1))";
        assertThat(BackendConstraints.sqliteChecks("cat_b", ddl)).containsExactly(
                new BackendConstraints.Check("pgbridge_22P02_id", "typeof(id) <> 'text'"),
                new BackendConstraints.Check("cat_b_n_check", "n > 0"),
                new BackendConstraints.Check("pgbridge_22003_n", "n BETWEEN -2147483648 AND 2147483647"),
                new BackendConstraints.Check("cat_b_range", "n < (id + 10)"),
                new BackendConstraints.Check("cat_b_check", "length(code) > 1"));
    }

    @Test
    void unquotesPlainIdentifiersOnly() {
        assertThat(BackendConstraints.unquote("`price` >= 0 AND `Mixed` <> ''", '`')).isEqualTo("price >= 0 AND `Mixed` <> ''");
    }
}
