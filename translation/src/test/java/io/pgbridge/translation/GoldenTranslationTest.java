package io.pgbridge.translation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Translations for the backends that cannot run here (Oracle, SQL Server, Db2), checked as text against
 * {@code golden/<target>.txt}: each {@code pg:} line is a PostgreSQL statement, followed by {@code =>} and the SQL
 * the backend gets (line breaks as spaces), or by {@code !!} and the SQLSTATE and message of the refusal. The
 * expected texts were read statement by statement against each backend's documentation; a change that alters
 * one must be read the same way before the file is updated.
 */
class GoldenTranslationTest {

    static Stream<Arguments> statements() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (SqlTarget target : List.of(SqlTarget.ORACLE, SqlTarget.SQLSERVER, SqlTarget.DB2)) {
            String file = "golden/" + target.name().toLowerCase(Locale.ROOT) + ".txt";
            String statement = null;
            for (String line : read(file)) {
                if (line.startsWith("pg: ")) {
                    statement = line.substring(4);
                } else if (line.startsWith("=> ") || line.startsWith("!! ")) {
                    cases.add(Arguments.of(target, statement, line));
                    statement = null;
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(3 * 40);
        return cases.stream();
    }

    private static List<String> read(String resource) throws IOException {
        try (InputStream in = GoldenTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("statements")
    void translatesAsTheGoldenFileSays(SqlTarget target, String statement, String expected) {
        Translator translator = Translators.forTarget(target);
        if (expected.startsWith("=> ")) {
            assertThat(translator.translate(statement).sql().replace('\n', ' ')).isEqualTo(expected.substring(3));
        } else {
            String[] refusal = expected.substring(3).split(" ", 2);
            assertThatThrownBy(() -> translator.translate(statement))
                    .isInstanceOfSatisfying(TranslationException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(refusal[0]);
                        assertThat(e.getMessage()).isEqualTo(refusal[1]);
                    });
        }
    }
}
