package io.pgbridge.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresAddressTest {
    @Test
    void readsHostPortDatabaseAndParameters() {
        assertThat(PostgresAddress.parse("jdbc:postgresql://db.example:6543/app%20x?user=bob&password=p%26w"))
                .isEqualTo(new PostgresAddress("db.example", 6543, "app x",
                        java.util.Map.of("user", "bob", "password", "p&w")));
        assertThat(PostgresAddress.parse("jdbc:postgresql://127.0.0.1/test"))
                .isEqualTo(new PostgresAddress("127.0.0.1", 5432, "test", java.util.Map.of()));
        assertThat(PostgresAddress.parse("jdbc:postgresql://[::1]:5433/")).extracting(PostgresAddress::host,
                PostgresAddress::port, PostgresAddress::database).containsExactly("::1", 5433, "");
    }

    @Test
    void refusesWhatItCannotConnectTo() {
        assertThatThrownBy(() -> PostgresAddress.parse("jdbc:mariadb://h/db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresAddress.parse("jdbc:postgresql://a,b/db"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
