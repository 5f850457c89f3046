package io.pgbridge.translation.h2;

import io.pgbridge.translation.TranslationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statement forms H2 lacks (WITH before data changes, data changes inside WITH, recursive WITH without a column
 * list, UPDATE … FROM a list), run on a real H2; expected answers are PostgreSQL 15's for the original statements.
 */
class H2StatementShapesTest {
    private final H2Translator translator = new H2Translator();
    private TranslatedH2 h2;

    @BeforeEach
    void open() throws SQLException {
        h2 = new TranslatedH2(translator);
        h2.run("create table units (id int primary key, name text, parent_id int)");
        h2.run("insert into units values (1, 'root', null), (2, 'eng', 1), (3, 'db', 2), (4, 'ops', 1)");
        h2.run("create table sales (id int primary key, region text, amount numeric(10,2))");
        h2.run("insert into sales values (1, 'north', 100), (2, 'south', 300), (3, 'north', 250)");
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    @Test
    void recursiveWithGetsTheColumnNamesOfItsFirstSelect() throws SQLException {
        assertThat(h2.query("""
                WITH RECURSIVE tree AS (
                    SELECT id, name, 0 AS depth, name::text AS path FROM units WHERE parent_id IS NULL
                    UNION ALL
                    SELECT u.id, u.name, t.depth + 1, t.path || ' > ' || u.name FROM units u JOIN tree t ON u.parent_id = t.id
                ) SELECT id, depth, path FROM tree ORDER BY path"""))
                .containsExactly("id|depth|path", "1|0|root", "2|1|root > eng", "3|2|root > eng > db",
                        "4|1|root > ops");
    }

    @Test
    void dataChangeInsideWithRunsOnceAndFeedsTheQuery() throws SQLException {
        assertThat(h2.query("WITH removed AS (DELETE FROM sales WHERE region = 'north' RETURNING id, amount) "
                + "SELECT count(*) AS n, sum(amount) AS total FROM removed"))
                .containsExactly("n|total", "2|350.00");
        assertThat(h2.query("select count(*) from sales")).containsExactly("count", "1");
    }

    @Test
    void withBeforeUpdateIsInlinedAsDerivedTables() throws SQLException {
        assertThat(h2.update("WITH big AS (SELECT id FROM sales WHERE amount > 200) "
                + "UPDATE sales SET amount = amount * 0.5 WHERE id IN (SELECT id FROM big)")).isEqualTo(2);
        assertThat(h2.query("select id, amount from sales order by id"))
                .containsExactly("id|amount", "1|100.00", "2|150.00", "3|125.00");
    }

    @Test
    void insertFedByAnInsertInsideWith() throws SQLException {
        assertThat(h2.query("WITH n AS (INSERT INTO units VALUES (5, 'qa', 1) RETURNING id, name) "
                + "INSERT INTO sales (id, region, amount) SELECT id * 10, name, 1 FROM n RETURNING id, region"))
                .containsExactly("id|region", "50|qa");
        assertThat(h2.query("select name from units where id = 5")).containsExactly("name", "qa");
    }

    @Test
    void dataChangeInsideWithMustBeReferencedOnce() {
        assertThatThrownBy(() -> translator.translate(
                "WITH d AS (DELETE FROM sales RETURNING id) SELECT * FROM d, d AS again"))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(TranslationException.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void updateFromSeveralTablesBecomesACorrelatedAssignment() throws SQLException {
        h2.run("create table targets (region text primary key, goal numeric(10,2))");
        h2.run("insert into targets values ('north', 10), ('south', 20), ('west', 30)");
        assertThat(h2.update("UPDATE targets SET goal = t.goal + s.amount FROM sales s, targets t "
                + "WHERE s.region = targets.region AND t.region = targets.region AND s.amount > 200")).isEqualTo(2);
        assertThat(h2.query("select region, goal from targets order by region"))
                .containsExactly("region|goal", "north|260.00", "south|320.00", "west|30.00");
    }

    @Test
    void rollupCubeAndGroupingSetsBecomeAUnionOfGroupings() throws SQLException {
        // PostgreSQL 15: SELECT region, id > 1 AS later, count(*) AS n FROM sales GROUP BY ROLLUP (region, id > 1) …
        assertThat(h2.query("SELECT region, id > 1 AS later, count(*) AS n, grouping(region) AS g FROM sales "
                + "GROUP BY ROLLUP (region, id > 1) ORDER BY region NULLS LAST, later NULLS LAST"))
                .containsExactly("region|later|n|g", "north|FALSE|1|0", "north|TRUE|1|0", "north|null|2|0",
                        "south|TRUE|1|0", "south|null|1|0", "null|null|3|1");
        assertThat(h2.query("SELECT region, amount, count(*) AS n FROM sales GROUP BY GROUPING SETS ((region), (amount), ()) "
                + "HAVING count(*) > 1 ORDER BY region NULLS LAST, amount NULLS LAST"))
                .containsExactly("region|amount|n", "north|null|2", "null|null|3");
        assertThat(h2.query("SELECT region, count(*) AS n FROM sales GROUP BY CUBE (region) ORDER BY n DESC, region"))
                .containsExactly("region|n", "null|3", "north|2", "south|1");
        // a grouping column cast to a type (as pgbridge's schema rewrites write booleans) is named after the column
        assertThat(h2.query("SELECT region::text, amount::int AS a, count(*) AS n FROM sales "
                + "GROUP BY ROLLUP (region, amount) ORDER BY region NULLS LAST, a NULLS LAST"))
                .containsExactly("region|a|n", "north|100|1", "north|250|1", "north|null|2", "south|300|1",
                        "south|null|1", "null|null|3");
    }

    @Test
    void usingColumnsAreNamedWithoutQualifierAsInPostgres() throws SQLException {
        h2.run("create table targets (region text, goal int)");
        h2.run("insert into targets values ('north', 10), ('west', 30)");
        // PostgreSQL 15 answers these as shown
        assertThat(h2.query("SELECT region, sum(amount) AS total, max(goal) AS goal FROM sales JOIN targets USING (region) "
                + "GROUP BY region ORDER BY region"))
                .containsExactly("region|total|goal", "north|350.00|10");
        assertThat(h2.query("SELECT region, t.goal FROM (SELECT DISTINCT region FROM sales) s "
                + "RIGHT JOIN targets t USING (region) ORDER BY region"))
                .containsExactly("region|goal", "north|10", "west|30");
        assertThat(h2.query("SELECT count(region) AS n FROM sales s LEFT OUTER JOIN targets AS t USING (region) "
                + "WHERE region <> 'south'"))
                .containsExactly("n", "2");
    }

    @Test
    void fullJoinIsTheLeftJoinPlusTheUnpartneredRightRows() throws SQLException {
        h2.run("create table targets (region text, goal int)");
        h2.run("insert into targets values ('north', 10), ('west', 30)");
        // PostgreSQL 15: north pairs twice, south has no target, west no sale
        assertThat(h2.query("SELECT s.id, t.region AS target FROM sales s FULL OUTER JOIN targets t ON t.region = s.region "
                + "ORDER BY s.id NULLS FIRST, t.region"))
                .containsExactly("id|target", "null|west", "1|north", "2|null", "3|north");
        assertThat(h2.query("SELECT s.id, t.goal FROM sales s FULL JOIN targets t ON t.region = s.region "
                + "WHERE t.goal IS NULL OR t.goal > 20 ORDER BY t.goal LIMIT 5"))
                .containsExactly("id|goal", "null|30", "2|null");
    }

    @Test
    void lateralSubqueryOfOneRowBecomesScalarSubqueries() throws SQLException {
        // PostgreSQL 15: the latest unit under each unit that has children, then every unit with its latest child
        assertThat(h2.query("SELECT u.name, latest.name AS child FROM units u CROSS JOIN LATERAL "
                + "(SELECT c.name FROM units c WHERE c.parent_id = u.id ORDER BY c.id DESC LIMIT 1) latest ORDER BY u.id"))
                .containsExactly("name|child", "root|ops", "eng|db");
        assertThat(h2.query("SELECT u.name, latest.name AS child FROM units u LEFT JOIN LATERAL "
                + "(SELECT c.name FROM units c WHERE c.parent_id = u.id ORDER BY c.id DESC LIMIT 1) AS latest ON true "
                + "WHERE u.id > 1 ORDER BY u.id"))
                .containsExactly("name|child", "eng|db", "db|null", "ops|null");
        // Several rows per parent cannot be scalar subqueries: an error rather than other rows than PostgreSQL's
        assertThatThrownBy(() -> h2.query("SELECT u.name, kids.name FROM units u CROSS JOIN LATERAL "
                + "(SELECT c.name FROM units c WHERE c.parent_id = u.id LIMIT 2) kids"))
                .isInstanceOf(SQLException.class);
    }
}
