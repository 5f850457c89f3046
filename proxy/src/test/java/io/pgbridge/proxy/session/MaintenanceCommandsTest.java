package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceCommandsTest {

    private static MaintenanceCommands.Request parse(String sql) {
        return MaintenanceCommands.Request.parse(sql);
    }

    @Test
    void plainVacuumAnalyzesNothing() {
        assertThat(parse("vacuum")).isEqualTo(new MaintenanceCommands.Request(true, false, List.of()));
        assertThat(parse("VACUUM FULL FREEZE VERBOSE t;"))
                .isEqualTo(new MaintenanceCommands.Request(true, false, List.of(List.of("t"))));
    }

    @Test
    void vacuumAnalyzeInBothSyntaxesNamesItsTables() {
        assertThat(parse("vacuum analyze pgbench_branches"))
                .isEqualTo(new MaintenanceCommands.Request(true, true, List.of(List.of("pgbench_branches"))));
        assertThat(parse("VACUUM (VERBOSE, ANALYZE true) Public.T1 (a, b), \"Odd \"\"Name\"\"\""))
                .isEqualTo(new MaintenanceCommands.Request(true, true,
                        List.of(List.of("public", "t1"), List.of("Odd \"Name\""))));
    }

    @Test
    void analyzeAloneAlwaysAnalyzes() {
        assertThat(parse("analyse")).isEqualTo(new MaintenanceCommands.Request(false, true, List.of()));
        assertThat(parse("ANALYZE VERBOSE a, b"))
                .isEqualTo(new MaintenanceCommands.Request(false, true, List.of(List.of("a"), List.of("b"))));
    }

    @Test
    void garbageIsASyntaxError() {
        assertThatThrownBy(() -> parse("vacuum t u")).isInstanceOf(PgException.class)
                .hasMessageContaining("syntax error at or near \"u\"");
        assertThatThrownBy(() -> parse("analyze t,")).isInstanceOf(PgException.class)
                .hasMessageContaining("syntax error at end of input");
    }
}
