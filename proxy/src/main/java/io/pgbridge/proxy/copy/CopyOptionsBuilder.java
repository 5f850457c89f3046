package io.pgbridge.proxy.copy;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects COPY's options one at a time, in either syntax, and checks them as PostgreSQL 15's
 * {@code ProcessCopyOptions} does, with its messages and SQLSTATEs, in its order.
 */
final class CopyOptionsBuilder {
    /** The value of a generic option: absent, a word or string, {@code *}, or a parenthesised list of names. */
    sealed interface Argument {
        record None() implements Argument {}
        record Value(String text) implements Argument {}
        record Star() implements Argument {}
        record Names(List<String> names) implements Argument {}
    }

    /** PostgreSQL's encoding names (normalised: lower case, letters and digits only) that Java reads too. */
    private static final Map<String, Charset> ENCODINGS = Map.ofEntries(
            Map.entry("utf8", StandardCharsets.UTF_8), Map.entry("unicode", StandardCharsets.UTF_8),
            Map.entry("sqlascii", StandardCharsets.UTF_8), Map.entry("latin1", StandardCharsets.ISO_8859_1),
            Map.entry("iso88591", StandardCharsets.ISO_8859_1), Map.entry("win1252", Charset.forName("windows-1252")),
            Map.entry("latin9", Charset.forName("ISO-8859-15")), Map.entry("win1251", Charset.forName("windows-1251")),
            Map.entry("koi8r", Charset.forName("KOI8-R")), Map.entry("latin2", Charset.forName("ISO-8859-2")));

    private final boolean from;
    private CopyFormat format;
    private String delimiter;
    private String nullString;
    private Boolean header;
    private boolean headerMatch;
    private String quote;
    private String escape;
    private List<String> forceQuote;
    private boolean forceQuoteAll;
    private List<String> forceNotNull;
    private List<String> forceNull;
    private Boolean freeze;
    private Charset encoding;

    CopyOptionsBuilder(boolean from) {
        this.from = from;
    }

    /** One option; {@code position} (1-based) is where PostgreSQL's errors point for it. */
    void add(String name, Argument argument, int position) {
        switch (name) {
            case "format" -> {
                once(format, position);
                String value = string(name, argument);
                format = switch (value) {
                    case "text" -> CopyFormat.TEXT;
                    case "csv" -> CopyFormat.CSV;
                    case "binary" -> CopyFormat.BINARY;
                    default -> throw new PgException("ERROR", SqlState.INVALID_PARAMETER_VALUE.code(),
                            "COPY format \"" + value + "\" not recognized", null, null, position, null);
                };
            }
            case "freeze" -> {
                once(freeze, position);
                freeze = bool(name, argument);
            }
            case "delimiter" -> {
                once(delimiter, position);
                delimiter = string(name, argument);
            }
            case "null" -> {
                once(nullString, position);
                nullString = string(name, argument);
            }
            case "header" -> {
                once(header, position);
                header(argument);
            }
            case "quote" -> {
                once(quote, position);
                quote = string(name, argument);
            }
            case "escape" -> {
                once(escape, position);
                escape = string(name, argument);
            }
            case "force_quote" -> {
                once(forceQuote != null || forceQuoteAll ? "" : null, position);
                if (argument instanceof Argument.Star) {
                    forceQuoteAll = true;
                } else {
                    forceQuote = names(name, argument);
                }
            }
            case "force_not_null" -> {
                once(forceNotNull, position);
                forceNotNull = names(name, argument);
            }
            case "force_null" -> {
                once(forceNull, position);
                forceNull = names(name, argument);
            }
            case "encoding" -> {
                once(encoding, position);
                String value = string(name, argument);
                encoding = ENCODINGS.get(value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
                if (encoding == null) {
                    throw new PgException("ERROR", SqlState.INVALID_PARAMETER_VALUE.code(),
                            "argument to option \"encoding\" must be a valid encoding name", null, null, position, null);
                }
            }
            default -> throw new PgException("ERROR", SqlState.SYNTAX_ERROR.code(),
                    "option \"" + name + "\" not recognized", null, null, position, null);
        }
    }

    private void header(Argument argument) {
        if (argument instanceof Argument.None) {
            header = true;
            return;
        }
        String value = argument instanceof Argument.Value v ? v.text().toLowerCase(Locale.ROOT) : "";
        switch (value) {
            case "true", "on", "1" -> header = true;
            case "false", "off", "0" -> header = false;
            case "match" -> {
                if (!from) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use \"match\" with HEADER in COPY TO");
                }
                header = true;
                headerMatch = true;
            }
            default -> throw new PgException(SqlState.SYNTAX_ERROR, "header requires a Boolean value or \"match\"");
        }
    }

    /** PostgreSQL's checks after all options are read, then the defaults. */
    CopyOptions build() {
        CopyFormat f = format == null ? CopyFormat.TEXT : format;
        boolean csv = f == CopyFormat.CSV;
        if (f == CopyFormat.BINARY && delimiter != null) {
            throw syntax("cannot specify DELIMITER in BINARY mode");
        }
        if (f == CopyFormat.BINARY && nullString != null) {
            throw syntax("cannot specify NULL in BINARY mode");
        }
        String delim = delimiter != null ? delimiter : csv ? "," : "\t";
        String nul = nullString != null ? nullString : csv ? "" : "\\N";
        if (csv && quote == null) {
            quote = "\"";
        }
        if (csv && escape == null) {
            escape = quote;
        }
        if (delim.getBytes(StandardCharsets.UTF_8).length != 1) {
            throw unsupported("COPY delimiter must be a single one-byte character");
        }
        char d = delim.charAt(0);
        if (d == '\n' || d == '\r') {
            throw invalid("COPY delimiter cannot be newline or carriage return");
        }
        if (nul.indexOf('\r') >= 0 || nul.indexOf('\n') >= 0) {
            throw invalid("COPY null representation cannot use newline or carriage return");
        }
        if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(d) >= 0) {
            throw invalid("COPY delimiter cannot be \"" + delim + "\"");
        }
        if (f == CopyFormat.BINARY && Boolean.TRUE.equals(header)) {
            throw unsupported("cannot specify HEADER in BINARY mode");
        }
        if (!csv && quote != null) {
            throw unsupported("COPY quote available only in CSV mode");
        }
        if (csv && quote.getBytes(StandardCharsets.UTF_8).length != 1) {
            throw unsupported("COPY quote must be a single one-byte character");
        }
        if (csv && d == quote.charAt(0)) {
            throw invalid("COPY delimiter and quote must be different");
        }
        if (!csv && escape != null) {
            throw unsupported("COPY escape available only in CSV mode");
        }
        if (csv && escape.getBytes(StandardCharsets.UTF_8).length != 1) {
            throw unsupported("COPY escape must be a single one-byte character");
        }
        if (!csv && (forceQuote != null || forceQuoteAll)) {
            throw unsupported("COPY force quote available only in CSV mode");
        }
        if ((forceQuote != null || forceQuoteAll) && from) {
            throw unsupported("COPY force quote only available using COPY TO");
        }
        if (!csv && forceNotNull != null) {
            throw unsupported("COPY force not null available only in CSV mode");
        }
        if (forceNotNull != null && !from) {
            throw unsupported("COPY force not null only available using COPY FROM");
        }
        if (!csv && forceNull != null) {
            throw unsupported("COPY force null available only in CSV mode");
        }
        if (forceNull != null && !from) {
            throw unsupported("COPY force null only available using COPY FROM");
        }
        if (nul.indexOf(d) >= 0) {
            throw unsupported("COPY delimiter must not appear in the NULL specification");
        }
        if (csv && nul.indexOf(quote.charAt(0)) >= 0) {
            throw unsupported("CSV quote character must not appear in the NULL specification");
        }
        return new CopyOptions(f, (byte) d, nul, Boolean.TRUE.equals(header), headerMatch,
                csv ? (byte) quote.charAt(0) : 0, csv ? (byte) escape.charAt(0) : 0,
                forceQuote == null ? List.of() : forceQuote, forceQuoteAll,
                forceNotNull == null ? List.of() : forceNotNull, forceNull == null ? List.of() : forceNull,
                encoding == null ? StandardCharsets.UTF_8 : encoding);
    }

    /** Old syntax: {@code BINARY}, {@code CSV}, {@code HEADER}, {@code FREEZE} set what their generic twins set. */
    void format(CopyFormat value, int position) {
        once(format, position);
        format = value;
    }

    private static void once(Object current, int position) {
        if (current != null) {
            throw new PgException("ERROR", SqlState.SYNTAX_ERROR.code(), "conflicting or redundant options", null,
                    null, position, null);
        }
    }

    private static String string(String name, Argument argument) {
        return switch (argument) {
            case Argument.Value v -> v.text();
            case Argument.None n -> throw syntax(name + " requires a parameter");
            default -> throw syntax(name + " requires a parameter");
        };
    }

    private static boolean bool(String name, Argument argument) {
        if (argument instanceof Argument.None) {
            return true;
        }
        String value = argument instanceof Argument.Value v ? v.text().toLowerCase(Locale.ROOT) : "";
        return switch (value) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw syntax(name + " requires a Boolean value");
        };
    }

    private static List<String> names(String name, Argument argument) {
        if (argument instanceof Argument.Names n) {
            return n.names();
        }
        throw syntax("argument to option \"" + name + "\" must be a list of column names");
    }

    private static PgException syntax(String message) {
        return new PgException(SqlState.SYNTAX_ERROR, message);
    }

    private static PgException unsupported(String message) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, message);
    }

    private static PgException invalid(String message) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
