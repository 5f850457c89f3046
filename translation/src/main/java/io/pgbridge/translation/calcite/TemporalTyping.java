package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which expressions, as the client wrote them, PostgreSQL types as date, timestamp or timestamptz: typed literals,
 * casts, the current-time functions, date functions, arithmetic on those, and the columns of a CTE whose first
 * (anchor) query gives them such a type. The translator sees text only, so a table's column is not known here;
 * {@code date - date} and friends on such columns keep the backend's own operator.
 */
final class TemporalTyping {
    enum Kind { DATE, TIMESTAMP, TIMESTAMPTZ }

    private final Map<SqlIdentifier, Kind> cteColumns;

    private TemporalTyping(Map<SqlIdentifier, Kind> cteColumns) {
        this.cteColumns = cteColumns;
    }

    /** The typing of {@code tree}'s expressions, CTE column references included. */
    static TemporalTyping of(SqlNode tree) {
        Map<SqlIdentifier, Kind> columns = new IdentityHashMap<>();
        tree.accept(new CteScanner(columns, Map.of()));
        return new TemporalTyping(columns);
    }

    /** The kind of {@code node}, or null when it is not known to be a date or timestamp. */
    Kind kind(SqlNode node) {
        if (node instanceof SqlUnknownLiteral literal) {
            return literalKind(literal.tag.toLowerCase(Locale.ROOT));
        }
        if (node instanceof SqlIdentifier id) {
            Kind column = cteColumns.get(id);
            return column != null ? column : id.isSimple() ? byName(id.getSimple()) : null;
        }
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        return switch (call.getKind()) {
            case CAST -> call.operand(1) instanceof SqlDataTypeSpec spec && PgType.of(spec) != null
                    ? literalKind(PgType.of(spec).name()) : null;
            case PLUS -> sum(kind(call.operand(0)), call.operand(1), kind(call.operand(1)), call.operand(0));
            case MINUS -> kind(call.operand(1)) == null ? sum(kind(call.operand(0)), call.operand(1), null, null) : null;
            case OTHER_FUNCTION, OTHER -> byName(call.getOperator().getName());
            default -> byName(call.getOperator().getName());
        };
    }

    /** {@code date + integer} is a date, {@code date + interval} and {@code timestamp + interval} timestamps. */
    private Kind sum(Kind left, SqlNode right, Kind rightKind, SqlNode leftNode) {
        if (left == null && rightKind != null && leftNode != null) {
            return sum(rightKind, leftNode, null, null);
        }
        if (left == null) {
            return null;
        }
        if (isInterval(right)) {
            return left == Kind.DATE ? Kind.TIMESTAMP : left;
        }
        return left == Kind.DATE && IntegerTyping.isInteger(right) ? Kind.DATE : null;
    }

    static boolean isInterval(SqlNode node) {
        return node instanceof SqlCall call && call.getOperator().getName().equals(StatementNormalizer.INTERVAL);
    }

    private static Kind literalKind(String type) {
        return switch (type) {
            case "date" -> Kind.DATE;
            case "timestamp" -> Kind.TIMESTAMP;
            case "timestamptz" -> Kind.TIMESTAMPTZ;
            default -> null;
        };
    }

    private static Kind byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "current_date", "make_date", "to_date" -> Kind.DATE;
            case "localtimestamp", "date_trunc" -> Kind.TIMESTAMP;
            case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp",
                 "to_timestamp" -> Kind.TIMESTAMPTZ;
            default -> null;
        };
    }

    /**
     * Finds the references to CTE columns of a known kind: in a SELECT that reads one CTE alone, its columns by
     * name (or qualified by the CTE's name or alias), outside nested queries, which have FROM clauses of their own.
     */
    private static final class CteScanner extends SqlBasicVisitor<Void> {
        private final Map<SqlIdentifier, Kind> found;
        private final Map<String, Map<String, Kind>> ctes;

        CteScanner(Map<SqlIdentifier, Kind> found, Map<String, Map<String, Kind>> ctes) {
            this.found = found;
            this.ctes = ctes;
        }

        @Override
        public Void visit(SqlCall call) {
            if (call instanceof SqlWith with) {
                Map<String, Map<String, Kind>> inner = new HashMap<>(ctes);
                for (SqlNode item : with.withList) {
                    SqlWithItem cte = (SqlWithItem) item;
                    inner.put(cte.name.getSimple(), anchorKinds(cte, new TemporalTyping(found)));
                    cte.query.accept(new CteScanner(found, inner));
                }
                with.body.accept(new CteScanner(found, inner));
                return null;
            }
            if (call instanceof SqlSelect select && select.getFrom() != null) {
                readsCte(select);
            }
            return super.visit(call);
        }

        private void readsCte(SqlSelect select) {
            SqlNode from = select.getFrom();
            String alias = null;
            if (from.getKind() == SqlKind.AS && ((SqlCall) from).operandCount() == 2) {
                alias = ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
                from = ((SqlCall) from).operand(0);
            }
            if (!(from instanceof SqlIdentifier table) || !table.isSimple() || !ctes.containsKey(table.getSimple())) {
                return;
            }
            Map<String, Kind> columns = ctes.get(table.getSimple());
            String qualifier = alias != null ? alias : table.getSimple();
            SqlBasicVisitor<Void> marker = new SqlBasicVisitor<>() {
                @Override
                public Void visit(SqlIdentifier id) {
                    String column = id.isSimple() ? id.getSimple()
                            : id.names.size() == 2 && id.names.get(0).equals(qualifier) ? id.names.get(1) : null;
                    if (column != null && columns.containsKey(column)) {
                        found.put(id, columns.get(column));
                    }
                    return null;
                }

                @Override
                public Void visit(SqlCall call) {
                    return call instanceof SqlSelect || call.getKind() == SqlKind.WITH ? null : super.visit(call);
                }
            };
            for (SqlNode part : new SqlNode[] {select.getSelectList(), select.getWhere(), select.getGroup(),
                    select.getHaving()}) {
                if (part != null) {
                    part.accept(marker);
                }
            }
        }

        /** The kinds of a CTE's columns, from its anchor query's select list (named by the column list if any). */
        private static Map<String, Kind> anchorKinds(SqlWithItem cte, TemporalTyping typing) {
            SqlNode anchor = cte.query;
            while (anchor instanceof SqlBasicCall set && (set.getKind() == SqlKind.UNION
                    || set.getKind() == SqlKind.ORDER_BY)) {
                anchor = set.operand(0);
            }
            Map<String, Kind> kinds = new HashMap<>();
            if (!(anchor instanceof SqlSelect select)) {
                return kinds;
            }
            SqlNodeList items = select.getSelectList();
            List<SqlNode> names = cte.columnList != null ? cte.columnList.getList() : null;
            for (int i = 0; i < items.size(); i++) {
                SqlNode item = items.get(i);
                String name = names != null && i < names.size() ? ((SqlIdentifier) names.get(i)).getSimple()
                        : item.getKind() == SqlKind.AS ? ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()
                        : item instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1) : null;
                SqlNode value = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
                Kind kind = typing.kind(value);
                if (name != null && kind != null) {
                    kinds.put(name, kind);
                }
            }
            return kinds;
        }
    }
}
