package io.pgbridge.translation.calcite;

import io.pgbridge.translation.LateralRow;
import io.pgbridge.translation.SqlLexer;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.SqlTokens;
import io.pgbridge.translation.StatementClassifier;
import io.pgbridge.translation.StatementKind;
import io.pgbridge.translation.Translation;
import io.pgbridge.translation.TranslationException;
import io.pgbridge.translation.Translator;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Translates PostgreSQL queries and DML (SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE) for MariaDB/MySQL and
 * SQLite with Apache Calcite: a lexer pass makes the text parseable by Babel ({@link StatementNormalizer}), the
 * clauses Babel cannot parse are cut off ({@link StatementClauses}), each piece is parsed, rewritten for the backend
 * ({@link PgRewriter} with the target's {@link DialectRules}) and unparsed, and the backend statement is put
 * together from the pieces. Other statements pass unchanged: DDL has its own translator, and the rest is the
 * backend's to judge. Stateless and thread-safe.
 */
public final class CalciteTranslator implements Translator {
    private final DialectRules rules;

    private CalciteTranslator(DialectRules rules) {
        this.rules = rules;
    }

    public static CalciteTranslator forMariaDb() {
        return new CalciteTranslator(new MariaDbRules());
    }

    public static CalciteTranslator forSqlite() {
        return new CalciteTranslator(new SqliteRules());
    }

    /** The translator for any target of the Calcite path: MariaDB, SQLite and the standard-SQL backends. */
    public static CalciteTranslator forTarget(SqlTarget target) {
        return switch (target) {
            case MARIADB -> forMariaDb();
            case SQLITE -> forSqlite();
            case HSQLDB -> new CalciteTranslator(new HsqldbRules());
            case DUCKDB -> new CalciteTranslator(new DuckDbRules());
            case DERBY -> new CalciteTranslator(new DerbyRules());
            case ORACLE -> new CalciteTranslator(new OracleRules());
            case SQLSERVER -> new CalciteTranslator(new SqlServerRules());
            case DB2 -> new CalciteTranslator(new Db2Rules());
            default -> throw new IllegalArgumentException("no Calcite translation for " + target);
        };
    }

    /**
     * Loads Calcite's parser and unparser classes by translating a few statements; the first translation in a
     * fresh JVM otherwise takes about half a second. The proxy calls this in the background at start.
     */
    public static void warmUp() {
        for (CalciteTranslator translator : List.of(forMariaDb(), forSqlite())) {
            for (String sql : List.of("select a, count(*) from t where b = $1 and c ilike 'x%' group by a order by 1",
                    "insert into t (a) values (1) on conflict (a) do nothing returning a",
                    "update t set a = a + 1 where b::int > 2", "delete from t where a in (select 1)")) {
                translator.translate(sql);
            }
        }
    }

    @Override
    public Translation translate(String statement) {
        StatementKind kind = StatementClassifier.classify(statement).kind();
        return switch (kind) {
            case SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE -> translateWithCalcite(statement);
            case MERGE -> throw TranslationException.unsupported("MERGE", rules.target());
            default -> new Translation(statement);
        };
    }

    @Override
    public boolean readsLiteral(String literal) {
        return rules.readsLiteral(literal);
    }

    private Translation translateWithCalcite(String written) {
        String statement = OverridingClause.remove(written, rules);
        if (rules.target() == SqlTarget.MARIADB || rules.target() == SqlTarget.SQLITE) {
            // neither has LATERAL (MariaDB before 11)
            SqlTokens tokens = new SqlTokens(statement);
            if (LateralRow.present(tokens)) {
                statement = LateralRow.rewrite(tokens);
            }
        }
        String inlined = CteInlining.inline(statement);
        if (inlined != null) {
            statement = inlined;
        }
        WithClauses.refuseUnsupported(statement, rules);
        StatementNormalizer.Result normalized = StatementNormalizer.normalize(statement, rules.target());
        StatementClauses clauses = StatementClauses.split(normalized.text());
        Pieces pieces = new Pieces(statement, normalized.parameterNumbers());
        if (clauses.onConflict() != null && !rules.hasOnConflict()) {
            throw rules.unsupported("INSERT … ON CONFLICT");
        }
        if (clauses.joinsTables() && clauses.assignments() != null) {
            if (!rules.hasUpdateFrom()) {
                throw rules.unsupported("UPDATE … FROM");
            }
            return pieces.translation(withReturning(JoinedDml.updateFrom(clauses, pieces, rules), "UPDATE", clauses,
                    pieces), rules);
        }
        MappedText main = clauses.joinsTables() ? JoinedDml.deleteAsExists(clauses) : clauses.main();
        SqlNode tree = pieces.parse(main, rules);
        String sql = switch (tree) {
            case SqlInsert insert -> insert(insert, clauses, pieces);
            case SqlUpdate update -> update(update, clauses, pieces);
            case SqlDelete delete -> delete(delete, clauses, pieces);
            default -> query(tree, pieces) + locking(clauses);
        };
        return pieces.translation(sql, rules);
    }

    private String query(SqlNode tree, Pieces pieces) {
        SetOperationTypes.check(tree);
        pieces.columnTypes = ResultTypes.ofQuery(tree, rules);
        SetReturningSelect.rewrite(tree, rules);
        SqlNode query = DistinctOn.rewrite(GroupingSets.expand(tree, rules), rules);
        if (!rules.namesValuesColumns()) {
            query = ValuesAsSelect.rewrite(query);
        }
        ColumnLabels.nameResultColumns(query, rules.labelsColumnsAsStored());
        if (rules.target() == SqlTarget.MARIADB) {
            query = FullJoin.rewrite(query, rules);
        }
        return pieces.render(query, rules);
    }

    private String insert(SqlInsert insert, StatementClauses clauses, Pieces pieces) {
        if (clauses.onConflict() != null && rules.target() == SqlTarget.SQLITE
                && insert.getSource() instanceof SqlSelect select && select.getWhere() == null) {
            // SQLite reads "SELECT … ON CONFLICT" as a join constraint unless the SELECT has a WHERE.
            select.setWhere(org.apache.calcite.sql.SqlLiteral.createBoolean(true, select.getParserPosition()));
        }
        if (rules.target() == SqlTarget.SQLITE) {
            InsertDefaults.dropDefaults(insert, rules);
        }
        String sql = pieces.render(insert, rules);
        pieces.targetTable = pieces.render(insert.getTargetTable(), rules);
        if (clauses.onConflict() != null) {
            sql = UpsertClause.append(sql, insert, clauses.onConflict(), pieces, rules);
        }
        return withReturning(sql, "INSERT", clauses, pieces);
    }

    private String update(SqlUpdate update, StatementClauses clauses, Pieces pieces) {
        String sql = pieces.render(update, rules);
        if (clauses.returning() != null && rules.target() == SqlTarget.SQLITE && update.getAlias() != null) {
            // SQLite's RETURNING sees the table by its name only, not by the UPDATE's alias.
            String alias = update.getAlias().getSimple();
            SqlIdentifier table = (SqlIdentifier) update.getTargetTable();
            String name = table.names.get(table.names.size() - 1);
            return sql + " RETURNING " + pieces.selectList(clauses.returning(), rules, new SqlShuttle() {
                @Override
                public SqlNode visit(SqlIdentifier id) {
                    return id.names.size() == 2 && id.names.get(0).equals(alias)
                            ? new SqlIdentifier(List.of(name, id.names.get(1)), id.getParserPosition()) : id;
                }
            }, null);
        }
        if (clauses.returning() == null || rules.target() != SqlTarget.MARIADB) {
            return withReturning(sql, "UPDATE", clauses, pieces);
        }
        pieces.followUp = sql;
        return MariaDbUpdateReturning.lockingSelect(update, clauses, pieces, rules);
    }

    private String delete(SqlDelete delete, StatementClauses clauses, Pieces pieces) {
        if (delete.getAlias() != null && rules.target() == SqlTarget.MARIADB) {
            // MariaDB's single-table DELETE takes no alias; its multi-table form does.
            if (clauses.returning() != null) {
                throw rules.unsupported("DELETE with a table alias and RETURNING");
            }
            String alias = rules.dialect().quoteIdentifier(delete.getAlias().getSimple());
            String sql = "DELETE " + alias + " FROM " + pieces.render(delete.getTargetTable(), rules) + " AS " + alias;
            return delete.getCondition() == null ? sql : sql + " WHERE " + pieces.render(delete.getCondition(), rules);
        }
        return withReturning(pieces.render(delete, rules), "DELETE", clauses, pieces);
    }

    private String withReturning(String sql, String command, StatementClauses clauses, Pieces pieces) {
        if (pieces.markedRows) {
            // The mark comes first, so that it has reset the upsert's variable before any RETURNING item can fail.
            return sql + " RETURNING " + UpsertClause.MARK + (clauses.returning() == null ? ""
                    : ", " + pieces.selectList(clauses.returning(), rules));
        }
        if (clauses.returning() == null) {
            return sql;
        }
        if (!rules.hasReturning()) {
            throw rules.unsupported(command + " … RETURNING");
        }
        if (rules.target() == SqlTarget.MARIADB && command.equals("UPDATE")) {
            throw rules.unsupported("UPDATE … RETURNING");
        }
        return sql + " RETURNING " + pieces.selectList(clauses.returning(), rules);
    }

    /** FOR UPDATE and friends, as the backend locks rows (SQLite locks the whole database when it writes). */
    private String locking(StatementClauses clauses) {
        if (clauses.locking() == null) {
            return "";
        }
        return rules.rowLocking(clauses.locking().toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim());
    }

    /**
     * The client's statement cut into pieces that are parsed separately; each piece's dynamic parameters are
     * numbered from zero by Calcite, so a piece renders with the client's numbers from its place on.
     */
    static final class Pieces {
        private final String original;
        private final List<Integer> parameterNumbers;
        private int parsedParameters;
        private List<Integer> numbersFrom;
        /** The result's columns the backend types otherwise than PostgreSQL, from the query or the RETURNING list. */
        private java.util.Map<Integer, String> columnTypes = java.util.Map.of();
        /** The statement returns a first column marking the rows the client gets (see {@link UpsertClause}). */
        private boolean markedRows;
        /** The table written to, as rendered: a RETURNING {@code *} after the mark must name it. */
        private String targetTable;
        /** A statement to run after the translated one (see {@link Translation#followUps()}). */
        private String followUp;

        Pieces(String original, List<Integer> parameterNumbers) {
            this.original = original;
            this.parameterNumbers = parameterNumbers;
        }

        Translation translation(String sql, DialectRules rules) {
            java.util.Map<Integer, String> types = columnTypes;
            if (!rules.answersBooleansAsNumbers()) {
                // A backend with booleans of its own describes them itself.
                types = new java.util.HashMap<>(columnTypes);
                types.values().removeIf(Translation.BOOLEAN::equals);
            }
            return new Translation(sql, types, markedRows, followUp == null ? List.of() : List.of(followUp));
        }

        void markRows() {
            markedRows = true;
        }

        /** Parses the next piece, in text order; its parameters follow those of the pieces before it. */
        SqlNode parse(MappedText text, DialectRules rules) {
            SqlNode node = BabelParser.statement(text, original, rules.target());
            numbersFrom = parameterNumbers.subList(parsedParameters, parameterNumbers.size());
            parsedParameters += parameterCount(text.toString());
            return node;
        }

        /** Rewrites and renders a node of the piece parsed last. */
        String render(SqlNode node, DialectRules rules) {
            SqlNode rewritten = new PgRewriter(rules).rewrite(node);
            try {
                return SqlRenderer.render(rewritten, rules.dialect(), numbersFrom);
            } catch (TranslationException e) {
                throw e;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                if (Boolean.getBoolean("pgbridge.debug")) { e.printStackTrace(); }
                throw rules.unsupported("this statement (Calcite could not write it)");
            }
        }

        /** A RETURNING list: parsed as a select list, named as PostgreSQL names result columns, rendered. */
        String selectList(MappedText list, DialectRules rules) {
            return selectList(list, rules, null, null);
        }

        /**
         * A RETURNING list whose items are rewritten by {@code rewrite} once named; {@code refusedStar}, when not
         * null, is thrown for a {@code *} item.
         */
        String selectList(MappedText list, DialectRules rules, org.apache.calcite.sql.util.SqlShuttle rewrite,
                TranslationException refusedStar) {
            SqlNode parsed = parse(new MappedText().append("select ", list.originOf(0)).append(list), rules);
            if (!(parsed instanceof SqlSelect select) || select.getFrom() != null) {
                throw new TranslationException(TranslationException.SYNTAX_ERROR, "syntax error in RETURNING",
                        list.originOf(0) + 1);
            }
            columnTypes = ResultTypes.ofList(select.getSelectList(), null, Set.of(), rules);
            StringBuilder out = new StringBuilder();
            for (SqlNode item : select.getSelectList()) {
                if (refusedStar != null && item instanceof org.apache.calcite.sql.SqlIdentifier id && id.isStar()) {
                    throw refusedStar;
                }
                SqlNode named = ColumnLabels.named(item, rules.labelsColumnsAsStored());
                SqlNode rewritten = rewrite == null ? named : named.accept(rewrite);
                if (rewritten != named && rewritten.getKind() != org.apache.calcite.sql.SqlKind.AS) {
                    // A column the backend would name after the rewritten expression keeps the client's name.
                    rewritten = org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(item.getParserPosition(),
                            rewritten, new org.apache.calcite.sql.SqlIdentifier(ColumnLabels.labelOf(item),
                                    item.getParserPosition()));
                }
                String rendered = render(rewritten, rules);
                // MariaDB reads a bare * only as the first item of a list.
                out.append(out.isEmpty() ? "" : ", ").append(markedRows && rendered.equals("*")
                        ? targetTable + ".*" : rendered);
            }
            return out.toString();
        }

        private static int parameterCount(String text) {
            int count = 0;
            SqlLexer lexer = new SqlLexer(text);
            for (SqlLexer.TokenType t = lexer.nextSignificant(); t != SqlLexer.TokenType.EOF;
                    t = lexer.nextSignificant()) {
                if (t == SqlLexer.TokenType.OPERATOR) {
                    count += (int) lexer.text().chars().filter(c -> c == '?').count();
                }
            }
            return count;
        }
    }
}
