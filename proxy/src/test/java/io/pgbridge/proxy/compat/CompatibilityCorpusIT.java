package io.pgbridge.proxy.compat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential compatibility corpus (compat/README.md): every corpus file on PostgreSQL 15 directly, then
 * through pgbridge in front of each backend, compared statement by statement.
 *
 * <p>It fails when PostgreSQL itself does not treat a statement as the corpus says (corpus hygiene) and when a
 * statement listed in a backend's baseline no longer passes (a regression). Statements that pass but are not in the
 * baseline yet are printed. {@code -Dcompat.update=true} writes {@code docs/compatibility.md} and the baselines
 * instead of checking them; {@code -Dcompat.backends=h2,sqlite} runs only some backends (not with update), and also
 * reaches the in-process dialect profiles outside the default list ({@code hsqldb}, {@code duckdb}, {@code derby}),
 * which have no baseline yet. Without
 * update the report is still written to {@code target/compatibility.md} for a look.
 */
class CompatibilityCorpusIT {
    private static final List<String> ALL_BACKENDS = List.of("h2", "mariadb", "sqlite", "postgresql");

    @Test
    void backendsAnswerTheCorpusAsPostgresDoes() throws Exception {
        boolean update = Boolean.getBoolean("compat.update");
        List<String> backends = selectedBackends();
        if (update && !backends.equals(ALL_BACKENDS)) {
            throw new IllegalStateException("-Dcompat.update=true needs every backend; drop -Dcompat.backends");
        }
        Corpus corpus = Corpus.load();
        Map<String, Outcome> reference = runCorpus(new DirectPostgres(), corpus);
        assertThat(CorpusHygiene.problems(corpus, reference))
                .as("PostgreSQL must treat every corpus statement as the corpus says").isEmpty();

        List<BackendResults> results = new ArrayList<>();
        for (String backend : backends) {
            Map<String, Outcome> outcomes = runCorpus(ProxiedBackend.start(backend, corpus), corpus);
            results.add(BackendResults.compare(backend, corpus, reference, outcomes));
        }
        String report = CompatReport.markdown(corpus, results);
        Files.writeString(Path.of("target", "compatibility.md"), report, StandardCharsets.UTF_8);
        if (update) {
            Files.writeString(corpus.root().resolve("docs/compatibility.md"), report, StandardCharsets.UTF_8);
            for (BackendResults backend : results) {
                Baselines.write(corpus.root(), backend);
            }
        } else {
            assertThat(regressions(corpus, results))
                    .as("statements in compat/baseline/ that no longer pass (fix them, or, if the corpus changed "
                            + "on purpose, run with -Dcompat.update=true)").isEmpty();
        }
    }

    private static List<String> selectedBackends() {
        String property = System.getProperty("compat.backends", "").strip();
        return property.isEmpty() ? ALL_BACKENDS : Arrays.stream(property.split(",")).map(String::strip).toList();
    }

    /** Outcomes of every corpus statement on {@code target}, by id; closes the target. */
    private static Map<String, Outcome> runCorpus(CompatTarget target, Corpus corpus) throws Exception {
        long started = System.nanoTime();
        Map<String, Outcome> outcomes = new HashMap<>();
        try (target) {
            for (CorpusFile file : corpus.files()) {
                outcomes.putAll(ScriptRunner.run(file, target.connectionsFor(file)));
            }
        }
        System.out.printf("compat: %s ran %d statements in %d ms%n", target.name(), outcomes.size(),
                (System.nanoTime() - started) / 1_000_000);
        return outcomes;
    }

    /** Baseline ids that fail now; prints the ids that pass but are not in the baseline yet. */
    private static List<String> regressions(Corpus corpus, List<BackendResults> results) throws Exception {
        Map<String, CorpusStatement> byId = new LinkedHashMap<>();
        corpus.statements().forEach(s -> byId.put(s.id(), s));
        List<String> regressions = new ArrayList<>();
        for (BackendResults backend : results) {
            Set<String> baseline = Baselines.read(corpus.root(), backend.backend());
            for (String id : baseline) {
                CorpusStatement statement = byId.get(id);
                if (statement == null) {
                    System.out.printf("compat: %s baseline names %s, which the corpus no longer has%n",
                            backend.backend(), id);
                } else if (!backend.passing().contains(id)) {
                    regressions.add(backend.backend() + ": " + id + " (" + statement.location() + "): "
                            + backend.failing().get(id));
                }
            }
            List<String> newlyPassing = backend.passing().stream().filter(id -> !baseline.contains(id)).toList();
            System.out.printf("compat: %s passes %d of %d (baseline %d); newly passing: %s%n", backend.backend(),
                    backend.passing().size(), backend.total(), baseline.size(),
                    newlyPassing.isEmpty() ? "none" : newlyPassing.size() + " " + shortList(newlyPassing));
        }
        return regressions;
    }

    /** Up to 30 ids: a first run against an empty baseline would print the whole corpus. */
    private static String shortList(List<String> ids) {
        return ids.size() <= 30 ? ids.toString() : ids.subList(0, 30) + " and " + (ids.size() - 30) + " more";
    }
}
