package io.pgbridge.proxy.session;

import io.pgbridge.config.ConnectionLimits;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket per address, on a clock the test moves. */
class ConnectionRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ConnectionRateLimit limit(int connections, Duration period, boolean exemptLoopback) {
        return new ConnectionRateLimit(new ConnectionLimits.ConnectionRate(connections, period), exemptLoopback,
                now::get);
    }

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void aBurstUpToTheRateThenOneTokenPerInterval() throws Exception {
        ConnectionRateLimit limit = limit(5, Duration.ofSeconds(1), false);
        InetAddress a = address("10.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire(a)).as("connection %d", i + 1).isTrue();
        }
        assertThat(limit.tryAcquire(a)).isFalse();
        now.addAndGet(Duration.ofMillis(199).toNanos());
        assertThat(limit.tryAcquire(a)).isFalse();   // refused attempts take nothing, but nothing refilled yet
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(limit.tryAcquire(a)).isTrue();    // 201 ms at 5/s: one token
        assertThat(limit.tryAcquire(a)).isFalse();
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire(a)).isTrue();   // refilled to the burst, not beyond
        }
        assertThat(limit.tryAcquire(a)).isFalse();
    }

    @Test
    void addressesHaveBucketsOfTheirOwn() throws Exception {
        ConnectionRateLimit limit = limit(1, Duration.ofMinutes(1), false);
        assertThat(limit.tryAcquire(address("10.0.0.1"))).isTrue();
        assertThat(limit.tryAcquire(address("10.0.0.1"))).isFalse();
        assertThat(limit.tryAcquire(address("10.0.0.2"))).isTrue();
        assertThat(limit.tryAcquire(address("::1"))).isTrue();
        assertThat(limit.tryAcquire(address("::1"))).isFalse();   // loopback counts unless exempted
    }

    @Test
    void loopbackMayBeExempted() throws Exception {
        ConnectionRateLimit limit = limit(1, Duration.ofHours(1), true);
        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryAcquire(address("127.0.0.1"))).isTrue();
        }
        assertThat(limit.trackedAddresses()).isZero();
        assertThat(limit.tryAcquire(address("10.0.0.1"))).isTrue();
        assertThat(limit.tryAcquire(address("10.0.0.1"))).isFalse();
    }

    @Test
    void fullBucketsAreForgottenWhenManyAddressesAreTracked() throws Exception {
        ConnectionRateLimit limit = limit(2, Duration.ofSeconds(1), false);
        for (int i = 0; i < 10_001; i++) {
            limit.tryAcquire(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }
        assertThat(limit.trackedAddresses()).isEqualTo(10_001);   // within a second of the last sweep: kept
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limit.tryAcquire(address("192.168.0.1"))).isTrue();
        assertThat(limit.trackedAddresses()).isEqualTo(1);
    }

    @Test
    void offWithoutARate() throws Exception {
        ConnectionRateLimit limit = new ConnectionRateLimit(ConnectionLimits.none());
        for (int i = 0; i < 100; i++) {
            assertThat(limit.tryAcquire(address("10.0.0.1"))).isTrue();
        }
    }
}
