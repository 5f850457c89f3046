package io.pgbridge.proxy.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the corpus against PostgreSQL itself: a statement PostgreSQL rejects must say so with {@code error:}, and
 * a statement marked so must fail on PostgreSQL with exactly that SQLSTATE. Otherwise a typo in the corpus would
 * count as an expected failure, and every backend that fails it too would pass.
 */
final class CorpusHygiene {
    private CorpusHygiene() {
    }

    /** One line per statement that PostgreSQL does not treat as the corpus says; empty when all is well. */
    static List<String> problems(Corpus corpus, Map<String, Outcome> reference) {
        List<String> problems = new ArrayList<>();
        for (CorpusStatement statement : corpus.statements()) {
            Outcome outcome = reference.get(statement.id());
            String where = statement.location() + " " + statement.id() + ": ";
            if (outcome instanceof Outcome.Failed failed) {
                if (statement.expectedError() == null) {
                    problems.add(where + "PostgreSQL rejects it (" + failed.describe()
                            + ") but it has no 'error:' mark");
                } else if (!statement.expectedError().equals(failed.sqlState())) {
                    problems.add(where + "marked error: " + statement.expectedError() + " but PostgreSQL answers "
                            + failed.describe());
                }
            } else if (statement.expectedError() != null) {
                problems.add(where + "marked error: " + statement.expectedError() + " but PostgreSQL accepts it");
            }
        }
        return problems;
    }
}
