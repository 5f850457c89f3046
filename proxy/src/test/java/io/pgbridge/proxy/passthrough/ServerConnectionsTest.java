package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pgbridge.config.PoolConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool of pass-through's PostgreSQL connections, with an EmbeddedChannel playing PostgreSQL's side. */
class ServerConnectionsTest {
    private static final PoolConfig POOL = new PoolConfig(2, 0, Duration.ofSeconds(1), Duration.ofMinutes(10),
            Duration.ofMinutes(30));

    private final ServerConnections.Key key = new ServerConnections.Key("pg", "jdbc:postgresql://h/db", "u", "db",
            new TreeMap<>());

    private static ServerConnections.Idle idle(EmbeddedChannel server, long openedNanos) {
        LinkedHashMap<String, String> reported = new LinkedHashMap<>();
        reported.put("application_name", "app");
        return new ServerConnections.Idle(server, 42, 7, reported, openedNanos);
    }

    private static ByteBuf message(char type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Unpooled.buffer().writeByte(type).writeInt(bytes.length + 4).writeBytes(bytes);
    }

    /** PostgreSQL's answer to DISCARD ALL, with a setting it reset. */
    private static void discardAnswered(EmbeddedChannel server, char status) {
        server.writeInbound(message('S', "application_name\0app\0"), message('C', "DISCARD ALL\0"),
                message('Z', String.valueOf(status)));
    }

    private static String sentQuery(EmbeddedChannel server) {
        ByteBuf out = server.readOutbound();
        try {
            return out.getByte(0) + ":" + out.toString(5, out.readableBytes() - 6, StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    private ServerConnections.Idle take(EmbeddedChannel on) {
        List<ServerConnections.Idle> got = new ArrayList<>();
        ServerConnections.take(on.eventLoop(), key, Duration.ofSeconds(1), got::add);
        return got.isEmpty() ? null : got.get(0);
    }

    @Test
    void aResetConnectionServesTheNextClientAndTheSlotIsForgotten() {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.Idle released = idle(server, System.nanoTime());
        ServerConnections.release(key, released, POOL);
        assertThat(sentQuery(server)).isEqualTo("81:DISCARD ALL");   // 'Q'
        discardAnswered(server, 'I');
        assertThat(server.isActive()).isTrue();
        assertThat(take(server)).isSameAs(released);
        assertThat(ServerConnections.keysOn(server.eventLoop())).isZero();
        assertThat(take(server)).isNull();
        server.finishAndReleaseAll();
    }

    @Test
    void aFailedResetClosesTheConnection() {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.release(key, idle(server, System.nanoTime()), POOL);
        sentQuery(server);
        server.writeInbound(message('E', "SERROR\0C25001\0Mno\0\0"), message('Z', "I"));
        assertThat(server.isActive()).isFalse();
        assertThat(take(server)).isNull();
        assertThat(ServerConnections.keysOn(server.eventLoop())).isZero();
    }

    @Test
    void aClientWaitsForTheConnectionBeingReset() {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.Idle released = idle(server, System.nanoTime());
        ServerConnections.release(key, released, POOL);
        sentQuery(server);
        List<ServerConnections.Idle> waiter = new ArrayList<>();
        ServerConnections.take(server.eventLoop(), key, Duration.ofSeconds(1), waiter::add);
        assertThat(waiter).isEmpty();
        List<ServerConnections.Idle> second = new ArrayList<>();
        ServerConnections.take(server.eventLoop(), key, Duration.ofSeconds(1), second::add);
        assertThat(second).containsExactly((ServerConnections.Idle) null);   // one reset, one waiter: opens its own
        discardAnswered(server, 'I');
        assertThat(waiter).containsExactly(released);
        assertThat(ServerConnections.keysOn(server.eventLoop())).isZero();
        server.finishAndReleaseAll();
    }

    @Test
    void aClientDoesNotWaitForAResetThatHangs() throws Exception {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.release(key, idle(server, System.nanoTime()), POOL);
        sentQuery(server);
        List<ServerConnections.Idle> waiter = new ArrayList<>();
        ServerConnections.take(server.eventLoop(), key, Duration.ofMillis(50), waiter::add);
        assertThat(waiter).isEmpty();
        Thread.sleep(100);
        server.runPendingTasks();
        assertThat(waiter).containsExactly((ServerConnections.Idle) null);
        server.finishAndReleaseAll();
    }

    @Test
    void aConnectionPastItsLifetimeIsClosedNotReset() {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.release(key, idle(server, System.nanoTime() - Duration.ofMinutes(31).toNanos()), POOL);
        assertThat((Object) server.readOutbound()).isNull();
        assertThat(server.isActive()).isFalse();
    }

    @Test
    void anythingAnIdleConnectionReadsClosesIt() {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.release(key, idle(server, System.nanoTime()), POOL);
        sentQuery(server);
        discardAnswered(server, 'I');
        server.writeInbound(message('E', "SFATAL\0C57P01\0Mterminating connection\0\0"));
        assertThat(server.isActive()).isFalse();
        assertThat(take(server)).isNull();
        assertThat(ServerConnections.keysOn(server.eventLoop())).isZero();
    }

    @Test
    void theResetMustEndIdle() {
        EmbeddedChannel server = new EmbeddedChannel();
        ServerConnections.release(key, idle(server, System.nanoTime()), POOL);
        sentQuery(server);
        discardAnswered(server, 'T');
        assertThat(server.isActive()).isFalse();
        assertThat(take(server)).isNull();
    }
}
