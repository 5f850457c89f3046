package io.pgbridge.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured credentials leave the URL before a connection logs in with a client's own. */
class JdbcBackendCredentialsTest {

    @Test
    void queryStringCredentialsGoWhereverTheyStand() {
        assertThat(JdbcBackend.withoutCredentials("jdbc:mariadb://127.0.0.1:3306/test?user=root"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(JdbcBackend.withoutCredentials("jdbc:postgresql://h/db?user=a&password=b&sslmode=require"))
                .isEqualTo("jdbc:postgresql://h/db?sslmode=require");
        assertThat(JdbcBackend.withoutCredentials("jdbc:postgresql://h/db?sslmode=require&USER=a&password=b"))
                .isEqualTo("jdbc:postgresql://h/db?sslmode=require");
        assertThat(JdbcBackend.withoutCredentials("jdbc:postgresql://h/db?sslpassword=k&user=a"))
                .isEqualTo("jdbc:postgresql://h/db?sslpassword=k");
    }

    @Test
    void semicolonSettingsToo() {
        assertThat(JdbcBackend.withoutCredentials("jdbc:h2:file:./data/x;MODE=PostgreSQL;USER=sa;PASSWORD=p"))
                .isEqualTo("jdbc:h2:file:./data/x;MODE=PostgreSQL");
        assertThat(JdbcBackend.withoutCredentials("jdbc:h2:file:./data/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/x;MODE=PostgreSQL");
    }
}
