package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code CREATE [OR REPLACE] [TEMP] VIEW name [(columns)] [WITH (options)] AS query [WITH [CASCADED | LOCAL] CHECK
 * OPTION]}; the query goes through the target's query translator.
 */
final class CreateView {
    private static final Pattern CHECK_OPTION = Pattern.compile(
            "(?is)^(.*?)\\s+with\\s+(cascaded\\s+|local\\s+)?check\\s+option$");

    private final SqlTarget target;
    private final Translator queries;

    CreateView(SqlTarget target, Translator queries) {
        this.target = target;
        this.queries = queries;
    }

    String translate(TokenCursor in) {
        boolean orReplace = in.acceptWords("or", "replace");
        boolean temporary = in.acceptWords("temp") || in.acceptWords("temporary");
        if (in.isWord("recursive")) {
            throw TranslationException.unsupported("CREATE RECURSIVE VIEW", target);
        }
        in.expectWords("view");
        ObjectName name = in.objectName();
        List<Name> columns = in.type(0) == TokenType.LEFT_PAREN ? in.nameList() : List.of();
        if (in.acceptWords("with")) {
            in.parenthesised();
        }
        in.expectWords("as");
        String query = in.rest();
        String checkOption = null;
        Matcher m = CHECK_OPTION.matcher(query);
        if (m.matches()) {
            query = m.group(1);
            checkOption = " WITH " + (m.group(2) == null ? "" : m.group(2).strip().toUpperCase(Locale.ROOT) + " ")
                    + "CHECK OPTION";
        }
        if (temporary && target != SqlTarget.SQLITE) {
            throw TranslationException.unsupported("CREATE TEMPORARY VIEW", target);
        }
        if (orReplace && target == SqlTarget.SQLITE) {
            throw TranslationException.unsupported("CREATE OR REPLACE VIEW", target);
        }
        if (checkOption != null && target != SqlTarget.MARIADB) {
            throw TranslationException.unsupported("WITH CHECK OPTION", target);
        }
        return "CREATE " + (orReplace ? "OR REPLACE " : "") + (temporary ? "TEMP " : "") + "VIEW "
                + name.render(target)
                + (columns.isEmpty() ? "" : " (" + columns.stream().map(Name::quoted).collect(Collectors.joining(", ")) + ")")
                + " AS " + queries.translate(query).sql() + (checkOption == null ? "" : checkOption);
    }
}
