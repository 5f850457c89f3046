package io.pgbridge.translation;

/**
 * Error positions reported by a backend point into the SQL it received, which translation may have made longer or
 * rearranged; clients expect positions in the text they sent.
 */
public final class Positions {
    private Positions() {
    }

    /**
     * The 1-based position in {@code clientSql} of the token found at {@code backendPosition} in {@code backendSql}:
     * the same token text, counted the same number of times from the start. The end of the text maps to the end;
     * a token the client never wrote gives 0 (no position), better than a wrong one.
     */
    public static int toClient(String clientSql, String backendSql, int backendPosition) {
        if (backendPosition <= 0 || clientSql.equals(backendSql)) {
            return backendPosition;
        }
        int at = backendPosition - 1;
        if (at >= backendSql.trim().length()) {
            return clientSql.stripTrailing().length() + 1;
        }
        SqlTokens backend = new SqlTokens(backendSql);
        int token = -1;
        for (int i = 0; i < backend.size(); i++) {
            if (backend.start(i) <= at && at < backend.end(i)) {
                token = i;
                break;
            }
            if (backend.start(i) > at) {
                token = i;   // in whitespace: the next token is what the backend meant
                break;
            }
        }
        if (token < 0) {
            return clientSql.stripTrailing().length() + 1;
        }
        String text = backend.text(token);
        int occurrence = 0;
        for (int i = 0; i < token; i++) {
            if (backend.text(i).equals(text)) {
                occurrence++;
            }
        }
        SqlTokens client = new SqlTokens(clientSql);
        int first = -1;
        for (int i = 0; i < client.size(); i++) {
            if (client.text(i).equals(text)) {
                if (first < 0) {
                    first = i;
                }
                if (occurrence-- == 0) {
                    return client.start(i) + 1;
                }
            }
        }
        return first < 0 ? 0 : client.start(first) + 1;
    }
}
