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
        int offset = offsetOf(sql, e.getPos() == null ? 0 : e.getPos().getLineNum(),
                e.getPos() == null ? 0 : e.getPos().getColumnNum());
        if (offset >= sql.length() || e.getPos() == null) {
            return new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error at end of input",
                    original.length() + 1);
        }
        int origin = text.originOf(offset);
        return new TranslationException(TranslationException.SYNTAX_ERROR,
                "syntax error at or near \"" + tokenAt(original, origin) + "\"", origin + 1);
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
