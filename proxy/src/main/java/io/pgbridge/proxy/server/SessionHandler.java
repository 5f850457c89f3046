package io.pgbridge.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.session.Session;
import io.pgbridge.proxy.session.SessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The last inbound handler: hands decoded messages to the connection's {@link Session}, which runs on a thread of its
 * own from {@code sessionThreads}. What one read decoded is handed over together at the read's end, so the session
 * sees a pipelined Bind, Execute and Sync at once and is woken once for them.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final SessionContext context;
    private final ThreadFactory sessionThreads;
    private final List<FrontendMessage> read = new ArrayList<>();
    private Session session;

    SessionHandler(SessionContext context, ThreadFactory sessionThreads) {
        this.context = context;
        this.sessionThreads = sessionThreads;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = new Session(context, ctx.channel());
        sessionThreads.newThread(session).start();
        long timeout = context.limits().startupTimeout().toMillis();
        ctx.executor().schedule(() -> {
            if (!session.isStarted() && ctx.channel().isActive()) {
                log.debug("startup not completed within {} ms, closing {}", timeout, ctx.channel().remoteAddress());
                ctx.close();
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        read.add((FrontendMessage) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        handOver();
        ctx.fireChannelReadComplete();
    }

    private void handOver() {
        if (!read.isEmpty()) {
            session.enqueue(read);   // copied into the inbox
            read.clear();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        session.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            handOver();   // what the decoder read last, before the close
            session.channelClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
