package io.pgbridge.proxy.passthrough;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.pgbridge.backend.PostgresAddress;
import io.pgbridge.config.BackendConfig;
import io.pgbridge.proxy.auth.AuthenticationException;
import io.pgbridge.proxy.auth.BackendLogin;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.BackendMessageEncoder;
import io.pgbridge.proxy.codec.PgWire;
import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.server.Transport;
import io.pgbridge.proxy.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pass-through mode for PostgreSQL backends: once the client has started up with pgbridge, the session gets a
 * PostgreSQL connection on the client's event loop — one an earlier client left idle ({@link ServerConnections}), or
 * a new one — and from then on bytes are relayed both ways without decoding: no thread hand-over, no driver,
 * PostgreSQL's own answers byte for byte (like pgbouncer's session mode). pgbridge keeps the client's cancel key and
 * maps it to the backend's.
 */
public final class PostgresPassthrough implements SessionRegistry.Registered {
    private static final Logger log = LoggerFactory.getLogger(PostgresPassthrough.class);
    /** Startup parameters that describe the connection rather than the session: pgbridge sets its own. */
    private static final java.util.Set<String> NOT_FORWARDED = java.util.Set.of("user", "database", "replication");

    private final Channel client;
    private final Map<String, String> startupParameters;
    private final BackendConfig config;
    private final PostgresAddress address;
    private final SessionRegistry registry;
    private final int processId;
    private final int secretKey;
    private final String logPrefix;
    /** The client's own login under the passthrough method, dropped once the backend has answered it; or null. */
    private volatile BackendLogin login;
    private final Duration failureDelay;
    private volatile Channel server;
    private volatile int backendProcessId;
    private volatile int backendSecretKey;
    /**
     * What a connection for this client is opened as, and so which pooled connections may serve it; null when its
     * connection is never shared: PostgreSQL, not pgbridge, checks this client's password (the passthrough method).
     */
    private final ServerConnections.Key poolKey;
    /** The ParameterStatus values PostgreSQL reported at its start, in order: kept with the connection for reuse. */
    private final LinkedHashMap<String, String> reported = new LinkedHashMap<>();
    /** The relays' shared state once they are in place; read on the event loop when the client leaves. */
    private Relay.Session relayed;
    /** When the server connection was opened (System.nanoTime), for the pool's max_lifetime. */
    private long serverOpenedNanos;

    private PostgresPassthrough(Channel client, Map<String, String> startupParameters, BackendConfig config,
                                SessionRegistry registry, int processId, int secretKey, BackendLogin login,
                                Duration failureDelay) {
        this.client = client;
        this.login = login;
        this.failureDelay = failureDelay;
        this.startupParameters = startupParameters;
        this.config = config;
        this.address = PostgresAddress.parse(config.url());
        this.registry = registry;
        this.processId = processId;
        this.secretKey = secretKey;
        this.logPrefix = "c" + processId;
        this.poolKey = login == null ? new ServerConnections.Key(config.name(), config.url(), backendUser(), database(),
                new TreeMap<>(forwardedParameters())) : null;
    }

    /**
     * Takes over {@code client}, whose startup packet has been read and which reads nothing more until the relay is
     * in place. Call on any thread; the work happens on the client's event loop. With a {@code login} (the
     * passthrough method), PostgreSQL is logged in to with the client's user and password, and its refusal reaches
     * the client as 28P01 after {@code failureDelay}.
     */
    public static void start(Channel client, Map<String, String> startupParameters, BackendConfig config,
                             SessionRegistry registry, int processId, int secretKey, BackendLogin login,
                             Duration failureDelay) {
        PostgresPassthrough relay = new PostgresPassthrough(client, startupParameters, config, registry, processId,
                secretKey, login, failureDelay);
        client.eventLoop().execute(relay::connect);
    }

    private void connect() {
        if (!client.isActive()) {
            return;   // gone before its turn on the event loop
        }
        client.closeFuture().addListener(c -> clientGone());
        if (poolKey != null) {
            ServerConnections.take(client.eventLoop(), poolKey, config.pool().connectionTimeout(), this::pooledOrOwn);
        } else {
            open();
        }
    }

    /** A pooled connection to take over, or null: then a connection of the client's own. */
    private void pooledOrOwn(ServerConnections.Idle idle) {
        if (!client.isActive()) {
            if (idle != null) {
                idle.channel().close();   // the client left while it waited for the connection's reset
            }
            return;
        }
        if (idle != null) {
            takeOver(idle);
        } else {
            open();
        }
    }

    private void open() {
        Transport transport = Transport.of(client);
        String socketDirectory = address.unixSocketDirectory();
        Bootstrap bootstrap = new Bootstrap().group(client.eventLoop())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        SocketAddress target;
        if (socketDirectory != null) {
            // PostgreSQL's own socket file name, as libpq builds it from a directory and a port.
            bootstrap.channel(transport.domainSocketChannel());
            target = transport.domainSocketAddress(java.nio.file.Path.of(socketDirectory, ".s.PGSQL." + address.port()));
        } else {
            bootstrap.channel(transport.clientChannel()).option(ChannelOption.TCP_NODELAY, true);
            target = InetSocketAddress.createUnresolved(address.host(), address.port());
        }
        bootstrap.handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // Byte1 type, Int32 length (counting itself): one backend message per frame during startup.
                        ch.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(1 << 20, 1, 4, -4, 0));
                        ch.pipeline().addLast("startup", new BackendStartup());
                    }
                })
                .connect(target)
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        fail(SqlState.CONNECTION_FAILURE.code(), "could not connect to the PostgreSQL backend "
                                + config.name() + ": " + f.cause().getMessage());
                        return;
                    }
                    server = f.channel();
                    serverOpenedNanos = System.nanoTime();
                    if (!client.isActive()) {
                        server.close();   // the client left while the connection was being opened
                        return;
                    }
                    server.writeAndFlush(startupPacket(f.channel()));
                });
    }

    private String backendUser() {
        BackendLogin own = login;
        if (own != null) {
            return own.user();
        }
        if (config.user() != null) {
            return config.user();
        }
        return address.parameters().getOrDefault("user", startupParameters.get("user"));
    }

    private String backendPassword() {
        BackendLogin own = login;
        if (own != null) {
            return own.password();
        }
        return config.password() != null ? config.password() : address.parameters().get("password");
    }

    private ByteBuf startupPacket(Channel channel) {
        ByteBuf out = channel.alloc().buffer(256);
        // Int32 length, Int16 3, Int16 0, (String name, String value)*, Byte 0
        out.writeInt(0);
        out.writeShort(3);
        out.writeShort(0);
        PgWire.writeCString(out, "user");
        PgWire.writeCString(out, backendUser());
        String database = database();
        if (database != null) {
            PgWire.writeCString(out, "database");
            PgWire.writeCString(out, database);
        }
        forwardedParameters().forEach((name, value) -> {
            PgWire.writeCString(out, name);
            PgWire.writeCString(out, value);
        });
        out.writeByte(0);
        out.setInt(0, out.writerIndex());
        return out;
    }

    private String database() {
        return address.database().isEmpty() ? startupParameters.get("database") : address.database();
    }

    /** The client's startup parameters PostgreSQL gets as they are, in the client's order. */
    private Map<String, String> forwardedParameters() {
        Map<String, String> forwarded = new LinkedHashMap<>();
        startupParameters.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name) && !name.startsWith("_pq_.")) {
                forwarded.put(name, value);
            }
        });
        return forwarded;
    }

    /**
     * Serves the client with a pooled connection: PostgreSQL's start as the client would have seen it (its reported
     * settings as they are now, pgbridge's cancel key), then the relay.
     */
    private void takeOver(ServerConnections.Idle idle) {
        server = idle.channel();
        backendProcessId = idle.processId();
        backendSecretKey = idle.secretKey();
        serverOpenedNanos = idle.openedNanos();
        reported.putAll(idle.parameters());
        client.write(encode(new BackendMessage.AuthenticationOk()));
        reported.forEach((name, value) -> client.write(encode(new BackendMessage.ParameterStatus(name, value))));
        client.write(encode(new BackendMessage.BackendKeyData(processId, secretKey)));
        client.write(encode(new BackendMessage.ReadyForQuery('I')));
        relay(server);   // a pooled connection reads: its reset needed that
        log.debug("{} - passing through to {}:{} on a pooled connection (backend pid {})", logPrefix, address.host(),
                address.port(), backendProcessId);
    }

    /** The relays both ways, from a ReadyForQuery that said idle: the client's startup is over. */
    private void relay(Channel serverChannel) {
        registry.register(processId, secretKey, this);
        client.closeFuture().addListener(f -> registry.unregister(processId, this));
        relayed = new Relay.Session();
        serverChannel.pipeline().addLast("relay", Relay.fromServer(client, relayed));
        client.pipeline().addLast("relay", Relay.fromClient(serverChannel, relayed));
        client.pipeline().remove("session");
        client.pipeline().remove("decoder");
        client.flush();
        client.config().setAutoRead(true);
    }

    /**
     * The client's channel closed: a server connection left idle by a client that said Terminate goes back to the
     * pool, reset; any other is closed.
     */
    private void clientGone() {
        Channel s = server;
        if (s == null) {
            return;
        }
        Relay.Session session = relayed;
        if (poolKey != null && session != null && session.serverReusable() && s.isActive()) {
            s.pipeline().remove("relay");
            s.config().setAutoRead(true);
            ServerConnections.release(poolKey, new ServerConnections.Idle(s, backendProcessId, backendSecretKey,
                    new LinkedHashMap<>(reported), serverOpenedNanos), config.pool());
        } else {
            // After what the client sent last has left: PostgreSQL runs a statement sent just before the end.
            s.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Reads the backend's startup answers, answers its authentication, then puts the relay in place. */
    private final class BackendStartup extends ChannelInboundHandlerAdapter {
        private ScramSha256Client scram;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            try {
                char type = (char) frame.getByte(0);
                switch (type) {
                    case 'R' -> authentication(ctx, frame);
                    case 'S' -> {
                        Map.Entry<String, String> setting = StartupMessages.parameterStatus(frame);
                        if (setting != null) {
                            reported.put(setting.getKey(), setting.getValue());
                        }
                        client.write(frame.retainedDuplicate());
                    }
                    case 'N' -> client.write(frame.retainedDuplicate());
                    case 'K' -> {
                        backendProcessId = frame.getInt(5);
                        backendSecretKey = frame.getInt(9);
                        client.write(encode(new BackendMessage.BackendKeyData(processId, secretKey)));
                    }
                    case 'v' -> {
                        // pgbridge asked for 3.0 only; nothing to tell the client
                    }
                    case 'E' -> refused(ctx, frame);
                    case 'Z' -> ready(ctx, frame);
                    default -> fail(SqlState.PROTOCOL_VIOLATION.code(),
                            "unexpected message '" + type + "' from the PostgreSQL backend during startup");
                }
            } finally {
                frame.release();
            }
        }

        private void authentication(ChannelHandlerContext ctx, ByteBuf frame) {
            int code = frame.getInt(5);
            switch (code) {
                case 0 -> client.write(encode(new BackendMessage.AuthenticationOk()));
                case 3 -> ctx.writeAndFlush(StartupMessages.password(ctx.alloc(), backendPassword()));
                case 5 -> {
                    byte[] salt = new byte[4];
                    frame.getBytes(9, salt);
                    ctx.writeAndFlush(StartupMessages.password(ctx.alloc(),
                            StartupMessages.md5Password(backendUser(), backendPassword(), salt)));
                }
                case 10 -> {
                    if (!StartupMessages.saslMechanisms(frame).contains(ScramSha256Client.MECHANISM)) {
                        fail(SqlState.INVALID_AUTHORIZATION_SPECIFICATION.code(), "the PostgreSQL backend "
                                + config.name() + " offers no SASL mechanism pgbridge knows (only SCRAM-SHA-256,"
                                + " without channel binding)");
                        return;
                    }
                    scram = ScramSha256Client.forPostgres(backendPassword());
                    byte[] first = scram.clientFirstMessage().getBytes(StandardCharsets.UTF_8);
                    ByteBuf out = ctx.alloc().buffer();
                    // 'p', Int32 len, String mechanism, Int32 n, Byte[n] client-first-message
                    int start = PgWire.beginMessage(out, (byte) 'p');
                    PgWire.writeCString(out, ScramSha256Client.MECHANISM);
                    out.writeInt(first.length);
                    out.writeBytes(first);
                    PgWire.endMessage(out, start);
                    ctx.writeAndFlush(out);
                }
                case 11 -> {
                    String serverFirst = frame.toString(9, frame.readableBytes() - 9, StandardCharsets.UTF_8);
                    byte[] last = scram.clientFinalMessage(serverFirst).getBytes(StandardCharsets.UTF_8);
                    ByteBuf out = ctx.alloc().buffer();
                    // 'p', Int32 len, Byte[n] client-final-message
                    int start = PgWire.beginMessage(out, (byte) 'p');
                    out.writeBytes(last);
                    PgWire.endMessage(out, start);
                    ctx.writeAndFlush(out);
                }
                case 12 -> {
                    try {
                        scram.verifyServerFinal(frame.toString(9, frame.readableBytes() - 9, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        fail(SqlState.INVALID_AUTHORIZATION_SPECIFICATION.code(), "the PostgreSQL backend "
                                + config.name() + " failed SCRAM server verification: " + e.getMessage());
                    }
                }
                default -> fail(SqlState.INVALID_AUTHORIZATION_SPECIFICATION.code(), "the PostgreSQL backend "
                        + config.name() + " asks for an authentication method pass-through mode does not answer"
                        + " (code " + code + "); use mode: jdbc for this backend");
            }
        }

        /**
         * PostgreSQL's FATAL during startup goes to the client as it is, except that a refused passthrough login is
         * answered as pgbridge's own password methods answer, after the same delay.
         */
        private void refused(ChannelHandlerContext ctx, ByteBuf frame) {
            BackendLogin own = login;
            login = null;
            ctx.pipeline().remove(this);
            ctx.close();
            if (own == null || !BackendLogin.refusedBy(StartupMessages.errorField(frame, 'C'))) {
                client.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            log.info("{} - PostgreSQL refused the login of user {}: {}", logPrefix, own.user(), StartupMessages.errorField(frame, 'M'));
            client.eventLoop().schedule(() -> {
                client.writeAndFlush(encode(new BackendMessage.ErrorResponse(ErrorMapper.fields(
                        AuthenticationException.passwordFailed(own.user()).error()))))
                        .addListener(ChannelFutureListener.CLOSE);
            }, failureDelay.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void ready(ChannelHandlerContext ctx, ByteBuf frame) {
            login = null;   // logged in: the password is not needed any more
            // ReadyForQuery goes first; whatever either decoder still holds follows it through the relay.
            client.write(frame.retainedDuplicate());
            ctx.pipeline().remove(this);
            relay(ctx.channel());
            ctx.pipeline().remove("frames");   // after the relay is in place: what it still holds goes through it
            log.debug("{} - passing through to {}:{} (backend pid {})", logPrefix, address.host(), address.port(),
                    backendProcessId);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(SqlState.CONNECTION_FAILURE.code(), "the PostgreSQL backend closed the connection during startup");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(SqlState.CONNECTION_FAILURE.code(), "PostgreSQL backend connection failed: " + cause.getMessage());
        }
    }

    private ByteBuf encode(BackendMessage message) {
        return BackendMessageEncoder.encode(client.alloc(), message);
    }

    /** Ends the session with a FATAL error before the relay is in place. */
    private void fail(String sqlState, String message) {
        login = null;
        if (client.isActive()) {
            log.debug("{} - pass-through failed: {}", logPrefix, message);
            client.writeAndFlush(encode(new BackendMessage.ErrorResponse(
                    new BackendMessage.Notice("FATAL", sqlState, message, null, null, 0, null))))
                    .addListener(ChannelFutureListener.CLOSE);
        }
        Channel s = server;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void cancel() {
        // A CancelRequest on a new connection, with the backend's own key: Int32 16, Int32 80877102, pid, key.
        try (Socket socket = new Socket(address.host(), address.port());
             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeInt(16);
            out.writeInt(80877102);
            out.writeInt(backendProcessId);
            out.writeInt(backendSecretKey);
            out.flush();
            socket.getInputStream().read();   // PostgreSQL closes the connection when done
        } catch (IOException e) {
            log.debug("{} - cancel request to the backend failed: {}", logPrefix, e.getMessage());
        }
    }

    @Override
    public void adminShutdown() {
        Channel s = server;
        if (s != null) {
            s.close();   // the relay then closes the client
        } else {
            client.close();
        }
    }
}
