package io.pgbridge.backend.sqlite;

import org.sqlite.Function;

import java.sql.SQLException;

/**
 * A SQLite application function with its arguments readable from the body: sqlite-jdbc gives access to them only
 * from inside a {@link Function} subclass.
 */
abstract class Arguments extends Function {
    private static final int SQLITE_INTEGER = 1;
    private static final int SQLITE_FLOAT = 2;
    private static final int SQLITE_NULL = 5;

    int count() throws SQLException {
        return args();
    }

    boolean isNull(int index) throws SQLException {
        return value_type(index) == SQLITE_NULL;
    }

    boolean anyNull() throws SQLException {
        for (int i = 0; i < args(); i++) {
            if (isNull(i)) {
                return true;
            }
        }
        return false;
    }

    boolean isInteger(int index) throws SQLException {
        return value_type(index) == SQLITE_INTEGER;
    }

    boolean isFloat(int index) throws SQLException {
        return value_type(index) == SQLITE_FLOAT;
    }

    String text(int index) throws SQLException {
        return value_text(index);
    }

    long integer(int index) throws SQLException {
        return value_long(index);
    }

    double real(int index) throws SQLException {
        return value_double(index);
    }

    byte[] bytes(int index) throws SQLException {
        byte[] blob = value_blob(index);
        return blob != null ? blob : new byte[0];
    }

    /** {@code chr(n)}: the character with code point {@code n}. */
    String codePoint(int index) throws SQLException {
        long cp = integer(index);
        if (cp <= 0 || cp > Character.MAX_CODE_POINT) {
            throw new SQLException("54000: requested character too large for encoding: " + cp);
        }
        return Character.toString((int) cp);
    }

    void set(String value) throws SQLException {
        result(value);
    }

    void set(long value) throws SQLException {
        result(value);
    }

    void set(double value) throws SQLException {
        result(value);
    }

    void set(byte[] value) throws SQLException {
        result(value);
    }

    void setNull() throws SQLException {
        result();
    }
}
