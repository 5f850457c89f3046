package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GROUP BY ROLLUP (…)}, {@code CUBE (…)} and {@code GROUPING SETS (…)} as a UNION ALL of one plain GROUP BY
 * per grouping set: SQLite has none of them, MariaDB only {@code WITH ROLLUP}, which it refuses beside ORDER BY,
 * and neither has {@code GROUPING()}. In each branch the grouping expressions outside its set are NULL (outside
 * aggregates) and {@code GROUPING(a, b)} is the constant bit mask PostgreSQL computes. The ORDER BY and LIMIT of
 * the query apply to the whole union, which is wrapped in a derived table so that keys may be expressions of the
 * result's columns; a key that repeats a select item's expression is written as that item's name.
 */
final class GroupingSets {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private static final String UNION_ALIAS = "pgbridge_grouping_sets";
    /** More branches than this is a query no one should run as a UNION of GROUP BYs. */
    private static final int MAX_SETS = 64;

    private GroupingSets() {
    }

    /** The top-level query {@code tree} with its grouping sets expanded; other trees are returned as they are. */
    static SqlNode expand(SqlNode tree, DialectRules rules) {
        SqlOrderBy orderBy = tree instanceof SqlOrderBy o ? o : null;
        if (!((orderBy != null ? orderBy.query : tree) instanceof SqlSelect select) || !hasGroupingSets(select)) {
            return tree;
        }
        ColumnLabels.nameResultColumns(select, rules.labelsColumnsAsStored());
        SqlNodeList keys = orderBy != null ? orderBy.orderList : select.getOrderList();
        SqlNode offset = orderBy != null ? orderBy.offset : select.getOffset();
        SqlNode fetch = orderBy != null ? orderBy.fetch : select.getFetch();
        if (rules.target() == SqlTarget.MARIADB && isOneRollup(select)) {
            // MariaDB's WITH ROLLUP, in a derived table for the ORDER BY it refuses beside it: unlike a UNION, it
            // keeps the columns' types (a boolean stays one).
            select.setOrderBy(null);
            select.setOffset(null);
            select.setFetch(null);
            return ordered(select, keys, offset, fetch, select.getSelectList(), true);
        }
        List<List<SqlNode>> sets = sets(select.getGroup(), rules);
        List<SqlNode> all = new ArrayList<>();
        for (List<SqlNode> set : sets) {
            for (SqlNode e : set) {
                if (indexOf(all, e) < 0) {
                    all.add(e);
                }
            }
        }
        SqlNode union = null;
        for (List<SqlNode> set : sets) {
            SqlSelect branch = branch(select, set, all);
            union = union == null ? branch : SqlStdOperatorTable.UNION_ALL.createCall(POS, union, branch);
        }
        // SQLite orders a UNION by its columns' names and reports the first branch's declared types, which a
        // derived table loses: kept when the first branch has every column (ROLLUP, CUBE), else the NULL standing
        // in the first branch would type its column. MariaDB orders a UNION by expressions only in a derived table.
        boolean firstHasAll = sets.get(0).size() == all.size();
        return ordered(union, keys, offset, fetch, select.getSelectList(),
                rules.target() != SqlTarget.SQLITE || !firstHasAll);
    }

    /** {@code query} with the ORDER BY and LIMIT of the client's query, in a derived table if it must be. */
    private static SqlNode ordered(SqlNode query, SqlNodeList keys, SqlNode offset, SqlNode fetch, SqlNodeList items,
            boolean derivedTable) {
        if ((keys == null || keys.isEmpty()) && offset == null && fetch == null) {
            return query;
        }
        SqlNodeList outerKeys = new SqlNodeList(POS);
        boolean byNames = true;
        if (keys != null) {
            for (SqlNode key : keys) {
                SqlNode named = byItemName(key, items);
                outerKeys.add(named);
                byNames &= unwrapped(named) instanceof SqlIdentifier id && id.isSimple()
                        || unwrapped(named) instanceof SqlLiteral;
            }
        }
        if (byNames && !derivedTable) {
            return new SqlOrderBy(POS, query, outerKeys, offset, fetch);
        }
        SqlNodeList star = SqlNodeList.of(SqlIdentifier.star(POS));
        SqlNode from = SqlStdOperatorTable.AS.createCall(POS, query, new SqlIdentifier(UNION_ALIAS, POS));
        SqlSelect outer = new SqlSelect(POS, null, star, from, null, null, null, null, null, null, null, null);
        return new SqlOrderBy(POS, outer, outerKeys, offset, fetch);
    }

    private static SqlNode unwrapped(SqlNode key) {
        while (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
                || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            key = call.operand(0);
        }
        return key;
    }

    /** GROUP BY ROLLUP (…) alone, without GROUPING(): what MariaDB's WITH ROLLUP computes. */
    private static boolean isOneRollup(SqlSelect select) {
        if (select.getGroup().size() != 1 || select.getGroup().get(0).getKind() != SqlKind.ROLLUP) {
            return false;
        }
        for (SqlNode e : ((SqlCall) select.getGroup().get(0)).getOperandList()) {
            if (e instanceof SqlNodeList || e.getKind() == SqlKind.ROW) {
                return false;   // ROLLUP ((a, b), c) has no WITH ROLLUP spelling
            }
        }
        boolean[] grouping = {false};
        SqlShuttle finder = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                grouping[0] |= call.getKind() == SqlKind.GROUPING
                        || call.getOperator().getName().equalsIgnoreCase("grouping");
                return super.visit(call);
            }
        };
        select.getSelectList().accept(finder);
        if (select.getHaving() != null) {
            select.getHaving().accept(finder);
        }
        return !grouping[0];
    }

    private static boolean hasGroupingSets(SqlSelect select) {
        if (select.getGroup() == null) {
            return false;
        }
        for (SqlNode item : select.getGroup()) {
            if (isGroupingConstruct(item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGroupingConstruct(SqlNode node) {
        return node.getKind() == SqlKind.ROLLUP || node.getKind() == SqlKind.CUBE
                || node.getKind() == SqlKind.GROUPING_SETS;
    }

    /** The grouping sets of a GROUP BY list: the cross product of its items' sets. */
    private static List<List<SqlNode>> sets(SqlNodeList group, DialectRules rules) {
        List<List<SqlNode>> product = List.of(List.of());
        for (SqlNode item : group) {
            List<List<SqlNode>> next = new ArrayList<>();
            for (List<SqlNode> left : product) {
                for (List<SqlNode> right : itemSets(item, rules)) {
                    List<SqlNode> joined = new ArrayList<>(left);
                    right.stream().filter(e -> indexOf(joined, e) < 0).forEach(joined::add);
                    next.add(joined);
                }
            }
            if (next.size() > MAX_SETS) {
                throw rules.unsupported("more than " + MAX_SETS + " grouping sets");
            }
            product = next;
        }
        return product;
    }

    private static List<List<SqlNode>> itemSets(SqlNode item, DialectRules rules) {
        List<List<SqlNode>> out = new ArrayList<>();
        switch (item.getKind()) {
            case ROLLUP -> {
                List<SqlNode> elements = ((SqlCall) item).getOperandList();
                for (int n = elements.size(); n >= 0; n--) {
                    out.add(flatten(elements.subList(0, n), rules));
                }
            }
            case CUBE -> {
                List<SqlNode> elements = ((SqlCall) item).getOperandList();
                if (elements.size() > 6) {
                    throw rules.unsupported("CUBE of more than 6 elements");
                }
                for (int mask = (1 << elements.size()) - 1; mask >= 0; mask--) {
                    List<SqlNode> chosen = new ArrayList<>();
                    for (int i = 0; i < elements.size(); i++) {
                        if ((mask & (1 << (elements.size() - 1 - i))) != 0) {
                            chosen.add(elements.get(i));
                        }
                    }
                    out.add(flatten(chosen, rules));
                }
            }
            case GROUPING_SETS -> {
                for (SqlNode element : ((SqlCall) item).getOperandList()) {
                    if (isGroupingConstruct(element)) {
                        out.addAll(itemSets(element, rules));
                    } else {
                        out.add(flatten(List.of(element), rules));
                    }
                }
            }
            default -> out.add(flatten(List.of(item), rules));
        }
        return out;
    }

    /** Grouping elements as expressions: {@code (a, b)} and {@code ()} are lists of them. */
    private static List<SqlNode> flatten(List<SqlNode> elements, DialectRules rules) {
        List<SqlNode> out = new ArrayList<>();
        for (SqlNode e : elements) {
            if (isGroupingConstruct(e)) {
                throw rules.unsupported("nested grouping sets");
            }
            List<SqlNode> parts = e instanceof SqlNodeList list ? list.getList()
                    : e.getKind() == SqlKind.ROW ? ((SqlCall) e).getOperandList() : List.of(e);
            parts.stream().filter(p -> indexOf(out, p) < 0).forEach(out::add);
        }
        return out;
    }

    /** One branch: {@code select} grouped by {@code set}, the other grouping expressions NULL. */
    private static SqlSelect branch(SqlSelect select, List<SqlNode> set, List<SqlNode> all) {
        List<SqlNode> absent = all.stream().filter(e -> indexOf(set, e) < 0).toList();
        SqlShuttle nulling = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                return indexOf(absent, id) >= 0 ? SqlLiteral.createNull(POS) : id;
            }

            @Override
            public SqlNode visit(SqlCall call) {
                String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
                if (call.getKind() == SqlKind.GROUPING || name.equals("grouping")) {
                    return grouping(call, set);
                }
                if (call.getOperator().isAggregator() || PgRewriter.AGGREGATES.contains(name)
                        || call.getKind() == SqlKind.OVER || call instanceof SqlSelect) {
                    return call;   // aggregates still see the rows' values
                }
                if (indexOf(absent, call) >= 0) {
                    return SqlLiteral.createNull(POS);
                }
                return call.getKind() == SqlKind.AS
                        ? SqlStdOperatorTable.AS.createCall(POS, call.operand(0).accept(this), call.operand(1))
                        : super.visit(call);
            }
        };
        SqlNodeList items = new SqlNodeList(POS);
        for (SqlNode item : select.getSelectList()) {
            SqlNode branchItem = item.clone(POS).accept(nulling);
            // A column left out keeps its name: the first branch names the union's columns.
            items.add(item instanceof SqlIdentifier id && !id.isStar() && branchItem != item
                    && !(branchItem instanceof SqlIdentifier)
                    ? SqlStdOperatorTable.AS.createCall(POS, branchItem,
                            new SqlIdentifier(id.names.get(id.names.size() - 1), POS))
                    : branchItem);
        }
        SqlNode having = select.getHaving() == null ? null : select.getHaving().clone(POS).accept(nulling);
        SqlNodeList group = set.isEmpty() ? null : new SqlNodeList(set.stream().map(e -> e.clone(POS)).toList(), POS);
        return new SqlSelect(POS, (SqlNodeList) select.getOperandList().get(0), items,
                select.getFrom() == null ? null : select.getFrom().clone(POS),
                select.getWhere() == null ? null : select.getWhere().clone(POS), group, having,
                null, null, null, null, null);
    }

    /** GROUPING(a, b, …): one bit per argument, the first the highest, set where it is not grouped by. */
    private static SqlNode grouping(SqlCall call, List<SqlNode> set) {
        int mask = 0;
        for (SqlNode arg : call.getOperandList()) {
            mask = mask << 1 | (indexOf(set, arg) < 0 ? 1 : 0);
        }
        return SqlLiteral.createExactNumeric(Integer.toString(mask), POS);
    }

    /** An ORDER BY key that repeats a select item's expression, as the item's name (the union's column). */
    private static SqlNode byItemName(SqlNode key, SqlNodeList items) {
        if (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
                || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            return call.getOperator().createCall(POS, byItemName(call.operand(0), items));
        }
        for (SqlNode item : items) {
            if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(0).equalsDeep(key, Litmus.IGNORE)) {
                return ((SqlCall) item).operand(1);
            }
            if (item instanceof SqlIdentifier id && !id.isSimple() && id.equalsDeep(key, Litmus.IGNORE)) {
                return new SqlIdentifier(id.names.get(id.names.size() - 1), POS);
            }
        }
        return key;
    }

    private static int indexOf(List<SqlNode> nodes, SqlNode node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).equalsDeep(node, Litmus.IGNORE)) {
                return i;
            }
        }
        return -1;
    }
}
