package io.pgbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void durations() {
        Values.Parser<Duration> p = Values.duration();
        assertThat(p.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(p.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(p.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(p.parse("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.parse(" 30 S ")).isEqualTo(Duration.ofSeconds(30));
        for (String bad : List.of("", "-1s", "1.5s", "10 minutes", "s")) {
            assertThatThrownBy(() -> p.parse(bad)).as(bad).hasMessageStartingWith("expected a duration");
        }
        assertThatThrownBy(() -> p.parse("99999999999999999999d")).hasMessageStartingWith("duration is too large");
        assertThat(Values.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Values.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void sizesUsePowersOf1024() {
        Values.Parser<Integer> p = Values.size();
        assertThat(p.parse("10000")).isEqualTo(10_000);
        assertThat(p.parse("64MB")).isEqualTo(64 << 20);
        assertThat(p.parse("64MiB")).isEqualTo(64 << 20);
        assertThat(p.parse("8k")).isEqualTo(8192);
        assertThat(p.parse("1GiB")).isEqualTo(1 << 30);
        assertThat(p.parse("1gb")).isEqualTo(1 << 30);
        assertThat(p.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> p.parse("2048MB")).hasMessageStartingWith("size is too large");
        assertThatThrownBy(() -> p.parse("1TB")).hasMessageStartingWith("expected a size");
    }

    @Test
    void quoteShortensAndEscapes() {
        assertThat(Values.quote("a\"b\nc")).isEqualTo("\"a\\\"b\\nc\"");
        assertThat(Values.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(60) + "...\"");
    }

    @Test
    void environmentInterpolation() {
        Map<String, String> env = Map.of("A", "1", "EMPTY", "");
        assertThat(EnvInterpolation.expand("no vars", env)).isEqualTo("no vars");
        assertThat(EnvInterpolation.expand("x${A}y${A}", env)).isEqualTo("x1y1");
        assertThat(EnvInterpolation.expand("${B:-dflt}", env)).isEqualTo("dflt");
        assertThat(EnvInterpolation.expand("${EMPTY:-dflt}", env)).as("shell semantics").isEqualTo("dflt");
        assertThat(EnvInterpolation.expand("${EMPTY}", env)).isEmpty();
        assertThat(EnvInterpolation.expand("${B:-}", env)).isEmpty();
        assertThat(EnvInterpolation.expand("$${A} $A", env)).isEqualTo("${A} $A");
        assertThatThrownBy(() -> EnvInterpolation.expand("${B}", env))
                .hasMessage("environment variable B is not set (write ${B:-} to allow an empty default)");
    }

    @Test
    void suggestionsCatchTyposTranspositionsAndCamelCase() {
        List<String> keys = ConfigLoader.POOL_KEYS;
        assertThat(Suggestions.closest("maximumPoolSize", keys)).contains("maximum_pool_size");
        assertThat(Suggestions.closest("max_lifetim", keys)).contains("max_lifetime");
        assertThat(Suggestions.closest("prot", ConfigLoader.LISTEN_KEYS)).contains("port");
        assertThat(Suggestions.closest("colour", ConfigLoader.BACKEND_KEYS)).isEmpty();
    }
}
