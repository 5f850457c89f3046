package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.error.PgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** COPY statements in both option syntaxes, and PostgreSQL 15's answers to bad ones (taken from psql). */
class CopyStatementParserTest {

    @Test
    void tableColumnsAndGenericOptions() {
        CopyStatement copy = CopyStatementParser.parse("copy public.\"My T\" (a, \"B c\") from stdin with "
                + "(format csv, delimiter ';', null 'NULL', header match, quote '''', escape E'\\\\', "
                + "force_not_null (a), force_null (\"B c\"), encoding 'latin1', freeze)");
        assertThat(copy.from()).isTrue();
        assertThat(copy.stdio()).isTrue();
        assertThat(copy.table()).isEqualTo("public.\"My T\"");
        assertThat(copy.relationName()).isEqualTo("My T");
        assertThat(copy.columnSql()).containsExactly("a", "\"B c\"");
        assertThat(copy.columnNames()).containsExactly("a", "B c");
        CopyOptions o = copy.options();
        assertThat(o.format()).isEqualTo(CopyFormat.CSV);
        assertThat(o.delimiter()).isEqualTo((byte) ';');
        assertThat(o.nullString()).isEqualTo("NULL");
        assertThat(o.header()).isTrue();
        assertThat(o.headerMatch()).isTrue();
        assertThat(o.quote()).isEqualTo((byte) '\'');
        assertThat(o.escape()).isEqualTo((byte) '\\');
        assertThat(o.forceNotNull()).containsExactly("a");
        assertThat(o.forceNull()).containsExactly("B c");
        assertThat(o.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void defaultsOfEachFormat() {
        CopyOptions text = CopyStatementParser.parse("COPY t TO STDOUT").options();
        assertThat(text.delimiter()).isEqualTo((byte) '\t');
        assertThat(text.nullString()).isEqualTo("\\N");
        CopyOptions csv = CopyStatementParser.parse("COPY t TO STDOUT (FORMAT CSV)").options();
        assertThat(csv.delimiter()).isEqualTo((byte) ',');
        assertThat(csv.nullString()).isEmpty();
        assertThat(csv.quote()).isEqualTo((byte) '"');
        assertThat(csv.escape()).isEqualTo((byte) '"');
    }

    @Test
    void oldSyntax() {
        CopyStatement copy = CopyStatementParser.parse(
                "COPY t TO STDOUT WITH CSV HEADER DELIMITER AS '|' NULL AS 'x' QUOTE AS '$' FORCE QUOTE a, b");
        assertThat(copy.options().format()).isEqualTo(CopyFormat.CSV);
        assertThat(copy.options().header()).isTrue();
        assertThat(copy.options().delimiter()).isEqualTo((byte) '|');
        assertThat(copy.options().quote()).isEqualTo((byte) '$');
        assertThat(copy.options().forceQuote()).containsExactly("a", "b");
        assertThat(CopyStatementParser.parse("COPY t TO STDOUT CSV FORCE QUOTE *").options().forceQuoteAll()).isTrue();
        assertThat(CopyStatementParser.parse("COPY BINARY t FROM STDIN").options().binary()).isTrue();
        assertThat(CopyStatementParser.parse("copy t from stdin with binary").options().binary()).isTrue();
        assertThat(CopyStatementParser.parse("COPY t FROM STDIN CSV FORCE NOT NULL a").options().forceNotNull())
                .containsExactly("a");
    }

    @Test
    void queryAndFiles() {
        CopyStatement query = CopyStatementParser.parse("COPY (select 1, (2)) TO STDOUT");
        assertThat(query.query()).isEqualTo("select 1, (2)");
        assertThat(query.sourceQuery()).isEqualTo("select 1, (2)");
        assertThat(CopyStatementParser.parse("COPY t (a) TO STDOUT").sourceQuery()).isEqualTo("SELECT a FROM t");
        assertThat(CopyStatementParser.parse("COPY t FROM '/tmp/x'").stdio()).isFalse();
        assertThat(CopyStatementParser.parse("COPY t TO PROGRAM 'gzip > x'").stdio()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            copy t from stdin (format xyz)                           | 22023 | COPY format "xyz" not recognized | 20
            copy t from stdin (format csv, format csv)               | 42601 | conflicting or redundant options | 32
            copy t from stdin (delimiter 'ab')                       | 0A000 | COPY delimiter must be a single one-byte character | 0
            copy t from stdin (format binary, delimiter ',')         | 42601 | cannot specify DELIMITER in BINARY mode | 0
            copy t from stdin (quote '"')                            | 0A000 | COPY quote available only in CSV mode | 0
            copy t from stdin (bogus 1)                              | 42601 | option "bogus" not recognized | 20
            copy t to stdout (format csv, force_not_null (a))        | 0A000 | COPY force not null only available using COPY FROM | 0
            copy t from stdin (format csv, force_quote (a))          | 0A000 | COPY force quote only available using COPY TO | 0
            copy t from stdin (delimiter '\\')                        | 22023 | COPY delimiter cannot be "\\" | 0
            copy t from stdin (delimiter 'a')                        | 22023 | COPY delimiter cannot be "a" | 0
            copy t from stdin (format csv, delimiter ',', quote ',') | 22023 | COPY delimiter and quote must be different | 0
            copy t from stdin (format binary, header)                | 0A000 | cannot specify HEADER in BINARY mode | 0
            copy t from stdin (escape '\\')                           | 0A000 | COPY escape available only in CSV mode | 0
            copy t from stdin (null E'\\n')                           | 22023 | COPY null representation cannot use newline or carriage return | 0
            copy t from stdin (format csv, null '"')                 | 0A000 | CSV quote character must not appear in the NULL specification | 0
            copy (select 1) from stdin                               | 42601 | syntax error at or near "from" | 17
            copy t from stdin (encoding 'nope')                      | 22023 | argument to option "encoding" must be a valid encoding name | 20
            copy t to stdout (format csv, force_null (a))            | 0A000 | COPY force null only available using COPY FROM | 0
            copy t from stdin (format text, header 2)                | 42601 | header requires a Boolean value or "match" | 0
            copy t from stdin (format csv, delimiter E'\\n')          | 22023 | COPY delimiter cannot be newline or carriage return | 0
            copy t from stdin (format csv, escape 'ab')              | 0A000 | COPY escape must be a single one-byte character | 0
            copy t to stdout (format csv, force_quote (a), force_quote *) | 42601 | conflicting or redundant options | 48
            copy t to stdout (format)                                | 42601 | format requires a parameter | 0
            copy t to stdout (format 1)                              | 22023 | COPY format "1" not recognized | 19
            copy t (a) to stdout (force_quote *)                     | 0A000 | COPY force quote available only in CSV mode | 0
            copy t to stdout (format csv, header match)              | 0A000 | cannot use "match" with HEADER in COPY TO | 0
            copy t to stdout with oids                               | 42601 | syntax error at or near "oids" | 23
            """)
    void errorsAsPostgresGivesThem(String sql, String sqlState, String message, int position) {
        PgException e = catchThrowableOfType(PgException.class, () -> CopyStatementParser.parse(sql.strip()));
        assertThat(List.of(e.sqlState(), e.getMessage(), e.position())).isEqualTo(List.of(sqlState, message, position));
    }
}
