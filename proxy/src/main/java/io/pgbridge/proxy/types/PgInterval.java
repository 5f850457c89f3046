package io.pgbridge.proxy.types;

/** A PostgreSQL interval as it is stored: months, days and microseconds, each kept apart (no normalisation). */
public record PgInterval(int months, int days, long microseconds) {
}
