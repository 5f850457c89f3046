package io.pgbridge.proxy.session;

import io.pgbridge.proxy.codec.FrontendMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTest {
    private static final FrontendMessage.Parse PARSE = new FrontendMessage.Parse("", "SELECT 1", new int[0]);
    private static final FrontendMessage.Execute EXECUTE = new FrontendMessage.Execute("", 0);
    private static final FrontendMessage.Sync SYNC = new FrontendMessage.Sync();

    @Test
    void countsTheExecutesBeforeTheNextSync() throws Exception {
        Inbox inbox = new Inbox(512, 64);
        inbox.addAll(List.of(PARSE, EXECUTE, EXECUTE));
        assertThat(inbox.executesBeforeSync()).isEqualTo(-1);
        inbox.addAll(List.of(SYNC, EXECUTE, SYNC));
        assertThat(inbox.take()).isSameAs(PARSE);
        assertThat(inbox.executesBeforeSync()).isEqualTo(2);
        inbox.take();
        inbox.take();
        assertThat(inbox.executesBeforeSync()).isZero();
        inbox.take();
        assertThat(inbox.executesBeforeSync()).isEqualTo(1);
        assertThat(inbox.size()).isEqualTo(2);
    }

    /**
     * The session thread, woken by the first message of a read, must see the rest of that read: with one hand-over per
     * message it could take a Parse while the Execute and Sync sent with it were still being queued, and run a lone
     * statement in a transaction of its own.
     */
    @Test
    void aReadArrivesWhole() throws Exception {
        Inbox inbox = new Inbox(512, 64);
        int reads = 20_000;
        List<Integer> seen = new ArrayList<>();
        Thread session = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < reads; i++) {
                    inbox.take();   // the Parse
                    seen.add(inbox.executesBeforeSync());
                    inbox.take();
                    inbox.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < reads; i++) {
            inbox.addAll(List.of(PARSE, EXECUTE, SYNC));
            if (i % 64 == 0) {
                Thread.onSpinWait();
            }
        }
        session.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(seen).hasSize(reads).containsOnly(1);
    }

    /** Reading pauses once past the high mark and resumes once below the low one, each decided exactly once. */
    @Test
    void decidesPauseAndResumeWithTheQueuesSize() throws Exception {
        Inbox inbox = new Inbox(4, 2);
        assertThat(inbox.resumeReading()).isFalse();
        assertThat(inbox.addAll(List.of(PARSE, EXECUTE, SYNC, PARSE))).isFalse();
        assertThat(inbox.addAll(List.of(EXECUTE))).isTrue();
        assertThat(inbox.addAll(List.of(SYNC))).isFalse();   // already paused
        for (int left = 5; left >= 2; left--) {
            inbox.take();
            assertThat(inbox.resumeReading()).as("%d left", left).isFalse();
        }
        inbox.take();
        assertThat(inbox.resumeReading()).isTrue();
        assertThat(inbox.resumeReading()).isFalse();
    }

    @Test
    void pollGivesUpAfterItsTime() throws Exception {
        Inbox inbox = new Inbox(512, 64);
        assertThat(inbox.poll(20, TimeUnit.MILLISECONDS)).isNull();
        inbox.add(SYNC);
        assertThat(inbox.poll(1, TimeUnit.SECONDS)).isSameAs(SYNC);
        assertThat(inbox.isEmpty()).isTrue();
    }
}
