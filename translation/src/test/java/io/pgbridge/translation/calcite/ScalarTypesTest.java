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
                        Map.entry(7, "int4"), Map.entry(8, "int8"), Map.entry(9, "numeric"), Map.entry(10, "int2"),
                        Map.entry(11, "int4"), Map.entry(12, "coalesce(@t.name,text)"), Map.entry(13, "text"),
                        Map.entry(14, "int4"), Map.entry(15, "text"), Map.entry(17, "*(@t.amount,int4)"),
                        Map.entry(18, "same(@t.name)"), Map.entry(19, "+(coalesce(@t.price,int4),int4)")));
    }

    /** Columns of the FROM's tables are named in formulas that the proxy resolves with the backend's catalog. */
    @Test
    void columnsOfTheFromClauseInFormulas() {
        assertThat(sqlite.translate("select o.qty * p.price, sum(qty), avg(price), max(x.n), -qty, abs(qty) % 2"
                + " from orders o join prices p on o.id = p.id, (select 1 as n) x").columnTypes())
                .as("an unqualified column of a FROM with a subquery cannot be placed")
                .isEqualTo(Map.of(0, "*(@orders.qty,@prices.price)"));
        assertThat(sqlite.translate("select qty * price as total, sum(qty), avg(price), -qty, abs(qty) % 2, qty"
                + " from orders o join prices p on o.id = p.id").columnTypes())
                .isEqualTo(Map.of(0, "*(@orders|prices.qty,@orders|prices.price)",
                        1, "sum(@orders|prices.qty)", 2, "avg(@orders|prices.price)",
                        3, "@orders|prices.qty", 4, "%(same(@orders|prices.qty),int4)"));
        assertThat(sqlite.translate("with orders as (select 1 as qty) select o.qty * 2, prices.price * 2,"
                + " price * 2 from orders o, prices").columnTypes())
                .as("a WITH query is no table of the catalog, and may hold an unqualified column")
                .isEqualTo(Map.of(1, "*(@prices.price,int4)"));
    }

    @Test
    void onlyForBackendsThatTypeByValue() {
        assertThat(mariadb.translate("select count(*), 1 from t").columnTypes()).isEmpty();
    }
}
