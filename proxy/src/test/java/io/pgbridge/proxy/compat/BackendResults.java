package io.pgbridge.proxy.compat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SequencedSet;

/**
 * How one backend did on every corpus statement compared with PostgreSQL.
 *
 * @param backend the target's name
 * @param passing ids of the statements whose outcome matched PostgreSQL's, in corpus order
 * @param failing the other statements' ids with the first difference, in corpus order
 */
record BackendResults(String backend, SequencedSet<String> passing, Map<String, String> failing) {

    static BackendResults compare(String backend, Corpus corpus, Map<String, Outcome> reference,
                                  Map<String, Outcome> outcomes) {
        SequencedSet<String> passing = new LinkedHashSet<>();
        Map<String, String> failing = new LinkedHashMap<>();
        for (CorpusStatement statement : corpus.statements()) {
            Outcome actual = outcomes.get(statement.id());
            String difference = actual == null ? "not run"
                    : OutcomeComparison.difference(reference.get(statement.id()), actual, statement.ordered());
            if (difference == null) {
                passing.add(statement.id());
            } else {
                failing.put(statement.id(), difference);
            }
        }
        return new BackendResults(backend, Collections.unmodifiableSequencedSet(passing),
                Collections.unmodifiableMap(failing));
    }

    int total() {
        return passing.size() + failing.size();
    }
}
