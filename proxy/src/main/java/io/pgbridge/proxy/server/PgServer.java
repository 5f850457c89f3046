package io.pgbridge.proxy.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pgbridge.backend.Backends;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.proxy.codec.PgMessageDecoder;
import io.pgbridge.proxy.session.SessionRegistry;
import io.pgbridge.proxy.session.SessionContext;
import io.pgbridge.proxy.auth.ClientAuthentication;
import io.pgbridge.proxy.session.ConnectionCounts;
import io.pgbridge.proxy.session.ConnectionRateLimit;
import io.pgbridge.proxy.session.ConnectionSlots;
import io.pgbridge.proxy.tls.DirectTlsDetector;
import io.pgbridge.proxy.tls.ServerTls;

import java.io.IOException;
import java.security.GeneralSecurityException;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The listening socket and its event loops. Sessions do their database work elsewhere, each on a thread of its own
 * ({@code listen.session_threads}).
 */
public final class PgServer implements AutoCloseable {
    private final PgbridgeConfig config;
    private SessionContext context;
    private final Transport transport = Transport.best();
    private final EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
    private final EventLoopGroup workerGroup;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;
    private Channel domainServerChannel;
    private UnixSocketFile unixSocketFile;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private final Backends backends;

    public PgServer(PgbridgeConfig config, Backends backends) {
        this.config = config;
        this.backends = backends;
        this.workerGroup = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(),
                transport.ioHandlerFactory());
    }

    /**
     * Loads or generates the TLS certificate, binds the listening socket and returns the port (useful with port 0).
     */
    public int start() throws InterruptedException, IOException, GeneralSecurityException {
        ServerTls tls = ServerTls.start(config.listen().tls(), config.dataDir());
        this.context = new SessionContext(backends, config.limits(), new SessionRegistry(), tls,
                new ClientAuthentication(config.auth(), config.listen().auth()),
                new ConnectionSlots(config.limits().maxConnections()),
                new ConnectionCounts(config.limits().connections()),
                new ConnectionRateLimit(config.limits().connections()));
        ThreadFactory sessionThreads = switch (config.listen().sessionThreads()) {
            case PLATFORM -> Thread.ofPlatform().name("pgbridge-session-", 1).daemon().factory();
            case VIRTUAL -> Thread.ofVirtual().name("pgbridge-session-", 1).factory();
        };
        ChannelInitializer<Channel> clientPipeline = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                clients.add(ch);
                if (context.tls() != null && !Transport.isDomainSocket(ch)) {
                    ch.pipeline().addLast("direct-tls", new DirectTlsDetector(context.tls()));
                }
                ch.pipeline().addLast("decoder", new PgMessageDecoder(
                        config.limits().maxStartupPacketSize(), config.limits().maxMessageSize()));
                ch.pipeline().addLast("session", new SessionHandler(context, sessionThreads));
            }
        };
        WriteBufferWaterMark waterMark = new WriteBufferWaterMark(64 * 1024, 256 * 1024);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .childHandler(clientPipeline);
        serverChannel = bootstrap.bind(config.listen().host(), config.listen().port()).sync().channel();
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        if (config.listen().unixSocket().enabled()) {
            bindUnixSocket(port, clientPipeline, waterMark);
        }
        io.pgbridge.proxy.session.SqlTranslation.warmUpInBackground(config.backends().keySet().stream()
                .map(name -> backends.byName(name).dialect()).toList());
        return port;
    }

    /** {@code dir/.s.PGSQL.port}, named after the TCP port actually bound, as libpq looks for it. */
    private void bindUnixSocket(int port, ChannelInitializer<Channel> clientPipeline, WriteBufferWaterMark waterMark)
            throws IOException, InterruptedException {
        UnixSocketFile file = new UnixSocketFile(config.listen().unixSocket().socketFile(port));
        file.prepare();
        try {
            domainServerChannel = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(transport.serverDomainSocketChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                    .childHandler(clientPipeline)
                    .bind(transport.domainSocketAddress(file.path())).sync().channel();
        } catch (Exception e) {
            throw new IOException("could not create Unix-domain socket " + file.path() + ": " + e, e);
        }
        unixSocketFile = file;
        file.bound(config.listen().unixSocket().permissions());
    }

    /** The Unix-domain socket's file, or null without one. */
    public java.nio.file.Path unixSocketPath() {
        return unixSocketFile == null ? null : unixSocketFile.path();
    }

    public Transport transport() {
        return transport;
    }

    /** TLS towards clients, or null when it is disabled (or before {@link #start()}). */
    public ServerTls tls() {
        return context == null ? null : context.tls();
    }

    /** Sessions per user and per database, as counted against their limits. */
    public ConnectionCounts connectionCounts() {
        return context.connectionCounts();
    }

    public int activeSessions() {
        return context.sessions().activeSessions();
    }

    /** Stops accepting, gives running sessions up to {@code grace} to finish, then closes everything. Once only. */
    public void shutdown(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (domainServerChannel != null) {
            domainServerChannel.close().syncUninterruptibly();
        }
        if (unixSocketFile != null) {
            unixSocketFile.remove();
        }
        if (context == null) {
            bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        context.sessions().terminateAll();
        while (context.sessions().busySessions() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Sessions that were idle have said FATAL 57P01 by now; whatever is left is cut.
        long settle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (!clients.isEmpty() && System.nanoTime() < settle) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        clients.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }
}
