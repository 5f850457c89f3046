package io.pgbridge.proxy.session;

/** The rows of a FETCH, sent when its portal runs; sets the portal's completion tag and returns how many it sent. */
@FunctionalInterface
interface CursorFetch {
    long send(Portal portal) throws Exception;
}
