package io.pgbridge.translation.ddl;

import io.pgbridge.translation.StatementClassifier;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;

/**
 * Translates PostgreSQL DDL, TRUNCATE and COMMENT for H2, MariaDB, SQLite and the standard-SQL backends. Calcite parses none of PostgreSQL's
 * DDL, so this reads the lexer's tokens with a small recursive-descent reader of the statements schemas and
 * migrations use, and writes each target's own spelling. Identifiers come out double-quoted and folded as
 * PostgreSQL folds them. What a target cannot express with the same meaning is refused with 0A000 naming the
 * construct; what only changes storage or speed (tablespaces, index methods, fill factors) is dropped.
 *
 * <p>Queries inside DDL (CREATE VIEW, CREATE TABLE AS) go to the target's query translator.
 */
public final class DdlTranslator implements Translator {
    private final SqlTarget target;
    private final Translator queries;

    /**
     * @param queries the target's translator for queries, used for the SELECT of views and CREATE TABLE AS
     */
    public DdlTranslator(SqlTarget target, Translator queries) {
        if (target == SqlTarget.POSTGRESQL || target == SqlTarget.GENERIC) {
            throw new IllegalArgumentException("no DDL translation for " + target);
        }
        this.target = target;
        this.queries = queries;
    }

    /**
     * Statements this reader cannot follow pass unchanged, so DDL written in the backend's own dialect
     * ({@code bigint unsigned}, {@code AUTO_INCREMENT}) still works; invalid SQL then gets the backend's syntax error.
     */
    @Override
    public Translation translate(String statement) {
        try {
            return read(statement);
        } catch (TokenCursor.ReservedWord e) {
            throw e.error;
        } catch (TranslationException e) {
            if (e.sqlState().equals(TranslationException.SYNTAX_ERROR)) {
                return new Translation(statement);
            }
            throw e;
        }
    }

    private Translation read(String statement) {
        TokenCursor in = new TokenCursor(statement);
        if (in.acceptWords("create")) {
            return create(in, statement);
        }
        if (in.acceptWords("drop")) {
            return Translation.sequence(new Drop(target).translate(in, statement));
        }
        if (in.acceptWords("alter")) {
            if (in.isWord("table")) {
                return Translation.sequence(new AlterTable(target, in.sql()).translate(in));
            }
            return other(statement);
        }
        if (in.acceptWords("truncate")) {
            return Translation.sequence(Drop.truncate(in, target));
        }
        if (in.isWord("comment")) {
            return new CommentOn(target).translate(in, statement);
        }
        return other(statement);
    }

    private Translation create(TokenCursor in, String statement) {
        int start = in.mark();
        boolean orReplace = in.acceptWords("or", "replace");
        while (in.isAnyWord(java.util.Set.of("temp", "temporary", "local", "global", "unlogged", "unique",
                "recursive"))) {
            in.advance();
        }
        String object = in.text(0).toLowerCase(java.util.Locale.ROOT);
        in.reset(start);
        return switch (object) {
            case "table" -> {
                if (orReplace) {
                    throw in.syntaxError();
                }
                yield new Translation(new CreateTable(target, queries).translate(in));
            }
            case "index" -> Translation.sequence(new CreateIndex(target, in.sql()).translate(in));
            case "view" -> new Translation(new CreateView(target, queries).translate(in));
            case "sequence" -> new Translation(new CreateSequence(target).translate(in));
            default -> other(statement);
        };
    }

    /** DDL this translator does not know: H2's PostgreSQL mode may; the others would only fail less clearly. */
    private Translation other(String statement) {
        if (target == SqlTarget.H2) {
            return new Translation(statement);
        }
        String tag = StatementClassifier.classify(statement).tag();
        throw TranslationException.unsupported(tag == null ? "this statement" : tag, target);
    }
}
