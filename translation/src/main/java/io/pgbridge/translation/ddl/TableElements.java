package io.pgbridge.translation.ddl;

import io.pgbridge.translation.SqlLexer.Token;
import io.pgbridge.translation.SqlLexer.TokenType;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.ddl.Constraint.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the parts of PostgreSQL's table grammar that CREATE TABLE and ALTER TABLE share: column definitions with
 * their constraints, and table constraints. What no target can keep the meaning of (collations, deferred
 * constraints, EXCLUDE) is refused here, naming the construct.
 */
final class TableElements {
    /** Words that end a DEFAULT expression, as PostgreSQL's grammar lets a constraint follow it. */
    private static final Set<String> AFTER_DEFAULT = Set.of("constraint", "not", "null", "check", "default",
            "generated", "unique", "primary", "references", "collate", "deferrable", "initially");
    private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of("constraint", "check", "unique", "primary",
            "foreign", "exclude");

    /** A column: its name, type and constraints in written order. */
    record Column(Name name, PgType type, List<Constraint> constraints) {
        Column {
            constraints = List.copyOf(constraints);
        }

        boolean has(Kind kind) {
            return constraints.stream().anyMatch(c -> c.kind() == kind);
        }

        Constraint find(Kind kind) {
            return constraints.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
        }
    }

    private final TokenCursor in;
    private final SqlTarget target;

    TableElements(TokenCursor in, SqlTarget target) {
        this.in = in;
        this.target = target;
    }

    boolean atTableConstraint() {
        return in.isAnyWord(TABLE_CONSTRAINT_WORDS);
    }

    Column column() {
        Name name = in.name();
        PgType type = PgType.read(in);
        List<Constraint> constraints = new ArrayList<>();
        while (true) {
            Name constraintName = in.acceptWords("constraint") ? in.name() : null;
            Constraint constraint = columnConstraint(constraintName);
            if (constraint == null) {
                if (constraintName != null || !in.atEnd() && in.type(0) != TokenType.COMMA
                        && in.type(0) != TokenType.RIGHT_PAREN) {
                    throw in.syntaxError();
                }
                break;
            }
            constraints.add(constraint);
            deferrability();
        }
        return new Column(name, type, constraints);
    }

    private Constraint columnConstraint(Name name) {
        if (in.acceptWords("not", "null")) {
            return Constraint.of(Kind.NOT_NULL, name);
        }
        if (in.acceptWords("null")) {
            return Constraint.of(Kind.NULL, name);
        }
        if (in.acceptWords("check")) {
            return check(name);
        }
        if (in.acceptWords("default")) {
            return new Constraint(Kind.DEFAULT, name, List.of(), in.until(AFTER_DEFAULT), null, false, null);
        }
        if (in.acceptWords("generated")) {
            boolean always = in.acceptWords("always");
            if (!always) {
                in.expectWords("by", "default");
            }
            in.expectWords("as");
            if (in.acceptWords("identity")) {
                List<Token> options = in.type(0) == TokenType.LEFT_PAREN ? in.parenthesised() : null;
                return new Constraint(Kind.IDENTITY, name, List.of(), null, null, always, options);
            }
            List<Token> expression = in.parenthesised();
            in.expectWords("stored");
            return new Constraint(Kind.GENERATED, name, List.of(), expression, null, true, null);
        }
        if (in.acceptWords("unique")) {
            nullsDistinct();
            indexParameters();
            return Constraint.of(Kind.UNIQUE, name);
        }
        if (in.acceptWords("primary", "key")) {
            indexParameters();
            return Constraint.of(Kind.PRIMARY_KEY, name);
        }
        if (in.acceptWords("references")) {
            return new Constraint(Kind.REFERENCES, name, List.of(), null, reference(), false, null);
        }
        if (in.isWord("collate")) {
            throw unsupported("COLLATE");
        }
        return null;
    }

    /** {@code [CONSTRAINT name] CHECK (…) | UNIQUE (…) | PRIMARY KEY (…) | FOREIGN KEY (…) REFERENCES …}. */
    Constraint tableConstraint() {
        Name name = in.acceptWords("constraint") ? in.name() : null;
        Constraint constraint;
        if (in.acceptWords("check")) {
            constraint = check(name);
        } else if (in.acceptWords("unique")) {
            nullsDistinct();
            constraint = Constraint.of(Kind.UNIQUE, name).withColumns(in.nameList());
            indexParameters();
        } else if (in.acceptWords("primary", "key")) {
            constraint = Constraint.of(Kind.PRIMARY_KEY, name).withColumns(in.nameList());
            indexParameters();
        } else if (in.acceptWords("foreign", "key")) {
            List<Name> columns = in.nameList();
            in.expectWords("references");
            constraint = new Constraint(Kind.REFERENCES, name, columns, null, reference(), false, null);
        } else if (in.isWord("exclude")) {
            throw unsupported("EXCLUDE constraints");
        } else {
            throw in.syntaxError();
        }
        deferrability();
        return constraint;
    }

    private Constraint check(Name name) {
        List<Token> condition = in.parenthesised();
        in.acceptWords("no", "inherit");
        return new Constraint(Kind.CHECK, name, List.of(), condition, null, false, null);
    }

    private Constraint.Reference reference() {
        ObjectName table = in.objectName();
        List<Name> columns = in.type(0) == TokenType.LEFT_PAREN ? in.nameList() : List.of();
        if (in.acceptWords("match")) {
            if (!in.acceptWords("simple")) {
                throw unsupported("MATCH " + in.text(0).toUpperCase(java.util.Locale.ROOT));
            }
        }
        String onDelete = null;
        String onUpdate = null;
        while (in.isWord("on")) {
            if (in.acceptWords("on", "delete")) {
                onDelete = action();
            } else {
                in.expectWords("on", "update");
                onUpdate = action();
            }
        }
        return new Constraint.Reference(table, columns, onDelete, onUpdate);
    }

    private String action() {
        if (in.acceptWords("no", "action")) {
            return "NO ACTION";
        }
        if (in.acceptWords("restrict")) {
            return "RESTRICT";
        }
        if (in.acceptWords("cascade")) {
            return "CASCADE";
        }
        if (in.acceptWords("set", "null")) {
            if (in.type(0) == TokenType.LEFT_PAREN) {
                throw unsupported("SET NULL with a column list");
            }
            return "SET NULL";
        }
        in.expectWords("set", "default");
        return "SET DEFAULT";
    }

    /** NOT DEFERRABLE and INITIALLY IMMEDIATE are what every target does; deferred checking none can. */
    private void deferrability() {
        while (true) {
            if (in.acceptWords("not", "deferrable") || in.acceptWords("initially", "immediate")) {
                continue;
            }
            if (in.isWord("deferrable") || in.isWord("initially")) {
                throw unsupported("deferrable constraints");
            }
            return;
        }
    }

    private void nullsDistinct() {
        if (in.acceptWords("nulls", "not", "distinct")) {
            throw unsupported("NULLS NOT DISTINCT");
        }
        in.acceptWords("nulls", "distinct");
    }

    /** Storage details of the index behind a key: INCLUDE, WITH (…), USING INDEX TABLESPACE; none change results. */
    private void indexParameters() {
        while (true) {
            if (in.acceptWords("include")) {
                in.nameList();
            } else if (in.acceptWords("with")) {
                in.parenthesised();
            } else if (in.acceptWords("using", "index", "tablespace")) {
                in.name();
            } else {
                return;
            }
        }
    }

    private TranslationException unsupported(String construct) {
        return new TranslationException(TranslationException.FEATURE_NOT_SUPPORTED,
                TranslationException.unsupported(construct, target).getMessage(), in.position());
    }
}
