package io.pgbridge.proxy.passthrough;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pass-through mode for PostgreSQL backends: once the client has started up with pgbridge, the session gets a
 * PostgreSQL connection of its own, opened on the client's event loop, and from then on bytes are relayed both ways
 * without decoding — no thread hand-over, no driver, PostgreSQL's own answers byte for byte (like pgbouncer's
 * session mode). pgbridge keeps the client's cancel key and maps it to the backend's.
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
                    client.closeFuture().addListener(c -> server.close());
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
        String database = address.database().isEmpty() ? startupParameters.get("database") : address.database();
        if (database != null) {
            PgWire.writeCString(out, "database");
            PgWire.writeCString(out, database);
        }
        startupParameters.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name) && !name.startsWith("_pq_.")) {
                PgWire.writeCString(out, name);
                PgWire.writeCString(out, value);
            }
        });
        out.writeByte(0);
        out.setInt(0, out.writerIndex());
        return out;
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
                    case 'S', 'N' -> client.write(frame.retainedDuplicate());
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
                case 3 -> ctx.writeAndFlush(passwordMessage(ctx, backendPassword()));
                case 5 -> {
                    byte[] salt = new byte[4];
                    frame.getBytes(9, salt);
                    ctx.writeAndFlush(passwordMessage(ctx, md5Password(backendUser(), backendPassword(), salt)));
                }
                case 10 -> {
                    if (!saslMechanisms(frame).contains(ScramSha256Client.MECHANISM)) {
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

        /** The mechanism names of AuthenticationSASL: {@code String*, Byte 0} after the Int32 code. */
        private java.util.List<String> saslMechanisms(ByteBuf frame) {
            java.util.List<String> names = new java.util.ArrayList<>();
            ByteBuf body = frame.slice(9, frame.readableBytes() - 9);
            for (String name = PgWire.readCString(body); name != null && !name.isEmpty(); name = PgWire.readCString(body)) {
                names.add(name);
            }
            return names;
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
            if (own == null || !BackendLogin.refusedBy(errorField(frame, 'C'))) {
                client.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            log.info("{} - PostgreSQL refused the login of user {}: {}", logPrefix, own.user(), errorField(frame, 'M'));
            client.eventLoop().schedule(() -> {
                client.writeAndFlush(encode(new BackendMessage.ErrorResponse(ErrorMapper.fields(
                        AuthenticationException.passwordFailed(own.user()).error()))))
                        .addListener(ChannelFutureListener.CLOSE);
            }, failureDelay.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** One field of an ErrorResponse: {@code Byte1 code, String value}* after the header, ended by a 0. */
        private static String errorField(ByteBuf frame, char code) {
            ByteBuf fields = frame.slice(5, frame.readableBytes() - 5);
            while (fields.isReadable()) {
                byte type = fields.readByte();
                if (type == 0) {
                    break;
                }
                String value = PgWire.readCString(fields);
                if (value == null || type == code) {
                    return value;
                }
            }
            return null;
        }

        private void ready(ChannelHandlerContext ctx, ByteBuf frame) {
            login = null;   // logged in: the password is not needed any more
            registry.register(processId, secretKey, PostgresPassthrough.this);
            client.closeFuture().addListener(f -> registry.unregister(processId, PostgresPassthrough.this));
            // ReadyForQuery goes first; whatever either decoder still holds follows it through the relay.
            client.write(frame.retainedDuplicate());
            ctx.pipeline().replace(this, "relay", new Relay(client));
            ctx.pipeline().remove("frames");
            client.pipeline().addLast("relay", new Relay(ctx.channel()));
            client.pipeline().remove("session");
            client.pipeline().remove("decoder");
            client.flush();
            client.config().setAutoRead(true);
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

    private ByteBuf passwordMessage(ChannelHandlerContext ctx, String password) {
        if (password == null) {
            password = "";
        }
        ByteBuf out = ctx.alloc().buffer();
        // 'p', Int32 len, String password
        int start = PgWire.beginMessage(out, (byte) 'p');
        PgWire.writeCString(out, password);
        PgWire.endMessage(out, start);
        return out;
    }

    /** PostgreSQL's md5 method: "md5" + md5hex(md5hex(password + user) + salt). */
    static String md5Password(String user, String password, byte[] salt) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String inner = HexFormat.of().formatHex(md5.digest(
                    ((password == null ? "" : password) + user).getBytes(StandardCharsets.UTF_8)));
            md5.update(inner.getBytes(StandardCharsets.US_ASCII));
            md5.update(salt);
            return "md5" + HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
