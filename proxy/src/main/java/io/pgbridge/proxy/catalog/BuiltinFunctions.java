package io.pgbridge.proxy.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15's built-in functions (resource {@code pg_proc.psv}, written by {@code bin/export-pg-proc.sh} from
 * PostgreSQL's own pg_proc), read once: the engine's pg_proc rows and the text forms of {@code regproc} and
 * {@code regprocedure}. pg_proc holds only these (a backend's functions are its own business), so a regproc's
 * name needs no engine query: the wire types ({@code RegprocType}) ask here.
 */
public final class BuiltinFunctions {
    /** Fields of a pg_proc.psv line, the description last; a '|' in a field is escaped as {@code \|}. */
    static final int FIELDS = 28;
    static final int PROLANG = 3;
    static final int PROCOST = 4;
    static final int PROROWS = 5;
    static final int PROSUPPORT = 7;
    static final int PROKIND = 8;
    static final int PROSECDEF = 9;
    static final int PROLEAKPROOF = 10;
    static final int PROISSTRICT = 11;
    static final int PRORETSET = 12;
    static final int PROVOLATILE = 13;
    static final int PROPARALLEL = 14;
    static final int PRONARGS = 15;
    static final int PRONARGDEFAULTS = 16;
    static final int PRORETTYPE = 17;
    static final int PROARGTYPES = 18;
    static final int PROALLARGTYPES = 19;
    static final int PROARGMODES = 20;
    static final int PROARGNAMES = 21;
    static final int PROARGDEFAULTS = 22;
    static final int PROSRC = 23;
    static final int PROBIN = 24;
    static final int PROSQLBODY = 25;
    static final int DESCRIPTION = 27;

    /** One function: its oid, name, schema and the fields of its pg_proc.psv line, unescaped. */
    record Function(int oid, String name, int namespace, String[] fields) {
        /** The argument types (proargtypes, an oidvector: input arguments only). */
        int[] argumentTypes() {
            String types = fields[PROARGTYPES];
            if (types.isEmpty()) {
                return new int[0];
            }
            String[] parts = types.split(" ");
            int[] oids = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                oids[i] = Integer.parseInt(parts[i]);
            }
            return oids;
        }
    }

    private static final class Holder {
        static final List<Function> ALL = load();
        static final Map<Integer, Function> BY_OID = new HashMap<>();
        static final Map<String, List<Function>> BY_NAME = new HashMap<>();
        static final Map<Integer, String> TYPE_NAMES = typeNames();

        static {
            for (Function f : ALL) {
                BY_OID.put(f.oid(), f);
                BY_NAME.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f);
            }
        }
    }

    private BuiltinFunctions() {
    }

    static List<Function> all() {
        return Holder.ALL;
    }

    static Function byOid(long oid) {
        return Holder.BY_OID.get((int) oid);
    }

    /** {@code regprocout}: the name, schema-qualified when the name alone would not find this one function. */
    public static String regprocText(long oid) {
        if (oid == 0) {
            return "-";
        }
        Function f = byOid(oid);
        if (f == null) {
            return String.valueOf(oid);
        }
        boolean unique = f.namespace() == CatalogOids.PG_CATALOG && Holder.BY_NAME.get(f.name()).size() == 1;
        return unique ? QuotedNames.quoteIfNeeded(f.name()) : qualifiedName(f);
    }

    /** {@code regprocedureout}: {@code name(type,type)}, qualified outside the search path (information_schema). */
    public static String regprocedureText(long oid) {
        if (oid == 0) {
            return "-";
        }
        Function f = byOid(oid);
        if (f == null) {
            return String.valueOf(oid);
        }
        StringBuilder out = new StringBuilder(f.namespace() == CatalogOids.PG_CATALOG
                ? QuotedNames.quoteIfNeeded(f.name()) : qualifiedName(f)).append('(');
        int[] types = f.argumentTypes();
        for (int i = 0; i < types.length; i++) {
            out.append(i == 0 ? "" : ",").append(typeName(types[i]));
        }
        return out.append(')').toString();
    }

    /** {@code regprocin}: an oid, {@code -} (0), or a name that one function has. */
    public static long regprocOid(String text) throws SQLException {
        String name = text.strip();
        if (name.equals("-")) {
            return 0;
        }
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(name);
        }
        List<Function> found = named(name);
        if (found.isEmpty()) {
            throw new SQLException("function \"" + text + "\" does not exist", "42883");
        }
        if (found.size() > 1) {
            throw new SQLException("more than one function named \"" + text + "\"", "42725");
        }
        return found.get(0).oid();
    }

    /** {@code regprocedurein}: an oid, {@code -}, or {@code name(type, …)} with SQL's or pg_type's type names. */
    public static long regprocedureOid(String text) throws SQLException {
        String written = text.strip();
        if (written.equals("-")) {
            return 0;
        }
        if (!written.isEmpty() && written.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(written);
        }
        int open = written.indexOf('(');
        if (open < 0 || !written.endsWith(")")) {
            throw new SQLException("expected a left parenthesis", "22P02");
        }
        List<String> arguments = topLevelParts(written.substring(open + 1, written.length() - 1));
        for (Function f : named(written.substring(0, open))) {
            int[] types = f.argumentTypes();
            if (types.length == arguments.size() && sameTypes(types, arguments)) {
                return f.oid();
            }
        }
        throw new SQLException("function \"" + text + "\" does not exist", "42883");
    }

    /** The oid of the one built-in function of this name ({@code record_in}), for rows the loader writes. */
    static int oidOf(String name) {
        if (name.equals("-")) {
            return 0;
        }
        List<Function> found = Holder.BY_NAME.getOrDefault(name, List.of());
        if (found.size() != 1) {
            throw new IllegalArgumentException("no one built-in function named " + name);
        }
        return found.get(0).oid();
    }

    /** {@code format_type(oid, NULL)} of a built-in type, as PostgreSQL prints argument types. */
    static String typeName(int oid) {
        String typname = Holder.TYPE_NAMES.get(oid);
        // "any" is a reserved word, which format_type quotes
        return typname == null ? "???" : typname.equals("any") ? "\"any\"" : TypeNames.format(oid, typname, -1);
    }

    private static String qualifiedName(Function f) {
        String schema = f.namespace() == CatalogOids.PG_CATALOG ? "pg_catalog" : "information_schema";
        return schema + "." + QuotedNames.quoteIfNeeded(f.name());
    }

    private static List<Function> named(String written) {
        String name = QuotedNames.lastPart(written.strip());
        String schema = written.contains(".") ? written.substring(0, written.lastIndexOf('.')).strip() : null;
        List<Function> found = new ArrayList<>();
        for (Function f : Holder.BY_NAME.getOrDefault(name, List.of())) {
            boolean pgCatalog = f.namespace() == CatalogOids.PG_CATALOG;
            if (schema == null ? pgCatalog : schema.equals(pgCatalog ? "pg_catalog" : "information_schema")) {
                found.add(f);
            }
        }
        return found;
    }

    private static boolean sameTypes(int[] types, List<String> written) {
        for (int i = 0; i < types.length; i++) {
            String typname = TypeNames.typname(written.get(i).replaceAll("\\(.*\\)", ""));
            if (!typname.equals(Holder.TYPE_NAMES.get(types[i]))) {
                return false;
            }
        }
        return true;
    }

    /** {@code a, numeric(10,2)}: the parts between commas outside parentheses; none for an empty list. */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        if (list.isBlank()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).strip());
        return parts;
    }

    private static List<Function> load() {
        List<Function> functions = new ArrayList<>();
        for (String line : CatalogEngine.resource("pg_proc.psv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("(?<!\\\\)\\|", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = unescape(f[i]);
            }
            if (f[PROSRC].isEmpty()) {
                f[PROSRC] = f[1];   // the export leaves out a prosrc that is the name itself
            }
            functions.add(new Function(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f));
        }
        return List.copyOf(functions);
    }

    /** {@code \n}, {@code \|} and {@code \\} as the exports escape them; {@code ""} stays, the loader reads it as ''. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The typname of each built-in type, from pg_type.psv and information_schema_types.psv. */
    private static Map<Integer, String> typeNames() {
        Map<Integer, String> names = new HashMap<>();
        for (String resource : new String[] {"pg_type.psv", "information_schema_types.psv"}) {
            for (String line : CatalogEngine.resource(resource).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {   // '#': how the file was exported
                    String[] f = line.split("\\|", 3);
                    names.put(Integer.parseInt(f[0]), f[1]);
                }
            }
        }
        return Map.copyOf(names);
    }
}
