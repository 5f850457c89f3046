package io.pgbridge.proxy.compat;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.StatementSplitter;
import io.pgbridge.translation.StatementSplitter.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One corpus script: statements split as psql would split them (pgbridge's own {@link StatementSplitter}), each
 * named by the {@code -- id: name} comment line before it; an {@code -- error: SQLSTATE} line there says that
 * PostgreSQL must reject it with that SQLSTATE. A statement without an id, or with two, is an error in the corpus,
 * reported with its line.
 *
 * @param name the file name, e.g. {@code 02-dml.sql}
 * @param statements in file order, which is the order they run in
 */
record CorpusFile(String name, List<CorpusStatement> statements) {
    private static final Pattern ID = Pattern.compile("--\\s*id:\\s*([a-z0-9][a-z0-9_.-]*)");
    private static final Pattern ERROR = Pattern.compile("--\\s*error:\\s*([0-9A-Z]{5})");

    static CorpusFile load(Path path) throws IOException {
        return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    static CorpusFile parse(String name, String text) {
        List<CorpusStatement> statements = new ArrayList<>();
        int gapStart = 0;
        for (Span span : StatementSplitter.spans(text)) {
            int line = lineOf(text, span.start());
            String location = name + ":" + line;
            String gap = text.substring(gapStart, span.start());
            String sql = span.text(text);
            statements.add(new CorpusStatement(directive(gap, ID, "id", location), name, line, sql,
                    optionalDirective(gap, ERROR, "error", location), hasTopLevelOrderBy(sql)));
            gapStart = span.end();
        }
        return new CorpusFile(name, List.copyOf(statements));
    }

    private static String directive(String gap, Pattern pattern, String key, String location) {
        String value = optionalDirective(gap, pattern, key, location);
        if (value == null) {
            throw new IllegalArgumentException(location + ": statement has no '-- id: name' line before it");
        }
        return value;
    }

    /**
     * The value of the {@code -- key:} line in the comments between the previous statement and this one, or null;
     * a second such line, or one that does not have the expected form, is an error.
     */
    private static String optionalDirective(String gap, Pattern pattern, String key, String location) {
        String found = null;
        for (String gapLine : gap.lines().map(String::strip).toList()) {
            Matcher m = pattern.matcher(gapLine);
            if (m.matches()) {
                if (found != null) {
                    throw new IllegalArgumentException(location + ": two '-- " + key + ":' lines before one statement");
                }
                found = m.group(1);
            } else if (gapLine.matches("--\\s*" + key + ":.*")) {
                throw new IllegalArgumentException(location + ": malformed line '" + gapLine + "', expected "
                        + pattern.pattern());
            }
        }
        return found;
    }

    /**
     * Whether ORDER BY appears outside all parentheses: the statement's own ordering, not that of a window, an
     * aggregate or a subquery, none of which fixes the order of the result rows.
     */
    static boolean hasTopLevelOrderBy(String sql) {
        int depth = 0;
        boolean afterOrder = false;
        for (Token token : SqlLexer.tokenize(sql)) {
            if (token.type().isTrivia()) {
                continue;
            }
            switch (token.type()) {
                case LEFT_PAREN, LEFT_BRACKET -> depth++;
                case RIGHT_PAREN, RIGHT_BRACKET -> depth--;
                default -> { }
            }
            String word = token.type() == TokenType.IDENTIFIER ? token.text(sql).toLowerCase(Locale.ROOT) : "";
            if (afterOrder && depth == 0 && word.equals("by")) {
                return true;
            }
            afterOrder = depth == 0 && word.equals("order");
        }
        return false;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
