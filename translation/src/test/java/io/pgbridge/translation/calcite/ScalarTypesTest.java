package io.pgbridge.translation.calcite;

import io.pgbridge.translation.Translator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's computed result columns get the type PostgreSQL gives them, where the text alone tells it. */
class ScalarTypesTest {
    private final Translator sqlite = CalciteTranslator.forSqlite();
    private final Translator mariadb = CalciteTranslator.forMariaDb();

    @Test
    void literalsCastsCountsAndArithmeticOfThem() {
        assertThat(sqlite.translate("select 1, 12345678901, 1.5, 'x', count(*), count(name), x::int8, 1 + 2,"
                + " 1 + 2::int8, 2 * 1.5, (3)::smallint + 1::smallint, -1, coalesce(name, 'none'), name || 'x',"
                + " length(name), upper(name), name, amount * 2, min(name), coalesce(price, 0) + 1 from t group by name")
                .columnTypes())
                .isEqualTo(Map.ofEntries(Map.entry(0, "int4"), Map.entry(1, "int8"), Map.entry(2, "numeric"),
                        Map.entry(3, "text"), Map.entry(4, "int8"), Map.entry(5, "int8"), Map.entry(6, "int8"),
                        Map.entry(7, "int4"), Map.entry(8, "int8"), Map.entry(9, "numeric"), Map.entry(10, "int4"),
                        Map.entry(11, "int4"), Map.entry(13, "text"), Map.entry(14, "int4"),
                        Map.entry(15, "text")));
    }

    @Test
    void onlyForBackendsThatTypeByValue() {
        assertThat(mariadb.translate("select count(*), 1 from t").columnTypes()).isEmpty();
    }
}
