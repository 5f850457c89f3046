package io.pgbridge.translation.calcite;

import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.Locale;

/**
 * {@code SELECT 1 UNION SELECT true}: PostgreSQL resolves one type per result column of a UNION, INTERSECT or EXCEPT
 * and fails (42804) when a number meets a boolean; backends without a boolean type take true for 1. Judged from the
 * written constants and boolean expressions only; columns are the backend's to type.
 */
final class SetOperationTypes {
    private SetOperationTypes() {
    }

    /** @throws TranslationException 42804 where a number constant and a boolean meet in one result column */
    static void check(SqlNode tree) {
        tree.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                        || call.getKind() == SqlKind.EXCEPT) {
                    compare(call);
                }
                return super.visit(call);
            }
        });
    }

    private static void compare(SqlCall setOperation) {
        if (!(setOperation.operand(0) instanceof SqlSelect left) || !(setOperation.operand(1) instanceof SqlSelect right)) {
            return;
        }
        SqlNodeList a = left.getSelectList();
        SqlNodeList b = right.getSelectList();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String first = category(a.get(i));
            String second = category(b.get(i));
            if (first != null && second != null && first.equals("boolean") != second.equals("boolean")) {
                throw new TranslationException("42804", setOperation.getKind().toString().toUpperCase(Locale.ROOT)
                        .replace("_", " ") + " types " + first + " and " + second + " cannot be matched", 0);
            }
        }
    }

    /** integer, numeric or boolean for a constant or a boolean expression; null when not known from the text. */
    private static String category(SqlNode item) {
        if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            return category(call.operand(0));
        }
        if (item instanceof SqlNumericLiteral number && number.isExact()) {
            return number.isInteger() ? "integer" : "numeric";
        }
        return BooleanColumns.isBoolean(item) ? "boolean" : null;
    }
}
