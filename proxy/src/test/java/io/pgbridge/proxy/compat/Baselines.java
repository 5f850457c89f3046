package io.pgbridge.proxy.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * {@code compat/baseline/<backend>.txt}: the ids of the statements that passed on a backend when the baseline was
 * last written. A statement listed there that no longer passes is a regression.
 */
final class Baselines {
    private Baselines() {
    }

    static Path file(Path root, String backend) {
        return root.resolve("compat/baseline/" + backend + ".txt");
    }

    /** The ids in the baseline; empty when the backend has none yet. */
    static SequencedSet<String> read(Path root, String backend) throws IOException {
        SequencedSet<String> ids = new LinkedHashSet<>();
        Path file = file(root, backend);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static void write(Path root, BackendResults results) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Corpus statements that pass through pgbridge -> " + results.backend() + " ("
                + results.passing().size() + " of " + results.total() + ").");
        lines.add("# Written by CompatibilityCorpusIT with -Dcompat.update=true; see compat/README.md.");
        lines.addAll(results.passing());
        Path file = file(root, results.backend());
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
