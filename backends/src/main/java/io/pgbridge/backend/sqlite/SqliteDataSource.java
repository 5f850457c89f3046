package io.pgbridge.backend.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * sqlite-jdbc's data source with pgbridge's functions ({@link SqliteFunctions}) on every connection it opens: SQLite
 * keeps application functions per connection, and the pool opens connections whenever it likes.
 */
public final class SqliteDataSource extends org.sqlite.SQLiteDataSource {

    public SqliteDataSource(String url, Properties properties) {
        super(new SQLiteConfig(properties));
        setUrl(url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        try {
            SqliteFunctions.register(connection);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
