package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * CSV format ({@code CopyAttributeOutCSV}): a value is quoted when FORCE_QUOTE names its column, when it equals the
 * NULL string, when it is {@code \.} alone in a one-column row, or when it holds the delimiter, the quote, CR or
 * LF; inside quotes the quote and the escape character get the escape character before them.
 */
final class CsvRowEncoder extends DelimitedRowEncoder {
    private final boolean[] forceQuote;
    private final boolean singleColumn;

    CsvRowEncoder(CopyOptions options, List<String> columnNames) {
        super(options);
        this.forceQuote = new boolean[columnNames.size()];
        for (int i = 0; i < forceQuote.length; i++) {
            forceQuote[i] = options.forceQuoteAll() || CopyColumnList.indexOf(options.forceQuote(), columnNames.get(i)) >= 0;
        }
        this.singleColumn = columnNames.size() == 1;
    }

    @Override
    void writeValue(ByteBuf value, int column, ByteBuf out) {
        byte quote = options.quote();
        byte escape = options.escape();
        int start = value.readerIndex();
        int end = value.writerIndex();
        boolean useQuote = column >= 0 && forceQuote[column] || equalsNull(value, start, end);
        if (!useQuote) {
            if (singleColumn && end - start == 2 && value.getByte(start) == '\\' && value.getByte(start + 1) == '.') {
                useQuote = true;
            } else {
                for (int i = start; i < end && !useQuote; i++) {
                    byte c = value.getByte(i);
                    useQuote = c == options.delimiter() || c == quote || c == '\n' || c == '\r';
                }
            }
        }
        if (!useQuote) {
            out.writeBytes(value, start, end - start);
            return;
        }
        out.writeByte(quote);
        for (int i = start; i < end; i++) {
            byte c = value.getByte(i);
            if (c == quote || c == escape) {
                out.writeByte(escape);
            }
            out.writeByte(c);
        }
        out.writeByte(quote);
    }

    private boolean equalsNull(ByteBuf value, int start, int end) {
        if (end - start != nullBytes.length) {
            return false;
        }
        for (int i = 0; i < nullBytes.length; i++) {
            if (value.getByte(start + i) != nullBytes[i]) {
                return false;
            }
        }
        return true;
    }
}
