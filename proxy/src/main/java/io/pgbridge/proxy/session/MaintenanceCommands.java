package io.pgbridge.proxy.session;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's VACUUM and ANALYZE on backends that are not PostgreSQL. Reclaiming storage is the backend's own
 * business (InnoDB purges, H2 compacts, SQLite's VACUUM would rewrite the whole file), so VACUUM itself changes
 * nothing; the ANALYZE part refreshes the backend's planner statistics where it has a command for it
 * ({@link io.pgbridge.backend.BackendDialect#analyzeStatements}), outside transaction blocks. Tags and the
 * transaction-block rule are PostgreSQL's.
 */
final class MaintenanceCommands {
    private final Session session;

    MaintenanceCommands(Session session) {
        this.session = session;
    }

    /** {@code VACUUM …} or {@code ANALYZE …}; answers the command tag. */
    String run(String sql, String tag) throws SQLException {
        Request request = Request.parse(sql);
        if (request.vacuum()) {
            session.transactions().preventInBlock("VACUUM");
        }
        // H2's and MariaDB's ANALYZE commit the open transaction: inside a block the statistics wait for the next one.
        if (request.analyze() && !session.transactions().inBlock()) {
            BackendConnection backend = session.backendConnection();
            List<String> statements = backend.backend().dialect().analyzeStatements(request.tables());
            if (!statements.isEmpty()) {
                try (Statement st = backend.get().createStatement()) {
                    for (String statement : statements) {
                        // MariaDB answers ANALYZE TABLE with a status row per table: nothing a client expects.
                        st.execute(statement);
                    }
                }
            }
        }
        return tag;
    }

    /** What a VACUUM or ANALYZE statement asks for: whether to analyze, and which tables (empty = all). */
    record Request(boolean vacuum, boolean analyze, List<List<String>> tables) {

        static Request parse(String sql) {
            Scanner in = new Scanner(sql);
            String command = in.word();
            boolean vacuum = command.equals("vacuum");
            boolean analyze = !vacuum;
            if (in.peek() == '(') {
                List<String> options = in.optionList();
                analyze |= options.contains("analyze") || options.contains("analyse");
            }
            for (String w = in.peekWord(); isOption(w, vacuum); w = in.peekWord()) {
                in.word();
                analyze |= w.equals("analyze") || w.equals("analyse");
            }
            List<List<String>> tables = new ArrayList<>();
            boolean more = !in.atEnd();
            while (more) {
                tables.add(in.qualifiedName());
                if (in.peek() == '(') {
                    in.optionList(); // a column list: statistics are per table on every backend here
                }
                more = in.peek() == ',';
                if (more) {
                    in.pos++;
                } else if (!in.atEnd()) {
                    throw in.syntaxError();
                }
            }
            return new Request(vacuum, analyze, tables);
        }

        private static boolean isOption(String word, boolean vacuum) {
            return switch (word) {
                case "verbose", "skip_locked" -> true;
                case "full", "freeze", "analyze", "analyse" -> vacuum;
                default -> false;
            };
        }
    }

    /** Reads words, quoted identifiers and punctuation from a short statement. */
    private static final class Scanner {
        private final String sql;
        private int pos;
        private final List<String> options = new ArrayList<>();

        Scanner(String sql) {
            this.sql = sql;
        }

        char peek() {
            skipSpace();
            return pos < sql.length() ? sql.charAt(pos) : 0;
        }

        boolean atEnd() {
            return peek() == 0 || peek() == ';' && sql.substring(pos + 1).isBlank();
        }

        String peekWord() {
            int at = pos;
            String w = word();
            pos = at;
            return w;
        }

        /** An unquoted word, folded to lower case; "" where there is none. */
        String word() {
            skipSpace();
            int start = pos;
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                    || sql.charAt(pos) == '$')) {
                pos++;
            }
            return sql.substring(start, pos).toLowerCase(Locale.ROOT);
        }

        /** {@code ( a [value], b … )}: the first word of each item, lower case. */
        List<String> optionList() {
            options.clear();
            pos++; // '('
            int depth = 1;
            boolean itemStart = true;
            while (depth > 0) {
                char c = peek();
                if (c == 0) {
                    throw syntaxError();
                }
                if (c == '(' || c == ')') {
                    depth += c == '(' ? 1 : -1;
                    pos++;
                } else if (c == ',') {
                    itemStart = true;
                    pos++;
                } else if (c == '"') {
                    options.add(quoted());
                    itemStart = false;
                } else {
                    String w = word();
                    if (w.isEmpty()) {
                        pos++;
                    } else if (itemStart && depth == 1) {
                        options.add(w);
                    }
                    itemStart = false;
                }
            }
            return options;
        }

        List<String> qualifiedName() {
            List<String> parts = new ArrayList<>();
            do {
                if (peek() == '.') {
                    pos++;
                }
                String part = peek() == '"' ? quoted() : word();
                if (part.isEmpty()) {
                    throw syntaxError();
                }
                parts.add(part);
            } while (peek() == '.');
            return parts;
        }

        private String quoted() {
            int end = pos + 1;
            StringBuilder name = new StringBuilder();
            while (end < sql.length()) {
                char c = sql.charAt(end);
                if (c == '"') {
                    if (end + 1 < sql.length() && sql.charAt(end + 1) == '"') {
                        name.append('"');
                        end += 2;
                        continue;
                    }
                    pos = end + 1;
                    return name.toString();
                }
                name.append(c);
                end++;
            }
            throw syntaxError();
        }

        private void skipSpace() {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            }
        }

        PgException syntaxError() {
            String near = pos < sql.length() ? "at or near \"" + sql.substring(pos, Math.min(sql.length(), pos + 1))
                    + "\"" : "at end of input";
            return new PgException(SqlState.SYNTAX_ERROR, "syntax error " + near);
        }
    }
}
