package io.pgbridge.proxy.copy;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The options of one COPY after PostgreSQL's defaults and checks ({@code ProcessCopyOptions}): delimiter, NULL
 * string, quote and escape are single bytes of an ASCII-compatible encoding, so the row codecs scan bytes.
 *
 * @param forceQuote columns to quote always (CSV output); {@code forceQuoteAll} for {@code *}
 * @param forceNotNull CSV input columns whose unquoted NULL string is an empty string, not NULL
 * @param forceNull CSV input columns whose quoted NULL string is NULL too
 * @param encoding the data's encoding, UTF-8 unless ENCODING says otherwise
 */
public record CopyOptions(CopyFormat format, byte delimiter, String nullString, boolean header, boolean headerMatch,
                          byte quote, byte escape, List<String> forceQuote, boolean forceQuoteAll,
                          List<String> forceNotNull, List<String> forceNull, Charset encoding) {

    public boolean csv() {
        return format == CopyFormat.CSV;
    }

    public boolean binary() {
        return format == CopyFormat.BINARY;
    }
}
