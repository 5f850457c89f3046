package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBoundariesTest {

    private static ByteBuf message(char type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuf out = Unpooled.buffer();
        out.writeByte(type);
        out.writeInt(bytes.length + 4);
        out.writeBytes(bytes);
        return out;
    }

    /** CommandComplete, ReadyForQuery 'I', then a Terminate whose bytes come in every possible split. */
    @Test
    void followsMessagesSplitAnywhere() {
        ByteBuf stream = Unpooled.wrappedBuffer(message('C', "SELECT 1\0"), message('Z', "I"),
                message('D', "X-ray\0"), message('Z', "T"), message('X', ""));
        int terminateAt = stream.readableBytes() - 5;
        for (int split = 0; split <= stream.readableBytes(); split++) {
            MessageBoundaries boundaries = new MessageBoundaries();
            int first = boundaries.scan(stream.slice(0, split), (byte) 'X');
            int second = boundaries.scan(stream.slice(split, stream.readableBytes() - split), (byte) 'X');
            int found = first >= 0 ? first : second < 0 ? -1 : split + second;
            assertThat(found).as("split at %d", split).isEqualTo(terminateAt);
            assertThat(boundaries.atBoundary()).isTrue();
            assertThat(boundaries.readyAndIdle()).isFalse();   // the last message is the Terminate
        }
    }

    @Test
    void readyForQueryTellsWhetherTheServerIsIdle() {
        MessageBoundaries boundaries = new MessageBoundaries();
        boundaries.scan(Unpooled.wrappedBuffer(message('C', "BEGIN\0"), message('Z', "T")), (byte) 0);
        assertThat(boundaries.readyAndIdle()).isFalse();
        boundaries.scan(Unpooled.wrappedBuffer(message('C', "COMMIT\0"), message('Z', "I")), (byte) 0);
        assertThat(boundaries.readyAndIdle()).isTrue();
        ByteBuf row = message('D', "a long row");
        boundaries.scan(row.slice(0, 7), (byte) 0);
        assertThat(boundaries.atBoundary()).isFalse();
        assertThat(boundaries.readyAndIdle()).isFalse();
        boundaries.scan(row.slice(7, row.readableBytes() - 7), (byte) 0);
        assertThat(boundaries.atBoundary()).isTrue();
        assertThat(boundaries.readyAndIdle()).isFalse();
    }

    @Test
    void aLengthBelowFourIsNeverABoundaryAgain() {
        MessageBoundaries boundaries = new MessageBoundaries();
        ByteBuf broken = Unpooled.buffer().writeByte('Z').writeInt(2).writeByte('I');
        boundaries.scan(broken, (byte) 0);
        assertThat(boundaries.atBoundary()).isFalse();
        boundaries.scan(message('Z', "I"), (byte) 0);
        assertThat(boundaries.readyAndIdle()).isFalse();
    }
}
