package io.pgbridge.proxy.session;

/**
 * The rows of a FETCH, sent when its portal runs: at most {@code maxRows} (0 = all) per Execute. Sets the portal's
 * completion tag once all are sent, and returns how many this call sent.
 */
interface CursorFetch extends AutoCloseable {
    long send(Portal portal, int maxRows) throws Exception;

    /** The portal closes before all rows were sent: what was kept for it goes. */
    @Override
    void close();
}
