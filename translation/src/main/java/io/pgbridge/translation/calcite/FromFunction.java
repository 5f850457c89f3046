package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;

import java.util.Locale;

/**
 * A function call in FROM ({@code f(…) [AS alias [(column)]]}), as Babel gives it: {@code COLLECTION_TABLE}, maybe
 * inside AS. The translations of set-returning functions read it from here.
 *
 * @param alias the table alias, or null
 * @param column the one column alias, or null
 * @param function the call
 */
record FromFunction(String alias, String column, SqlCall function) {

    /** The FROM function {@code call} is, or null when it is none. */
    static FromFunction of(SqlCall call, DialectRules rules) {
        SqlCall table = call;
        String alias = null;
        String column = null;
        if (call.getKind() == SqlKind.AS) {
            if (call.operand(0).getKind() != SqlKind.COLLECTION_TABLE) {
                return null;
            }
            table = call.operand(0);
            alias = ((SqlIdentifier) call.operand(1)).getSimple();
            if (call.operandCount() > 3) {
                throw rules.unsupported("a function in FROM with more than one column alias");
            }
            column = call.operandCount() == 3 ? ((SqlIdentifier) call.operand(2)).getSimple() : null;
        } else if (call.getKind() != SqlKind.COLLECTION_TABLE) {
            return null;
        }
        return table.operand(0) instanceof SqlCall function ? new FromFunction(alias, column, function) : null;
    }

    /** The function's name in lower case. */
    String name() {
        return function.getOperator().getName().toLowerCase(Locale.ROOT);
    }
}
