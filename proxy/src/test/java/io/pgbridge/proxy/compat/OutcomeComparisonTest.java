package io.pgbridge.proxy.compat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeComparisonTest {
    private static final List<String> COLUMNS = List.of("id", "amount");

    @Test
    void errorsMatchBySqlStateClass() {
        Outcome unique = new Outcome.Failed("23505", "duplicate key");
        assertThat(OutcomeComparison.difference(unique, new Outcome.Failed("23000", "integrity"), false)).isNull();
        assertThat(OutcomeComparison.difference(unique, new Outcome.Failed("42601", "syntax error"), false))
                .isEqualTo("expected error 23505, got error 42601: syntax error");
        assertThat(OutcomeComparison.difference(unique, new Outcome.Failed("", "driver choked"), false))
                .isEqualTo("expected error 23505, got error without SQLSTATE: driver choked");
        assertThat(OutcomeComparison.difference(unique, new Outcome.Succeeded(1, null, List.of()), false))
                .isEqualTo("expected error 23505, but it succeeded (update count 1)");
    }

    @Test
    void aFailureWhereSuccessWasExpectedGivesTheError() {
        assertThat(OutcomeComparison.difference(new Outcome.Succeeded(0, null, List.of()),
                new Outcome.Failed("0A000", "not supported"), false)).isEqualTo("error 0A000: not supported");
    }

    @Test
    void updateCountsAndColumnsMustBeEqual() {
        assertThat(OutcomeComparison.difference(new Outcome.Succeeded(2, null, List.of()),
                new Outcome.Succeeded(0, null, List.of()), false)).isEqualTo("expected update count 2, got 0");
        assertThat(OutcomeComparison.difference(result(row("1", "2")),
                new Outcome.Succeeded(-1, List.of("ID", "amount"), List.of(row("1", "2"))), false))
                .isEqualTo("expected columns [id, amount], got [ID, amount]");
    }

    @Test
    void numbersCompareNumericallyAndOtherTextExactly() {
        assertThat(OutcomeComparison.difference(result(row("1", "10.50")), result(row("1.0", "10.5")), true)).isNull();
        assertThat(OutcomeComparison.difference(result(row("1", "1e3")), result(row("1", "1000")), true)).isNull();
        assertThat(OutcomeComparison.difference(result(row("1", "t")), result(row("1", "true")), true))
                .isEqualTo("row 1: expected [1, t], got [1, true]");
        assertThat(OutcomeComparison.difference(result(row("1", null)), result(row("1", "null")), true))
                .isEqualTo("row 1: expected [1, NULL], got [1, null]");
    }

    @Test
    void rowsCompareAsMultisetUnlessOrdered() {
        Outcome expected = result(row("1", "a"), row("2", "b"), row("2", "b"));
        Outcome shuffled = result(row("2", "b"), row("1", "a"), row("2", "b"));
        assertThat(OutcomeComparison.difference(expected, shuffled, false)).isNull();
        assertThat(OutcomeComparison.difference(expected, shuffled, true))
                .isEqualTo("row 1: expected [1, a], got [2, b]");
        assertThat(OutcomeComparison.difference(expected, result(row("1", "a"), row("2", "b"), row("3", "c")), false))
                .isEqualTo("expected row [2, b] (of 1 unmatched), got [3, c] instead");
        assertThat(OutcomeComparison.difference(expected, result(row("1", "a")), false))
                .isEqualTo("expected 3 row(s), got 1");
    }

    @SafeVarargs
    private static Outcome result(List<String>... rows) {
        return new Outcome.Succeeded(-1, COLUMNS, List.of(rows));
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
