package io.pgbridge.proxy.copy;

import io.netty.buffer.ByteBuf;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.FrontendMessage;

/**
 * The client's side of a COPY, as the session offers it: the next message the client sent (taken from the session's
 * inbox, so the channel stops reading while the backend catches up) and the way out, with backpressure.
 */
public interface CopyClient {

    /** The next message of the client, waiting for it. */
    FrontendMessage nextMessage() throws InterruptedException;

    void send(BackendMessage message);

    /** The output buffer, for CopyData written in place. */
    ByteBuf buffer();

    void flush();

    /** Writes out a full chunk and waits while the client does not read. */
    void flushIfLarge() throws InterruptedException;
}
