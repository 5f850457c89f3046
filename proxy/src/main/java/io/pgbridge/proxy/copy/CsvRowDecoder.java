package io.pgbridge.proxy.copy;

import java.util.List;

/**
 * PostgreSQL's CSV format: a record ends at a line end outside quotes, fields are split by the delimiter, a quoted
 * part may hold delimiters and line ends, the escape character (default: the quote) escapes the quote or itself
 * inside quotes. An unquoted field equal to the NULL string (default: empty) is NULL unless FORCE_NOT_NULL names the
 * column; a quoted one is NULL only when FORCE_NULL names it. {@code \.} alone on a line ends the data.
 */
final class CsvRowDecoder extends LineRowDecoder {
    private final boolean[] forceNotNull;
    private final boolean[] forceNull;
    private boolean inQuote;

    CsvRowDecoder(CopyOptions options, List<String> columnNames, String relation) {
        super(options, columnNames, relation);
        this.forceNotNull = flags(columnNames, options.forceNotNull());
        this.forceNull = flags(columnNames, options.forceNull());
    }

    private static boolean[] flags(List<String> columns, List<String> named) {
        boolean[] flags = new boolean[columns.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = CopyColumnList.indexOf(named, columns.get(i)) >= 0;
        }
        return flags;
    }

    @Override
    void beginLine() {
        inQuote = false;
    }

    /** Inside quotes line ends are data, and the escape character protects a quote or itself. */
    @Override
    int skipData(byte[] buf, int i, int end, boolean atEnd) {
        byte b = buf[i];
        byte quote = options.quote();
        byte escape = options.escape();
        if (!inQuote) {
            inQuote = b == quote;
            return b == '\n' || b == '\r' ? i : i + 1;
        }
        if (b == escape && escape != quote) {
            if (i + 1 >= end) {
                return atEnd ? end : -1;
            }
            return buf[i + 1] == quote || buf[i + 1] == escape ? i + 2 : i + 1;
        }
        if (b == quote) {
            inQuote = false;
        }
        return i + 1;
    }

    @Override
    Object[] fields(byte[] buf, int from, int to) {
        int n = columnNames.size();
        Object[] values = new Object[n];
        byte delimiter = options.delimiter();
        byte quote = options.quote();
        byte escape = options.escape();
        int column = 0;
        int i = from;
        while (true) {
            field.reset();
            boolean quoted = false;
            int rawStart = i;
            while (i < to && buf[i] != delimiter) {
                if (buf[i] != quote) {
                    field.write(buf[i++]);
                    continue;
                }
                quoted = true;
                i++;
                while (true) {
                    if (i >= to) {
                        throw new io.pgbridge.proxy.error.PgException(
                                io.pgbridge.proxy.error.SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
                    }
                    byte b = buf[i];
                    if (b == escape && i + 1 < to && (buf[i + 1] == quote || buf[i + 1] == escape)
                            && (escape != quote || buf[i + 1] == quote)) {
                        field.write(buf[i + 1]);
                        i += 2;
                    } else if (b == quote) {
                        i++;
                        break;
                    } else {
                        field.write(b);
                        i++;
                    }
                }
            }
            if (column >= n) {
                throw extraData();
            }
            values[column] = value(buf, rawStart, i, quoted, column);
            column++;
            if (i >= to) {
                break;
            }
            i++;   // the delimiter
        }
        if (column < n) {
            throw missingData(column);
        }
        return values;
    }

    private String value(byte[] buf, int rawStart, int rawEnd, boolean quoted, int column) {
        byte[] bytes = field.toByteArray();
        if (!quoted && !forceNotNull[column] && isNullString(buf, rawStart, rawEnd)) {
            return null;
        }
        if (quoted && forceNull[column] && java.util.Arrays.equals(bytes, nullBytes)) {
            return null;
        }
        return rawString(bytes, 0, bytes.length);
    }
}
