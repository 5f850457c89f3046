package io.pgbridge.proxy.it;

import io.pgbridge.config.LimitsConfig;
import io.pgbridge.config.PgbridgeConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured limits hold on a real socket: startup timeout and maximum message size. */
class LimitsIT {

    private static RunningProxy proxyWith(LimitsConfig limits) throws Exception {
        PgbridgeConfig config = PgbridgeConfig.defaults()
                .withDataDir(Files.createTempDirectory("pgbridge-limits")).withLimits(limits);
        return RunningProxy.start(config, "h2");
    }

    @Test
    void aClientThatNeverStartsIsDisconnected() throws Exception {
        try (RunningProxy proxy = proxyWith(new LimitsConfig(1 << 20, 10_000, Duration.ofMillis(300), 100, Duration.ZERO));
             RawPgClient idle = new RawPgClient("127.0.0.1", proxy.port())) {
            long start = System.nanoTime();
            assertThat(idle.isClosedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            try (RawPgClient prompt = new RawPgClient("127.0.0.1", proxy.port())) {
                prompt.startup("u", "test");
                Thread.sleep(600);   // once started, the startup timeout no longer applies
                assertThat(prompt.query("select 1")).extracting(RawPgClient.Message::type).endsWith('Z');
            }
        }
    }

    @Test
    void aMessageOverTheLimitIsAProtocolViolation() throws Exception {
        try (RunningProxy proxy = proxyWith(new LimitsConfig(1024, 10_000, Duration.ofSeconds(30), 100, Duration.ZERO));
             RawPgClient c = new RawPgClient("127.0.0.1", proxy.port())) {
            c.startup("u", "test");
            assertThat(c.query("select '" + "x".repeat(900) + "'")).extracting(RawPgClient.Message::type)
                    .containsExactly('T', 'D', 'C', 'Z');
            c.send('Q', RawPgClient.cstring("select '" + "x".repeat(2000) + "'"));
            List<RawPgClient.Message> answer = c.readUntilReady();
            assertThat(answer).hasSize(1);
            assertThat(answer.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }
}
