package io.pgbridge.translation.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Formulas of computed columns resolve to PostgreSQL's result types, as PostgreSQL 15 reports them. */
class ColumnTypeFormulaTest {
    private static final Map<String, TableShape> TABLES = Map.of(
            "orders", new TableShape("orders", List.of(new ColumnShape("qty", "int4"),
                    new ColumnShape("big", "int8"), new ColumnShape("amount", "numeric", false, 2),
                    new ColumnShape("ratio", "float8"), new ColumnShape("name", "text"),
                    new ColumnShape("small", "int2"), new ColumnShape("id", "int4")), List.of(), true),
            "prices", new TableShape("prices", List.of(new ColumnShape("price", "numeric", false, 3),
                    new ColumnShape("id", "int4")), List.of(), true));
    private static final Catalog CATALOG = (schema, name) -> Optional.ofNullable(TABLES.get(name));

    private static String resolved(String formula) {
        return ColumnTypeFormula.resolve(formula, CATALOG).map(r -> r.type() + "/" + r.scale()).orElse(null);
    }

    @Test
    void arithmeticTakesTheWiderTypeAndNumericScales() {
        assertThat(resolved("*(@orders.qty,int4)")).isEqualTo("int4/-1");
        assertThat(resolved("+(@orders.big,int4)")).isEqualTo("int8/-1");
        assertThat(resolved("+(@orders.small,@orders.small)")).isEqualTo("int2/-1");
        assertThat(resolved("*(@orders.amount,int4)")).isEqualTo("numeric/2");
        assertThat(resolved("*(@orders.amount,@prices.price)")).isEqualTo("numeric/5");
        assertThat(resolved("-(@orders.amount,@prices.price)")).isEqualTo("numeric/3");
        assertThat(resolved("/(@orders.amount,int4)")).isEqualTo("numeric/-1");
        assertThat(resolved("*(@orders.ratio,@orders.qty)")).isEqualTo("float8/-1");
        assertThat(resolved("+(@orders.name,int4)")).isNull();
    }

    @Test
    void aggregatesAndCoalesce() {
        assertThat(resolved("sum(@orders.qty)")).isEqualTo("int8/-1");
        assertThat(resolved("sum(@orders.big)")).isEqualTo("numeric/0");
        assertThat(resolved("sum(*(@orders.amount,@orders.qty))")).isEqualTo("numeric/2");
        assertThat(resolved("avg(@orders.qty)")).isEqualTo("numeric/-1");
        assertThat(resolved("avg(@orders.ratio)")).isEqualTo("float8/-1");
        assertThat(resolved("same(@orders.amount)")).isEqualTo("numeric/2");
        assertThat(resolved("coalesce(@orders.qty,int4)")).isEqualTo("int4/-1");
        assertThat(resolved("coalesce(@orders.amount,int4)")).as("0 prints as 0, 12.50 as 12.50").isEqualTo("numeric/-1");
        assertThat(resolved("coalesce(@orders.name,text)")).isEqualTo("text/-1");
    }

    @Test
    void unqualifiedColumnsNeedExactlyOneTable() {
        assertThat(resolved("*(@orders|prices.price,int4)")).isEqualTo("numeric/3");
        assertThat(resolved("+(@orders|prices.id,int4)")).as("ambiguous").isNull();
        assertThat(resolved("+(@orders|nowhere.qty,int4)")).isEqualTo("int4/-1");
        assertThat(resolved("+(@nowhere.qty,int4)")).isNull();
    }

    @Test
    void namesThatCannotBeWrittenMakeNoFormula() {
        assertThat(ColumnTypeFormula.column(List.of("a b"), "x")).isNull();
        assertThat(ColumnTypeFormula.call("+", java.util.Arrays.asList("int4", null))).isNull();
        assertThat(ColumnTypeFormula.isFormula("int4")).isFalse();
        assertThat(ColumnTypeFormula.isFormula("@t.c")).isTrue();
    }
}
