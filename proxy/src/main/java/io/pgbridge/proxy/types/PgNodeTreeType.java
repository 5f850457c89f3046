package io.pgbridge.proxy.types;

import io.pgbridge.backend.PgOid;

/**
 * {@code pg_node_tree}: a stored expression (pg_index.indexprs, pg_attrdef.adbin…). pgbridge keeps the expression's
 * SQL text where PostgreSQL keeps the planner's node form; clients pass it to pg_get_expr, which takes either.
 */
public final class PgNodeTreeType extends StringType {
    public static final PgNodeTreeType INSTANCE = new PgNodeTreeType();

    private PgNodeTreeType() {
        super(PgOid.PG_NODE_TREE, "pg_node_tree", -1, 0, "pg_node_tree");
    }
}
