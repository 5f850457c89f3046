package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Copies what one channel reads to its peer, flushing once per read burst, and stops reading while the peer cannot
 * keep up (backpressure both ways). The client's and the server's relay follow the messages' boundaries
 * ({@link MessageBoundaries}), so that when the client leaves, its session knows whether the server connection is
 * idle and may serve another client: the client's Terminate is kept from PostgreSQL for that. Closing the server
 * closes the client once what was written has left; the client closing is its session's to handle.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    /** What both relays of a session know, on the one event loop their channels share. */
    static final class Session {
        private final MessageBoundaries fromClient = new MessageBoundaries();
        private final MessageBoundaries fromServer = new MessageBoundaries();
        private boolean clientSentSinceReady;
        private boolean clientTerminated;

        /** From the ReadyForQuery that ended the client's startup: the server is idle. */
        Session() {
            fromServer.assumeReadyForQuery((byte) 'I');
        }

        /**
         * The client said Terminate after the server's last ReadyForQuery (idle, no transaction block) and sent
         * nothing else since: the server connection is between statements, with nothing in flight.
         */
        boolean serverReusable() {
            return clientTerminated && !clientSentSinceReady && fromClient.atBoundary() && fromServer.readyAndIdle();
        }
    }

    private final Channel peer;
    private final Session session;
    private final boolean fromClient;

    private Relay(Channel peer, Session session, boolean fromClient) {
        this.peer = peer;
        this.session = session;
        this.fromClient = fromClient;
    }

    /** The relay on the client's channel, writing to {@code server}. */
    static Relay fromClient(Channel server, Session session) {
        return new Relay(server, session, true);
    }

    /** The relay on the server's channel, writing to {@code client}. */
    static Relay fromServer(Channel client, Session session) {
        return new Relay(client, session, false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        if (fromClient) {
            if (session.clientTerminated) {
                bytes.release();   // nothing follows a Terminate
                return;
            }
            int terminate = session.fromClient.scan(bytes, (byte) 'X');
            if (terminate >= 0) {
                // PostgreSQL's answer to Terminate: it closes the connection (some clients wait for that).
                session.clientTerminated = true;
                bytes.writerIndex(bytes.readerIndex() + terminate);
                if (bytes.isReadable()) {
                    session.clientSentSinceReady = true;
                    peer.writeAndFlush(bytes, peer.voidPromise());
                } else {
                    bytes.release();
                }
                ctx.close();
                return;
            }
            session.clientSentSinceReady = true;
        } else {
            session.fromServer.scan(bytes, (byte) 0);
            if (session.fromServer.readyAndIdle()) {
                session.clientSentSinceReady = false;
            }
        }
        peer.write(bytes, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // Our channel drained: the peer, which writes into it, may read again.
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!fromClient && peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
