package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.pgbridge.config.PoolConfig;
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
 * the pool's {@code maximum_pool_size} idle ones per key, each closed after its {@code idle_timeout} idle or at its
 * {@code max_lifetime}, whichever comes first. Logins with the
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
    record Idle(Channel channel, int processId, int secretKey, LinkedHashMap<String, String> parameters,
                long openedNanos) {
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

    /** How many keys have connections, resets or waiting clients on {@code loop} (for tests). */
    static int keysOn(EventLoop loop) {
        Map<Key, Slot> slots = SLOTS.get(loop);
        return slots == null ? 0 : slots.size();
    }

    /** Forgets the slot once it holds nothing: keys with startup parameters of their own must not pile up. */
    private static void prune(EventLoop loop, Key key, Slot slot) {
        if (slot.idle.isEmpty() && slot.waiting.isEmpty() && slot.resetting == 0) {
            Map<Key, Slot> slots = SLOTS.get(loop);
            if (slots != null && slots.get(key) == slot) {
                slots.remove(key);
            }
        }
    }

    /**
     * Gives {@code then} an idle connection for {@code key} on {@code loop}, taken out of the pool: now, or once one
     * being reset is ready; null when there is none to have, or none came within {@code patience} (then the client
     * opens its own). Call on {@code loop}.
     */
    static void take(EventLoop loop, Key key, Duration patience, Consumer<Idle> then) {
        Slot slot = slot(loop, key);
        while (!slot.idle.isEmpty()) {
            Idle candidate = slot.idle.pollLast();   // the most recently used: the others may time out
            if (candidate.channel().pipeline().get(IdleHandler.class) != null) {
                candidate.channel().pipeline().remove(IdleHandler.class);
            }
            if (candidate.channel().isActive()) {
                prune(loop, key, slot);
                then.accept(candidate);
                return;
            }
        }
        if (slot.waiting.size() < slot.resetting) {
            slot.waiting.addLast(then);
            loop.schedule(() -> {
                if (slot.waiting.remove(then)) {   // a reset that hangs: PostgreSQL may be stuck, not the client
                    prune(loop, key, slot);
                    then.accept(null);
                }
            }, patience.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            prune(loop, key, slot);
            then.accept(null);
        }
    }

    /**
     * Resets {@code server} (at a message boundary, idle, its client gone; the relay removed) and hands it to a
     * waiting client or keeps it, or closes it if the reset fails or the pool is full. Call on the channel's loop.
     */
    static void release(Key key, Idle server, PoolConfig pool) {
        Channel channel = server.channel();
        long lifeLeft = pool.maxLifetime().isZero() ? Long.MAX_VALUE
                : pool.maxLifetime().toNanos() - (System.nanoTime() - server.openedNanos());
        if (lifeLeft <= 0) {
            channel.close();
            return;
        }
        long idleNanos = Math.min(pool.idleTimeout().isZero() ? Long.MAX_VALUE : pool.idleTimeout().toNanos(), lifeLeft);
        slot(channel.eventLoop(), key).resetting++;
        channel.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(1 << 20, 1, 4, -4, 0));
        channel.pipeline().addLast("reset", new ResetHandler(key, server, pool.maximumPoolSize(), idleNanos));
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
        /** How long it may wait in the pool: its idle timeout, or what is left of its lifetime; MAX_VALUE: no end. */
        private final long idleNanos;
        private boolean failed;
        /** The slot's count of resets in progress no longer counts this one. */
        private boolean done;

        ResetHandler(Key key, Idle server, int maxIdle, long idleNanos) {
            this.key = key;
            this.server = server;
            this.maxIdle = maxIdle;
            this.idleNanos = idleNanos;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            try {
                switch (frame.getByte(0)) {
                    case 'S' -> {
                        Map.Entry<String, String> setting = StartupMessages.parameterStatus(frame);
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
            EventLoop loop = channel.eventLoop();
            Slot slot = slot(loop, key);
            slot.resetting--;
            if (!reset) {
                log.debug("DISCARD ALL failed on backend pid {}: closing it", server.processId());
                channel.close();
                releaseWaiter(loop, key, slot);
                return;
            }
            if (!slot.waiting.isEmpty()) {
                Consumer<Idle> next = slot.waiting.pollFirst();
                prune(loop, key, slot);
                next.accept(server);
                return;
            }
            if (slot.idle.size() >= maxIdle) {
                channel.close();
                prune(loop, key, slot);
                return;
            }
            slot.idle.addLast(server);
            ScheduledFuture<?> timeout = idleNanos == Long.MAX_VALUE ? null   // kept until the server stops
                    : loop.schedule((Runnable) channel::close, idleNanos, TimeUnit.NANOSECONDS);
            channel.pipeline().addLast(new IdleHandler(key, slot, server, timeout));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!done) {
                done = true;
                EventLoop loop = ctx.channel().eventLoop();
                Slot slot = slot(loop, key);
                slot.resetting--;
                releaseWaiter(loop, key, slot);
            }
        }

        /** One reset fewer to wait for: a client more than there are resets left opens a connection of its own. */
        private static void releaseWaiter(EventLoop loop, Key key, Slot slot) {
            Consumer<Idle> next = slot.waiting.size() > slot.resetting ? slot.waiting.pollFirst() : null;
            prune(loop, key, slot);
            if (next != null) {
                next.accept(null);
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
        private final Key key;
        private final Slot slot;
        private final Idle server;
        private final ScheduledFuture<?> timeout;

        IdleHandler(Key key, Slot slot, Idle server, ScheduledFuture<?> timeout) {
            this.key = key;
            this.slot = slot;
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
            slot.idle.remove(server);
            prune(ctx.channel().eventLoop(), key, slot);
            cancelTimeout();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
