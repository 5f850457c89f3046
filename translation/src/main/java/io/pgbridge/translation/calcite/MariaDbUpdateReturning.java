package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code UPDATE … RETURNING} for MariaDB, which has RETURNING for INSERT and DELETE only. The backend runs two
 * statements in one transaction: first a SELECT that locks the rows the UPDATE will change ({@code FOR UPDATE}) and
 * computes the RETURNING list from their new values (each assigned column read as its SET expression on the row as
 * it is), then the UPDATE itself ({@link io.pgbridge.translation.Translation#followUps()}). The locks keep the rows
 * as they were read until the UPDATE; a row that came to match the WHERE in between makes the counts differ, which
 * the proxy reports as a serialization failure rather than a wrong answer. The computed values equal the stored
 * ones only if every expression gives the same value twice, so subqueries and volatile functions are refused.
 */
final class MariaDbUpdateReturning {
    /** Functions whose second call may differ from the first. */
    private static final Set<String> VOLATILE = Set.of("now", "current_timestamp", "localtimestamp",
            "current_time", "localtime", "current_date", "clock_timestamp", "statement_timestamp",
            "transaction_timestamp", "timeofday", "random", "rand", "uuid", "gen_random_uuid", "nextval", "setval",
            "sysdate", "utc_timestamp", "unix_timestamp", "pgbridge_now");
    private static final String NEW_VALUE = "pgbridge_new_";

    private MariaDbUpdateReturning() {
    }

    /** The locking SELECT; {@code updateSql} is the UPDATE as rendered, which runs after it. */
    static String lockingSelect(SqlUpdate update, StatementClauses clauses, CalciteTranslator.Pieces pieces,
            DialectRules rules) {
        SqlNodeList columns = update.getTargetColumnList();
        SqlNodeList values = update.getSourceExpressionList();
        refuseUnrepeatable(values, rules);
        if (update.getCondition() != null) {
            refuseUnrepeatable(update.getCondition(), rules);
        }
        String table = pieces.render(update.getTargetTable(), rules);
        String qualifier = update.getAlias() == null ? table
                : rules.dialect().quoteIdentifier(update.getAlias().getSimple());
        StringBuilder inner = new StringBuilder("SELECT ").append(qualifier).append(".*");
        Map<String, String> renamed = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            SqlIdentifier column = (SqlIdentifier) columns.get(i);
            String name = column.names.get(column.names.size() - 1);
            renamed.put(name, NEW_VALUE + (i + 1));
            inner.append(", ").append(pieces.render(values.get(i), rules)).append(" AS ")
                    .append(rules.dialect().quoteIdentifier(NEW_VALUE + (i + 1)));
        }
        inner.append(" FROM ").append(table);
        if (update.getAlias() != null) {
            inner.append(" AS ").append(qualifier);
        }
        if (update.getCondition() != null) {
            inner.append(" WHERE ").append(pieces.render(update.getCondition(), rules));
        }
        inner.append(" FOR UPDATE");
        String qualifierName = update.getAlias() != null ? update.getAlias().getSimple()
                : ((SqlIdentifier) update.getTargetTable()).names.get(
                        ((SqlIdentifier) update.getTargetTable()).names.size() - 1);
        String list = pieces.selectList(clauses.returning(), rules, new NewValues(renamed, qualifierName), rules
                .unsupported("UPDATE … RETURNING *"));
        return "SELECT " + list + " FROM (" + inner + ") AS " + qualifier;
    }

    private static void refuseUnrepeatable(SqlNode node, DialectRules rules) {
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect) {
                    throw rules.unsupported("UPDATE … RETURNING with a subquery");
                }
                String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
                if (VOLATILE.contains(name)) {
                    throw rules.unsupported("UPDATE … RETURNING with " + name + "()");
                }
                return super.visit(call);
            }

            @Override
            public SqlNode visit(SqlIdentifier id) {
                if (id.names.size() == 1 && VOLATILE.contains(id.getSimple().toLowerCase(Locale.ROOT))) {
                    throw rules.unsupported("UPDATE … RETURNING with " + id.getSimple());
                }
                return id;
            }
        });
    }

    /** A RETURNING item's assigned columns read as the locking SELECT's computed new values. */
    private static final class NewValues extends SqlShuttle {
        private final Map<String, String> renamed;
        private final String qualifier;

        NewValues(Map<String, String> renamed, String qualifier) {
            this.renamed = renamed;
            this.qualifier = qualifier;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            int last = id.names.size() - 1;
            String replacement = renamed.get(id.names.get(last));
            if (replacement == null || last > 1 || last == 1 && !id.names.get(0).equals(qualifier)) {
                return id;
            }
            List<String> names = new ArrayList<>(id.names);
            names.set(last, replacement);
            return new SqlIdentifier(names, id.getParserPosition());
        }
    }
}
