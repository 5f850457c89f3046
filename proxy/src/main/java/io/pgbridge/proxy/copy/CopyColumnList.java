package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.util.List;

/** Checks of the columns a COPY names, with PostgreSQL's messages ({@code CopyGetAttnums}, {@code BeginCopy*}). */
final class CopyColumnList {
    private CopyColumnList() {
    }

    /** The index in {@code tableColumns} of each column in the statement's list. */
    static int[] resolve(CopyStatement copy, List<String> tableColumns) {
        List<String> listed = copy.columnNames();
        int[] indexes = new int[listed.size()];
        for (int i = 0; i < indexes.length; i++) {
            String name = listed.get(i);
            int index = indexOf(tableColumns, name);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of relation \"" + copy.relationName() + "\" does not exist");
            }
            if (listed.subList(0, i).contains(name)) {
                throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            indexes[i] = index;
        }
        return indexes;
    }

    /**
     * FORCE_QUOTE, FORCE_NOT_NULL and FORCE_NULL may name only copied columns: an unknown name is 42703, a column
     * of the table left out of the list 42P10.
     */
    static void checkForced(CopyStatement copy, List<String> tableColumns, List<String> copiedColumns) {
        check(copy, "FORCE_QUOTE", copy.options().forceQuote(), tableColumns, copiedColumns);
        check(copy, "FORCE_NOT_NULL", copy.options().forceNotNull(), tableColumns, copiedColumns);
        check(copy, "FORCE_NULL", copy.options().forceNull(), tableColumns, copiedColumns);
    }

    private static void check(CopyStatement copy, String option, List<String> named, List<String> tableColumns,
                              List<String> copiedColumns) {
        for (String name : named) {
            if (indexOf(tableColumns, name) < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, copy.relationName() == null
                        ? "column \"" + name + "\" does not exist"
                        : "column \"" + name + "\" of relation \"" + copy.relationName() + "\" does not exist");
            }
            if (indexOf(copiedColumns, name) < 0) {
                throw new PgException(SqlState.INVALID_COLUMN_REFERENCE,
                        option + " column \"" + name + "\" not referenced by COPY");
            }
        }
    }

    /** Exact match first; backends that fold unquoted names to upper case (H2 outside PostgreSQL mode) match too. */
    static int indexOf(List<String> columns, String name) {
        int exact = columns.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
