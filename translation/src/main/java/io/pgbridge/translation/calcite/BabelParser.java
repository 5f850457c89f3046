package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calcite's Babel parser set up as PostgreSQL reads identifiers: double quotes, unquoted names folded to lower
 * case, names compared case-sensitively. Its failures become {@link TranslationException}s with the position in
 * the client's statement; no Calcite text reaches the client.
 */
final class BabelParser {
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.BABEL);

    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line (\\d+), column (\\d+)");
    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");

    private BabelParser() {
    }

    /** Parses one statement. */
    static SqlNode statement(MappedText text, String original, SqlTarget target) {
        try {
            return SqlParser.create(text.toString(), CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw syntaxError(text, original, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Babel has bugs of its own (EXTRACT(EPOCH …) threw ClassCastException): none of them is the client's.
            throw TranslationException.unsupported("this statement (its syntax)", target);
        }
    }

    /** Parses {@code SELECT <text>} and returns its select list: RETURNING lists and SET expressions. */
    static SqlNode selectList(MappedText text, String original, SqlTarget target) {
        MappedText select = new MappedText().append("select ", text.originOf(0)).append(text);
        return statement(select, original, target);
    }

    private static TranslationException syntaxError(MappedText text, String original, SqlParseException e) {
        String sql = text.toString();
        String message = String.valueOf(e.getMessage());
        // The message names the tokens Babel stopped at; getPos() is often the token before them.
        Matcher encountered = ENCOUNTERED.matcher(message);
        Matcher at = AT.matcher(message);
        int offset;
        if (encountered.find()) {
            offset = offsetOf(sql, Integer.parseInt(encountered.group(2)), Integer.parseInt(encountered.group(3)));
            // PostgreSQL names the last of them ("from" in "Encountered ", from""), where parsing failed.
            offset = nthTokenStart(sql, offset, encountered.group(1).trim().split("\\s+").length);
        } else if (at.find()) {
            offset = offsetOf(sql, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
        } else {
            offset = e.getPos() == null ? sql.length() : offsetOf(sql, e.getPos().getLineNum(),
                    e.getPos().getColumnNum());
        }
        if (offset >= sql.length()) {
            return new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error at end of input",
                    original.length() + 1);
        }
        int origin = text.originOf(offset);
        return new TranslationException(TranslationException.SYNTAX_ERROR,
                "syntax error at or near \"" + tokenAt(original, origin) + "\"", origin + 1);
    }

    /** Where the {@code n}-th significant token from {@code offset} on starts. */
    private static int nthTokenStart(String sql, int offset, int n) {
        SqlLexer lexer = new SqlLexer(sql.substring(offset));
        int start = 0;
        for (int i = 0; i < n && lexer.nextSignificant() != SqlLexer.TokenType.EOF; i++) {
            start = lexer.start();
        }
        return offset + start;
    }

    private static int offsetOf(String sql, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < sql.length(); l++) {
            int nl = sql.indexOf('\n', offset);
            offset = nl < 0 ? sql.length() : nl + 1;
        }
        return Math.max(0, offset + column - 1);
    }

    private static String tokenAt(String sql, int offset) {
        SqlLexer lexer = new SqlLexer(sql);
        while (lexer.next() != SqlLexer.TokenType.EOF) {
            if (lexer.end() > offset && !lexer.type().isTrivia()) {
                return lexer.text();
            }
        }
        return "";
    }
}
