package io.pgbridge.proxy.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * PostgreSQL 17's direct TLS ({@code sslnegotiation=direct}): the client starts the TLS handshake at once instead of
 * sending SSLRequest. The first byte tells: 0x16 is a TLS handshake record, which no startup packet begins with (its
 * length would exceed any limit). Then this handler puts an {@link SslHandler} in its place; the client must have
 * negotiated ALPN {@code postgresql}, or the connection closes, as PostgreSQL 17 does. Any other first byte: the handler
 * steps aside and the bytes go to the protocol decoder.
 */
public final class DirectTlsDetector extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(DirectTlsDetector.class);
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final ServerTls tls;

    public DirectTlsDetector(ServerTls tls) {
        this.tls = tls;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE_RECORD) {
            SslHandler handler = tls.newHandler(ctx.alloc(), false);
            ctx.pipeline().addAfter(ctx.name(), "tls", handler);
            ctx.pipeline().addAfter("tls", "alpn-check", new AlpnCheck(handler));
        }
        ctx.pipeline().remove(this);   // what is buffered goes on to the next handler
    }

    /** After a direct handshake: without ALPN "postgresql" the client is not a PostgreSQL client that asked for this. */
    private static final class AlpnCheck extends io.netty.channel.ChannelInboundHandlerAdapter {
        private final SslHandler handler;

        AlpnCheck(SslHandler handler) {
            this.handler = handler;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
                if (!ServerTls.ALPN_PROTOCOL.equals(handler.applicationProtocol())) {
                    log.debug("direct TLS connection from {} without ALPN \"postgresql\", closing",
                            ctx.channel().remoteAddress());
                    ctx.close();
                    return;
                }
                ctx.pipeline().remove(this);
            }
            super.userEventTriggered(ctx, event);
        }
    }
}
