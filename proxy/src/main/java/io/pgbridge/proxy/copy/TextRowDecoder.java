package io.pgbridge.proxy.copy;

import java.util.List;

/**
 * PostgreSQL's text format: one row per line ({@code \n}, {@code \r\n} or {@code \r}), columns split by the
 * delimiter, the NULL string (default {@code \N}) compared before de-escaping, and backslash escapes {@code \b \f \n
 * \r \t \v}, octal {@code \ooo}, hex {@code \xhh}, or any other character as itself. {@code \.} alone ends the data.
 */
final class TextRowDecoder extends LineRowDecoder {

    TextRowDecoder(CopyOptions options, List<String> columnNames, String relation) {
        super(options, columnNames, relation);
    }

    @Override
    void beginLine() {
    }

    /** A backslash protects the next byte, line ends included. */
    @Override
    int skipData(byte[] buf, int i, int end, boolean atEnd) {
        byte b = buf[i];
        if (b == '\\') {
            return i + 1 < end ? i + 2 : atEnd ? end : -1;
        }
        return b == '\n' || b == '\r' ? i : i + 1;
    }

    @Override
    Object[] fields(byte[] buf, int from, int to) {
        int n = columnNames.size();
        Object[] values = new Object[n];
        byte delimiter = options.delimiter();
        int column = 0;
        int fieldStart = from;
        for (int i = from; ; i++) {
            if (i < to && buf[i] == '\\') {
                i++;
                continue;
            }
            if (i < to && buf[i] != delimiter) {
                continue;
            }
            if (column >= n) {
                throw extraData();
            }
            values[column++] = value(buf, fieldStart, Math.min(i, to));
            fieldStart = i + 1;
            if (i >= to) {
                break;
            }
        }
        if (column < n) {
            throw missingData(column);
        }
        return values;
    }

    private String value(byte[] buf, int from, int to) {
        int length = to - from;
        if (isNullString(buf, from, to)) {
            return null;
        }
        int firstEscape = -1;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\\') {
                firstEscape = i;
                break;
            }
        }
        if (firstEscape < 0) {
            return rawString(buf, from, length);
        }
        field.reset();
        field.write(buf, from, firstEscape - from);
        for (int i = firstEscape; i < to; i++) {
            byte b = buf[i];
            if (b != '\\' || i + 1 >= to) {
                field.write(b);
                continue;
            }
            byte e = buf[++i];
            switch (e) {
                case 'b' -> field.write('\b');
                case 'f' -> field.write('\f');
                case 'n' -> field.write('\n');
                case 'r' -> field.write('\r');
                case 't' -> field.write('\t');
                case 'v' -> field.write(0x0B);
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < to && Character.digit(buf[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(buf[++i], 16);
                        digits++;
                    }
                    field.write(digits == 0 ? 'x' : value);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int d = 0; d < 2 && i + 1 < to && buf[i + 1] >= '0' && buf[i + 1] <= '7'; d++) {
                            value = value * 8 + buf[++i] - '0';
                        }
                        field.write(value & 0xFF);
                    } else {
                        field.write(e);
                    }
                }
            }
        }
        byte[] bytes = field.toByteArray();
        return string(bytes, 0, bytes.length);
    }
}
