package io.pgbridge.proxy.session.cursor;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.session.cursor.CursorStatement.Close;
import io.pgbridge.proxy.session.cursor.CursorStatement.Declare;
import io.pgbridge.proxy.session.cursor.CursorStatement.Fetch;
import io.pgbridge.proxy.session.cursor.CursorStatement.FetchDirection;
import io.pgbridge.proxy.session.cursor.CursorStatement.Scroll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements as PostgreSQL's grammar reads them; positions were checked against PostgreSQL 15. */
class CursorStatementTest {
    @Test
    void declareWithOptionsAndTheQueryAsWritten() {
        String sql = "DECLARE \"My\"\"C\" BINARY insensitive NO SCROLL CURSOR WITH HOLD FOR\n  select 1 ; ";
        assertThat(CursorStatement.parse(sql))
                .isEqualTo(new Declare("My\"C", true, Scroll.NO_SCROLL, true, "select 1", sql.indexOf("select")));
        assertThat(CursorStatement.parse("declare C cursor without hold for (values (1))"))
                .isEqualTo(new Declare("c", false, Scroll.UNSPECIFIED, false, "(values (1))", 34));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fetch c                  | FORWARD  | 1",
            "fetch next from c        | FORWARD  | 1",
            "fetch prior in c         | BACKWARD | 1",
            "fetch first c            | ABSOLUTE | 1",
            "fetch last c             | ABSOLUTE | -1",
            "fetch absolute -3 c      | ABSOLUTE | -3",
            "fetch relative +2 c      | RELATIVE | 2",
            "fetch -4 c               | FORWARD  | -4",
            "fetch all c              | FORWARD  | " + Long.MAX_VALUE,
            "fetch forward c          | FORWARD  | 1",
            "fetch forward 0 c        | FORWARD  | 0",
            "fetch backward all in c  | BACKWARD | " + Long.MAX_VALUE,
            "fetch backward -2 from c | BACKWARD | -2",
            "move from c              | FORWARD  | 1"})
    void fetchDirections(String sql, FetchDirection direction, long count) {
        assertThat(CursorStatement.parse(sql)).isEqualTo(new Fetch("c", direction, count, sql.startsWith("move")));
    }

    @Test
    void closeOneOrAll() {
        assertThat(CursorStatement.parse("close \"C\";")).isEqualTo(new Close("C"));
        assertThat(CursorStatement.parse("CLOSE ALL")).isEqualTo(new Close(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fetch                                     | 42601 | syntax error at end of input       | 6",
            "fetch 1;                                  | 42601 | syntax error at or near \";\"      | 8",
            "fetch forward forward c                   | 42601 | syntax error at or near \"c\"      | 23",
            "fetch 99999999999 c                       | 42601 | syntax error at or near \"99999999999\" | 7",
            "declare c cursor for insert into t values (1) | 42601 | syntax error at or near \"insert\" | 22",
            "declare c scroll no scroll cursor for select 1 | 42P11 | cannot specify both SCROLL and NO SCROLL | 0"})
    void errorsAsPostgres(String sql, String state, String message, int position) {
        assertThatThrownBy(() -> CursorStatement.parse(sql)).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(state);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(position);
        });
    }
}
