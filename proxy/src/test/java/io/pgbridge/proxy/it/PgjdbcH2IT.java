package io.pgbridge.proxy.it;

/** pgjdbc through pgbridge in front of h2. */
class PgjdbcH2IT extends PgjdbcContract {
    @Override
    String backend() {
        return "h2";
    }

    @Override
    String bytesType() {
        return "varbinary";
    }

    /**
     * Not the simple mode yet: there pgjdbc inlines setDate as {@code '2024-02-21 +00'::date}, a literal H2 cannot
     * read. Normalising typed literals for H2 is part of issue 3's translation pre-pass.
     */
    @Override
    java.util.stream.Stream<String> queryModes() {
        return java.util.stream.Stream.of(EXTENDED_TEXT, PREPARED_BINARY);
    }

    @Override
    String slowQuery() {
        return "select max(rand()) from system_range(1, 10000000000)";
    }
}
