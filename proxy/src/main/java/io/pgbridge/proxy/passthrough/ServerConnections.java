package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.pgbridge.proxy.codec.PgWire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pass-through's session pooling, as pgbouncer's session mode: a PostgreSQL connection whose client left cleanly while
 * it was idle is reset with {@code DISCARD ALL} and kept for the next client that would open the same one (same
 * backend, user, database and startup parameters), which then skips PostgreSQL's connection start. Connections are
 * kept per event loop, the loop they and their clients' channels run on, so a relay never crosses threads; at most
 * the pool's {@code maximum_pool_size} idle ones per key, each closed after its {@code idle_timeout}. Logins with the
 * client's own password (the passthrough method) are never shared: PostgreSQL checks that password at each start.
 */
final class ServerConnections {
    private static final Logger log = LoggerFactory.getLogger(ServerConnections.class);
    /** Weakly keyed: a stopped server's loops go; their connections closed with them and left their queues. */
    private static final Map<EventLoop, Map<Key, Slot>> SLOTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** What a PostgreSQL connection was opened as: a connection serves only a client that would open the same. */
    record Key(String backend, String url, String user, String database, SortedMap<String, String> parameters) {
    }

    /**
     * An open PostgreSQL connection between clients: its keys for cancel requests and the ParameterStatus values it
     * reported, in order, which a client taking it over is sent as if PostgreSQL had just started.
     */
    record Idle(Channel channel, int processId, int secretKey, LinkedHashMap<String, String> parameters) {
    }

    /**
     * The connections of one key on one loop: idle ones, ones being reset, and clients waiting for those (a client
     * that reconnects at once would otherwise always find its connection still in DISCARD ALL).
     */
    private static final class Slot {
        final ArrayDeque<Idle> idle = new ArrayDeque<>();
        final ArrayDeque<Consumer<Idle>> waiting = new ArrayDeque<>();
        int resetting;
    }

    private ServerConnections() {
    }

    private static Slot slot(EventLoop loop, Key key) {
        return SLOTS.computeIfAbsent(loop, l -> new HashMap<>()).computeIfAbsent(key, k -> new Slot());
    }

    /**
     * Gives {@code then} an idle connection for {@code key} on {@code loop}, taken out of the pool: now, or once one
     * being reset is ready; null when there is none to have (then the client opens its own). Call on {@code loop}.
     */
    static void take(EventLoop loop, Key key, Consumer<Idle> then) {
        Slot slot = slot(loop, key);
        while (!slot.idle.isEmpty()) {
            Idle candidate = slot.idle.pollLast();   // the most recently used: the others may time out
            if (candidate.channel().pipeline().get(IdleHandler.class) != null) {
                candidate.channel().pipeline().remove(IdleHandler.class);
            }
            if (candidate.channel().isActive()) {
                then.accept(candidate);
                return;
            }
        }
        if (slot.waiting.size() < slot.resetting) {
            slot.waiting.addLast(then);
        } else {
            then.accept(null);
        }
    }

    /**
     * Resets {@code server} (at a message boundary, idle, its client gone; the relay removed) and hands it to a
     * waiting client or keeps it, or closes it if the reset fails or the pool is full. Call on the channel's loop.
     */
    static void release(Key key, Idle server, int maxIdle, Duration idleTimeout) {
        Channel channel = server.channel();
        slot(channel.eventLoop(), key).resetting++;
        channel.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(1 << 20, 1, 4, -4, 0));
        channel.pipeline().addLast("reset", new ResetHandler(key, server, maxIdle, idleTimeout));
        ByteBuf query = channel.alloc().buffer(20);
        int start = PgWire.beginMessage(query, (byte) 'Q');
        PgWire.writeCString(query, "DISCARD ALL");
        PgWire.endMessage(query, start);
        channel.writeAndFlush(query);
    }

    /** Reads DISCARD ALL's answer: ParameterStatus of settings it reset, CommandComplete, ReadyForQuery. */
    private static final class ResetHandler extends ChannelInboundHandlerAdapter {
        private final Key key;
        private final Idle server;
        private final int maxIdle;
        private final Duration idleTimeout;
        private boolean failed;
        /** The slot's count of resets in progress no longer counts this one. */
        private boolean done;

        ResetHandler(Key key, Idle server, int maxIdle, Duration idleTimeout) {
            this.key = key;
            this.server = server;
            this.maxIdle = maxIdle;
            this.idleTimeout = idleTimeout;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            try {
                switch (frame.getByte(0)) {
                    case 'S' -> {
                        Map.Entry<String, String> setting = parameterStatus(frame);
                        if (setting != null) {
                            server.parameters().put(setting.getKey(), setting.getValue());
                        }
                    }
                    case 'C', 'N' -> {
                    }
                    case 'Z' -> keep(ctx, frame.getByte(5) == 'I' && !failed);
                    default -> failed = true;   // an ErrorResponse, or anything unexpected
                }
            } finally {
                frame.release();
            }
        }

        private void keep(ChannelHandlerContext ctx, boolean reset) {
            Channel channel = ctx.channel();
            channel.pipeline().remove(this);
            channel.pipeline().remove("frames");
            done = true;
            Slot slot = slot(channel.eventLoop(), key);
            slot.resetting--;
            if (!reset) {
                log.debug("DISCARD ALL failed on backend pid {}: closing it", server.processId());
                channel.close();
                releaseWaiter(slot);
                return;
            }
            if (!slot.waiting.isEmpty()) {
                slot.waiting.pollFirst().accept(server);
                return;
            }
            if (slot.idle.size() >= maxIdle) {
                channel.close();
                return;
            }
            slot.idle.addLast(server);
            ScheduledFuture<?> timeout = idleTimeout.isZero() ? null   // 0: kept until the server stops
                    : channel.eventLoop().schedule((Runnable) channel::close, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            channel.pipeline().addLast(new IdleHandler(slot.idle, server, timeout));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!done) {
                done = true;
                Slot slot = slot(ctx.channel().eventLoop(), key);
                slot.resetting--;
                releaseWaiter(slot);
            }
        }

        /** One reset fewer to wait for: a client more than there are resets left opens a connection of its own. */
        private static void releaseWaiter(Slot slot) {
            if (slot.waiting.size() > slot.resetting) {
                slot.waiting.pollFirst().accept(null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /**
     * Guards a pooled connection: PostgreSQL sends an idle connection nothing but bad news (a FATAL before it
     * terminates, a reloaded setting), so anything read closes it; once closed it leaves the pool.
     */
    private static final class IdleHandler extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<Idle> pool;
        private final Idle server;
        private final ScheduledFuture<?> timeout;

        IdleHandler(ArrayDeque<Idle> pool, Idle server, ScheduledFuture<?> timeout) {
            this.pool = pool;
            this.server = server;
            this.timeout = timeout;
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancelTimeout();
        }

        private void cancelTimeout() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pool.remove(server);
            cancelTimeout();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The ParameterStatus message's name and value: {@code String name, String value} after the header. */
    static Map.Entry<String, String> parameterStatus(ByteBuf frame) {
        ByteBuf body = frame.slice(5, frame.readableBytes() - 5);
        String name = PgWire.readCString(body);
        String value = PgWire.readCString(body);
        return name == null || value == null ? null : Map.entry(name, value);
    }
}
