package io.pgbridge.translation.calcite;

import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;

/** Values put into JSON by the backends' JSON builders, made to come out as PostgreSQL's would. */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * The arguments, with those PostgreSQL types as boolean (as written) wrapped in {@code template}, which makes
     * JSON true/false of them: the backends have no boolean type and would write 1 and 0.
     */
    static List<SqlNode> booleansAsJson(List<SqlNode> args, List<SqlNode> written, String template) {
        List<SqlNode> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            boolean bool = i < written.size() && BooleanColumns.isBoolean(written.get(i));
            out.add(bool ? DialectRules.template(template, args.get(i)) : args.get(i));
        }
        return out;
    }
}
