package io.pgbridge.proxy.catalog;

import java.util.regex.Pattern;

/**
 * Identifiers as PostgreSQL prints them in catalog output (quote_identifier): quoted unless lower-case letters,
 * digits and _ that are no keyword but an unreserved one.
 */
final class QuotedNames {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL 15's keywords that are not unreserved ({@code pg_get_keywords()}, catcode other than U). */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of((
            "all analyse analyze and any array as asc asymmetric authorization between bigint binary bit "
            + "boolean both case cast char character check coalesce collate collation column concurrently "
            + "constraint create cross current_catalog current_date current_role current_schema current_time "
            + "current_timestamp current_user dec decimal default deferrable desc distinct do else end except "
            + "exists extract false fetch float for foreign freeze from full grant greatest group grouping "
            + "having ilike in initially inner inout int integer intersect interval into is isnull join lateral "
            + "leading least left like limit localtime localtimestamp national natural nchar none normalize not "
            + "notnull null nullif numeric offset on only or order out outer overlaps overlay placing position "
            + "precision primary real references returning right row select session_user setof similar smallint "
            + "some substring symmetric table tablesample then time timestamp to trailing treat trim true union "
            + "unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat "
            + "xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private QuotedNames() {
    }

    static String quoteIfNeeded(String name) {
        return PLAIN.matcher(name).matches() && !KEYWORDS.contains(name) ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The last part of a possibly qualified, possibly quoted name: {@code public."T"} → {@code T}. */
    static String lastPart(String name) {
        String last = name.trim();
        int dot = last.lastIndexOf('.');
        if (dot >= 0 && !(last.endsWith("\"") && last.lastIndexOf('"', last.length() - 2) > dot)) {
            last = last.substring(dot + 1);
        }
        if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
            return last.substring(1, last.length() - 1).replace("\"\"", "\"");
        }
        return last.toLowerCase(java.util.Locale.ROOT);
    }
}
