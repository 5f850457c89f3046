package io.pgbridge.proxy.session;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.pgbridge.proxy.auth.AuthenticationException;
import io.pgbridge.proxy.auth.BackendLogin;
import io.pgbridge.proxy.auth.ClientAuthentication;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.server.Transport;
import io.pgbridge.proxy.tls.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSession;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * What a connection goes through before its session starts, on the session's thread: the TLS upgrade on SSLRequest,
 * then, with the startup packet, TLS-required, a connection slot and authentication.
 */
final class SessionAdmission {
    private static final Logger log = LoggerFactory.getLogger(SessionAdmission.class);

    private final SessionContext context;
    private final Channel channel;
    private final ClientWriter writer;
    private final Inbox inbox;
    private final String logPrefix;

    SessionAdmission(SessionContext context, Channel channel, ClientWriter writer,
                     Inbox inbox, String logPrefix) {
        this.context = context;
        this.channel = channel;
        this.writer = writer;
        this.inbox = inbox;
        this.logPrefix = logPrefix;
    }

    /** Answers SSLRequest 'S' (and starts TLS) or 'N'; returns the FATAL to send instead, if any. */
    PgException answerSslRequest() {
        if (encrypted()) {
            // Already encrypted (direct TLS): a second layer is not something a client can ask for.
            return PgException.fatal(SqlState.PROTOCOL_VIOLATION, "unexpected SSLRequest on an encrypted connection");
        }
        // As PostgreSQL: no TLS on the Unix-domain socket, whose bytes never leave the machine.
        boolean accept = context.tls() != null && !Transport.isDomainSocket(channel);
        if (accept) {
            // In front of the decoder, letting this one 'S' out in clear before the handshake starts.
            channel.pipeline().addFirst("tls", context.tls().newHandler(channel.alloc(), true));
        }
        writer.send(new BackendMessage.EncryptionResponse(accept));
        writer.flush();
        return null;
    }

    /**
     * Returns when the client may start a session, with the login its backend connection must use under the
     * passthrough method (else null); throws with the FATAL to send (or none) otherwise.
     */
    BackendLogin admit(String user, String database) {
        boolean local = Transport.isDomainSocket(channel);
        InetAddress address = channel.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (!local) {
            if (address == null) {
                throw AuthenticationException.abandoned();   // closed before its address could be read
            }
            context.connectionRate().admit(address);
        }
        boolean encrypted = encrypted();
        // tls: required is about the network; the Unix-domain socket cannot carry TLS (PostgreSQL's hostssl alike).
        if (context.tls() != null && context.tls().required() && !encrypted && !local) {
            throw AuthenticationException.refused(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "pgbridge accepts only encrypted connections: connect with TLS (sslmode=require or stronger)");
        }
        if (!context.connectionSlots().tryAcquire()) {
            throw AuthenticationException.refused(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
        }
        channel.closeFuture().addListener(closed -> context.connectionSlots().release());
        ClientAuthentication authentication = context.authentication();
        BackendLogin login = null;
        if (!authentication.trustsEveryone()) {
            SSLSession session = encrypted ? channel.pipeline().get(SslHandler.class).engine().getSession() : null;
            // The connection's own certificates: a reload since its handshake must not change what it binds to.
            byte[] endPoint = session != null ? ServerTls.serverEndPoint(session) : null;
            X509Certificate clientCertificate = session != null ? ServerTls.clientCertificate(session) : null;
            login = authentication.authenticate(new ClientAuthentication.Client(address, encrypted, user, database, endPoint,
                    clientCertificate), new PasswordExchange());
        }
        // After authentication, as PostgreSQL checks CONNECTION LIMIT: a failed login takes no place.
        Runnable release = context.connectionCounts().admit(user, database);
        channel.closeFuture().addListener(closed -> release.run());
        return login;
    }

    private boolean encrypted() {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    /** The client's side of authentication: its password messages, read from the inbox within the timeout. */
    private final class PasswordExchange implements ClientAuthentication.Exchange {
        private final long deadline = System.nanoTime() + context.authentication().timeout().toNanos();

        @Override
        public void send(BackendMessage message) {
            writer.send(message);
            writer.flush();
        }

        @Override
        public byte[] receivePassword() {
            FrontendMessage message;
            try {
                message = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AuthenticationException.abandoned();
            }
            return switch (message) {
                case null -> {
                    log.debug("{} - authentication timed out", logPrefix);
                    throw AuthenticationException.abandoned();
                }
                case FrontendMessage.PasswordMessage p -> p.body();
                case FrontendMessage.Terminate t -> throw AuthenticationException.abandoned();
                case FrontendMessage.ProtocolViolation v -> throw AuthenticationException.violation(v.reason());
                default -> throw AuthenticationException.violation("expected password response, got message type "
                        + message.getClass().getSimpleName());
            };
        }
    }
}
