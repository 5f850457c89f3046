package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;

/**
 * Follows the message boundaries of one direction of a relayed session without copying or decoding: each message is
 * {@code Byte1 type, Int32 length (counting itself), body}, and the relay only needs to know where messages start,
 * the type of the last one, the first byte of its body (ReadyForQuery's transaction status) and whether it has
 * ended. That is what decides whether a PostgreSQL connection is idle when its client leaves, and so may serve the
 * next client ({@link ServerConnections}).
 */
final class MessageBoundaries {
    /** Type, length and the first body byte of the message being read. */
    private final byte[] head = new byte[6];
    private int headRead;
    /** Body bytes of the current message after its head, still to come. */
    private long bodyLeft;
    private byte lastType;
    private byte lastFirstBodyByte;
    private boolean broken;

    /**
     * Reads {@code buf}'s readable bytes (without consuming them); returns the offset from its reader index at which a
     * message of type {@code watched} starts, the first such, or -1.
     */
    int scan(ByteBuf buf, byte watched) {
        int found = -1;
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end && !broken) {
            if (bodyLeft > 0) {
                int skip = (int) Math.min(bodyLeft, end - i);
                i += skip;
                bodyLeft -= skip;
                continue;
            }
            if (headRead == 0 && found < 0 && buf.getByte(i) == watched) {
                found = i - buf.readerIndex();
            }
            head[headRead++] = buf.getByte(i++);
            if (headRead == 5) {
                int length = length();
                if (length < 4) {
                    broken = true;   // not PostgreSQL's protocol: the connection is never reused
                } else if (length == 4) {
                    ended(head[0], (byte) 0);
                }
            } else if (headRead == 6) {
                bodyLeft = length() - 5L;
                ended(head[0], head[5]);
            }
        }
        return found;
    }

    private int length() {
        return (head[1] & 0xff) << 24 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 8 | (head[4] & 0xff);
    }

    private void ended(byte type, byte firstBodyByte) {
        lastType = type;
        lastFirstBodyByte = firstBodyByte;
        headRead = 0;
    }

    /** As if a ReadyForQuery with {@code status} had just been read: where a relay starts. */
    void assumeReadyForQuery(byte status) {
        lastType = 'Z';
        lastFirstBodyByte = status;
    }

    /** Between two messages: the last one read has ended and no other has begun. */
    boolean atBoundary() {
        return !broken && headRead == 0 && bodyLeft == 0;
    }

    /** The last message was a ReadyForQuery saying "idle, not in a transaction block", and nothing followed it. */
    boolean readyAndIdle() {
        return atBoundary() && lastType == 'Z' && lastFirstBodyByte == 'I';
    }
}
