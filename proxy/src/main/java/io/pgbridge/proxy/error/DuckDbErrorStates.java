package io.pgbridge.proxy.error;

import java.util.List;

/**
 * SQLSTATEs for DuckDB's errors, which carry none: the message starts with the kind of error ({@code Catalog
 * Error: Table with name t does not exist!}, {@code Constraint Error: Duplicate key …}), which with a few words
 * after it says what PostgreSQL's codes say.
 */
final class DuckDbErrorStates {
    /** Message beginnings and fragments, first match wins, with the state PostgreSQL gives the same mistake. */
    private static final List<String[]> FRAGMENTS = List.of(
            new String[] {"Catalog Error: Table with name", "does not exist", "42P01"},
            new String[] {"Catalog Error: Table with name", "already exists", "42P07"},
            new String[] {"Catalog Error: Index with name", "already exists", "42P07"},
            new String[] {"Catalog Error: Scalar Function with name", "", "42883"},
            new String[] {"Catalog Error:", "does not exist", "42704"},
            new String[] {"Catalog Error:", "already exists", "42710"},
            new String[] {"Binder Error: Referenced column", "", "42703"},
            new String[] {"Binder Error: Values list", "", "42703"},
            new String[] {"Binder Error:", "GROUP BY", "42803"},
            new String[] {"Binder Error:", "ambiguous", "42702"},
            new String[] {"Binder Error: No function matches", "", "42883"},
            new String[] {"Binder Error:", "", "42804"},
            new String[] {"Parser Error:", "", "42601"},
            new String[] {"Constraint Error: Duplicate key", "", "23505"},
            new String[] {"Constraint Error: NOT NULL", "", "23502"},
            new String[] {"Constraint Error: Violates foreign key", "", "23503"},
            new String[] {"Constraint Error: CHECK", "", "23514"},
            new String[] {"Conversion Error:", "", "22P02"},
            new String[] {"Invalid Input Error: division by zero", "", "22012"},
            new String[] {"Out of Range Error:", "", "22003"},
            new String[] {"TransactionContext Error:", "onflict", "40001"},
            new String[] {"Invalid Input Error:", "", "22023"});

    private DuckDbErrorStates() {
    }

    /** The state for a DuckDB message, or null when the message is not DuckDB's. */
    static String of(String message) {
        for (String[] fragment : FRAGMENTS) {
            if (message.startsWith(fragment[0]) && message.contains(fragment[1])) {
                return fragment[2];
            }
        }
        return null;
    }
}
