package io.pgbridge.proxy.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.BackendMessageEncoder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The session thread's way out to the client. Messages accumulate in one buffer and leave in one write, so a small
 * query's whole answer costs one hand-over to the event loop. Large results leave in chunks; while the channel is
 * not writable the session thread waits, which is what keeps a million-row SELECT's memory flat.
 */
final class ClientWriter {
    /** Past this many buffered bytes a chunk is written out even before the response is complete. */
    private static final int CHUNK_BYTES = 64 * 1024;
    /** How long a connection whose output is shut may still drain the client's input before it is closed. */
    private static final long LINGER_AFTER_FATAL_MILLIS = 2_000;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private ByteBuf buffer;

    ClientWriter(Channel channel) {
        this.channel = channel;
    }

    /** The buffer to write into directly (DataRows on the hot path). */
    ByteBuf buffer() {
        if (buffer == null) {
            buffer = channel.alloc().ioBuffer(512);
        }
        return buffer;
    }

    void send(BackendMessage message) {
        BackendMessageEncoder.encode(message, buffer());
    }

    /**
     * Writes out a full chunk, then waits while the client is slow to read. Throws {@link ClientGoneException}
     * when the client has disconnected, so that a large result is not read from the backend for nobody.
     */
    void flushIfLarge() throws InterruptedException {
        if (buffer != null && buffer.readableBytes() >= CHUNK_BYTES) {
            flush();
            awaitWritable();
            if (!channel.isActive()) {
                throw new ClientGoneException();
            }
        }
    }

    /** The client closed its connection while a result was being sent. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException() {
            super("client disconnected", null, false, false);
        }
    }

    /** Hands everything buffered to the event loop and flushes it to the socket. */
    void flush() {
        ByteBuf out = buffer;
        buffer = null;
        if (out == null) {
            return;
        }
        if (!channel.isActive()) {
            out.release();
            return;
        }
        channel.writeAndFlush(out, channel.voidPromise());
    }

    /** Drops what was buffered but not sent (the session is going away). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    /** Called by the event loop when the channel's writability changes. */
    void writabilityChanged() {
        lock.lock();
        try {
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitWritable() throws InterruptedException {
        if (channel.isWritable() || !channel.isActive()) {
            return;
        }
        lock.lock();
        try {
            // Re-checked with a timeout: a signal may come between the check and the wait.
            while (!channel.isWritable() && channel.isActive()) {
                writable.await(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the connection once what was written has left: our side says FIN first and the socket is closed a
     * little later (or when the client closes). Closing at once while the client's unread bytes sit in the receive
     * buffer (an oversized message it is still sending) makes the kernel answer with a reset, and the client may
     * lose the FATAL ErrorResponse that explains why.
     */
    void closeAfterLastWrite() {
        if (!(channel instanceof io.netty.channel.socket.DuplexChannel duplex)) {
            channel.close();
            return;
        }
        channel.config().setAutoRead(true);   // keep reading (and discarding) so that the client's close is seen
        duplex.shutdownOutput().addListener(done -> channel.eventLoop().schedule(
                () -> channel.close(), LINGER_AFTER_FATAL_MILLIS, TimeUnit.MILLISECONDS));
    }
}
