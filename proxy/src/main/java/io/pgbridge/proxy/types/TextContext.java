package io.pgbridge.proxy.types;

import java.time.ZoneId;

/**
 * The session settings that change text forms: {@code TimeZone} for timestamptz/timetz output.
 * DateStyle is always {@code ISO, MDY} and IntervalStyle {@code postgres}, as pgbridge reports them.
 */
public record TextContext(ZoneId timeZone) {
    public static final TextContext UTC = new TextContext(ZoneId.of("UTC"));
}
