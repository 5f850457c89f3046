package io.pgbridge.proxy.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compatibility corpus: every {@code compat/corpus/*.sql} of the repository, in file-name order, with ids unique
 * across all files (a baseline is a list of ids, so one id must never name two statements).
 */
record Corpus(Path root, List<CorpusFile> files) {

    /** Finds the repository from the working directory (Maven runs tests in the module's directory). */
    static Corpus load() throws IOException {
        Path root = repositoryRoot();
        List<CorpusFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(root.resolve("compat/corpus"))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                files.add(CorpusFile.load(path));
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (CorpusFile file : files) {
            for (CorpusStatement statement : file.statements()) {
                String earlier = seen.putIfAbsent(statement.id(), statement.location());
                if (earlier != null) {
                    throw new IllegalArgumentException(statement.location() + ": id " + statement.id()
                            + " is already used at " + earlier);
                }
            }
        }
        return new Corpus(root, List.copyOf(files));
    }

    List<CorpusStatement> statements() {
        return files.stream().flatMap(f -> f.statements().stream()).toList();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("compat/corpus"))) {
                return dir;
            }
        }
        throw new UncheckedIOException(new IOException("no compat/corpus above " + Path.of("").toAbsolutePath()));
    }
}
