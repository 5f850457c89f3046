package io.pgbridge.proxy.auth;

/**
 * What a client of the {@code passthrough} method gave to be checked by the backend itself: its user name and the
 * password it sent in clear text. Held by the session only until its backend connection is open; never logged.
 */
public record BackendLogin(String user, String password) {

    /**
     * Whether a backend error with this SQLSTATE means it refused the login (class 28: wrong password, unknown
     * user, no such role). The client then gets 28P01 and the same words for every such case, as from PostgreSQL's
     * password methods, so that it cannot tell which accounts exist.
     */
    public static boolean refusedBy(String sqlState) {
        return sqlState != null && sqlState.startsWith("28");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "BackendLogin[user=" + user + ", password=***]";
    }
}
