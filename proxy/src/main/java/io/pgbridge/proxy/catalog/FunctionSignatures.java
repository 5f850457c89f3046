package io.pgbridge.proxy.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's {@code pg_get_function_arguments}, {@code pg_get_function_identity_arguments} and
 * {@code pg_get_function_result} (ruleutils.c's print_function_arguments) for the built-in functions, from their
 * pg_proc fields: argument modes and names, types as format_type prints them, the defaults as PostgreSQL deparses
 * them (kept so in {@code pg_proc.psv}), and {@code ORDER BY} in the arguments of ordered-set aggregates.
 */
final class FunctionSignatures {
    /** The number of direct arguments of each ordered-set (and hypothetical-set) aggregate. */
    private static final Map<Integer, Integer> ORDERED_SET_AGGREGATES = orderedSetAggregates();

    private FunctionSignatures() {
    }

    static String arguments(Integer oid, boolean defaults) {
        BuiltinFunctions.Function f = oid == null ? null : BuiltinFunctions.byOid(oid);
        if (f == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        print(f, out, false, defaults);
        return out.toString();
    }

    static String result(Integer oid) {
        BuiltinFunctions.Function f = oid == null ? null : BuiltinFunctions.byOid(oid);
        if (f == null || f.fields()[BuiltinFunctions.PROKIND].equals("p")) {
            return null;
        }
        boolean set = f.fields()[BuiltinFunctions.PRORETSET].equals("t");
        if (set) {
            StringBuilder table = new StringBuilder("TABLE(");
            if (print(f, table, true, false) > 0) {
                return table.append(')').toString();
            }
        }
        return (set ? "SETOF " : "") + BuiltinFunctions.typeName(Integer.parseInt(f.fields()[BuiltinFunctions.PRORETTYPE]));
    }

    /** ruleutils.c's print_function_arguments: the arguments (or the TABLE columns); returns how many it printed. */
    private static int print(BuiltinFunctions.Function f, StringBuilder out, boolean tableArgs, boolean defaults) {
        String[] fields = f.fields();
        String all = fields[BuiltinFunctions.PROALLARGTYPES];
        String[] types = all.isEmpty() ? oidVector(fields[BuiltinFunctions.PROARGTYPES])
                : FunctionRows.arrayElements(all);
        String modes = fields[BuiltinFunctions.PROARGMODES];
        String[] argModes = modes.isEmpty() ? null : FunctionRows.arrayElements(modes);
        String names = fields[BuiltinFunctions.PROARGNAMES];
        String[] argNames = names.isEmpty() ? null : FunctionRows.arrayElements(names);
        List<String> defaultValues = defaultExpressions(fields[BuiltinFunctions.PROARGDEFAULTS]);
        int lackingDefaults = Integer.parseInt(fields[BuiltinFunctions.PRONARGS])
                - Integer.parseInt(fields[BuiltinFunctions.PRONARGDEFAULTS]);
        int orderByAt = -1;
        Integer direct = ORDERED_SET_AGGREGATES.get(f.oid());
        if (direct != null) {
            orderByAt = direct;
            defaults = false;
        }
        int inputNumber = 0;
        int printed = 0;
        int nextDefault = 0;
        for (int i = 0; i < types.length; i++) {
            char mode = argModes == null ? 'i' : argModes[i].charAt(0);
            boolean input = mode == 'i' || mode == 'b' || mode == 'v';
            String modeName = switch (mode) {
                case 'b' -> "INOUT ";
                case 'o' -> "OUT ";
                case 'v' -> "VARIADIC ";
                default -> "";
            };
            if (input) {
                inputNumber++;
            }
            if (tableArgs != (mode == 't')) {
                continue;
            }
            if (printed == orderByAt) {
                out.append(printed > 0 ? " " : "").append("ORDER BY ");
            } else if (printed > 0) {
                out.append(", ");
            }
            out.append(modeName);
            if (argNames != null && !argNames[i].isEmpty()) {
                out.append(QuotedNames.quoteIfNeeded(argNames[i])).append(' ');
            }
            out.append(BuiltinFunctions.typeName(Integer.parseInt(types[i])));
            if (defaults && input && inputNumber > lackingDefaults && nextDefault < defaultValues.size()) {
                out.append(" DEFAULT ").append(defaultValues.get(nextDefault++));
            }
            printed++;
            if (printed == orderByAt && i == types.length - 1) {
                i--;   // as PostgreSQL: a variadic ordered-set aggregate's last argument printed twice
            }
        }
        return printed;
    }

    private static String[] oidVector(String vector) {
        return vector.isEmpty() ? new String[0] : vector.split(" ");
    }

    /** {@code '{}'::jsonb, false}: the expressions between top-level commas, outside quotes and parentheses. */
    private static List<String> defaultExpressions(String list) {
        List<String> expressions = new ArrayList<>();
        if (list.isEmpty()) {
            return expressions;
        }
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && (ch == '(' || ch == '[')) {
                depth++;
            } else if (!quoted && (ch == ')' || ch == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                expressions.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        expressions.add(list.substring(start).strip());
        return expressions;
    }

    private static Map<Integer, Integer> orderedSetAggregates() {
        Map<Integer, Integer> aggregates = new HashMap<>();
        for (String line : CatalogEngine.resource("pg_aggregate_ordered.psv").split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\\|");
                aggregates.put(Integer.parseInt(f[0]), Integer.parseInt(f[2]));
            }
        }
        return Map.copyOf(aggregates);
    }
}
