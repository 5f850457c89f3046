package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * An operator that writes itself as backend SQL text with its operands in numbered places: {@code
 * "JSON_UNQUOTE(JSON_EXTRACT({0}, {1}))"}. Rewrites build these instead of Calcite operators because the backends'
 * spellings (SEPARATOR, DIV, COLLATE, strftime formats) have no Calcite operator that unparses to them. The text
 * is printed atomically, so a template that is an infix expression carries its own parentheses.
 */
final class TemplateOperator extends SqlSpecialOperator {
    private final List<Object> pieces = new ArrayList<>(); // String text or Integer operand number

    private TemplateOperator(String template) {
        // The highest precedence: the text is atomic, so Calcite must never wrap it in parentheses of its own.
        super("TEMPLATE", SqlKind.OTHER_FUNCTION, 1000, true, null, null, null);
        int copied = 0;
        for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
            int close = template.indexOf('}', i);
            if (close < 0 || !template.substring(i + 1, close).chars().allMatch(Character::isDigit)
                    || close == i + 1) {
                continue;
            }
            pieces.add(template.substring(copied, i));
            pieces.add(Integer.parseInt(template.substring(i + 1, close)));
            copied = close + 1;
            i = close;
        }
        pieces.add(template.substring(copied));
    }

    /** A call that unparses as {@code template} with {@code {i}} replaced by {@code operands[i]}. */
    static SqlCall call(String template, SqlNode... operands) {
        return new TemplateOperator(template).createCall(SqlParserPos.ZERO, operands);
    }

    static boolean isTemplate(SqlNode node) {
        return node instanceof SqlCall call && call.getOperator() instanceof TemplateOperator;
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        StringBuilder text = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof String s) {
                text.append(s);
            } else {
                text.append(SqlRenderer.renderNested(writer, call.operand((Integer) piece)));
            }
        }
        writer.print(text.toString());
        writer.setNeedWhitespace(true);
    }
}
