package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.Token;

import java.util.List;

/**
 * A column or table constraint as PostgreSQL reads it. Column constraints leave {@code columns} empty; a table's
 * {@code FOREIGN KEY (a) REFERENCES t} is a {@link Kind#REFERENCES} with columns.
 *
 * @param name the {@code CONSTRAINT name}, or null
 * @param expression the DEFAULT value, the CHECK condition or the generated column's expression
 * @param identityOptions for {@code GENERATED … AS IDENTITY (START WITH 5)}, the tokens in parentheses
 */
record Constraint(Kind kind, Name name, List<Name> columns, List<Token> expression, Reference reference,
                  boolean always, List<Token> identityOptions) {

    enum Kind { NOT_NULL, NULL, DEFAULT, CHECK, UNIQUE, PRIMARY_KEY, REFERENCES, IDENTITY, GENERATED }

    /** {@code REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action]}; actions null when absent. */
    record Reference(ObjectName table, List<Name> columns, String onDelete, String onUpdate) {
    }

    Constraint {
        columns = List.copyOf(columns);
        expression = expression == null ? List.of() : List.copyOf(expression);
        identityOptions = identityOptions == null ? List.of() : List.copyOf(identityOptions);
    }

    static Constraint of(Kind kind, Name name) {
        return new Constraint(kind, name, List.of(), null, null, false, null);
    }

    Constraint withColumns(List<Name> newColumns) {
        return new Constraint(kind, name, newColumns, expression, reference, always, identityOptions);
    }
}
