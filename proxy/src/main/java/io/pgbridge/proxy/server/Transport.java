package io.pgbridge.proxy.server;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import io.netty.channel.unix.DomainSocketAddress;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The socket implementation the event loops use: Linux's epoll where its native library loads (fewer system calls
 * and no selected-key garbage per wake-up), the JDK's NIO everywhere else. {@code -Dpgbridge.transport=nio} forces NIO.
 */
public enum Transport {
    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Class<? extends ServerChannel> serverDomainSocketChannel() {
            return EpollServerDomainSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> clientChannel() {
            return EpollSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> domainSocketChannel() {
            return EpollDomainSocketChannel.class;
        }

        @Override
        public SocketAddress domainSocketAddress(Path file) {
            return new DomainSocketAddress(file.toFile());
        }
    },
    NIO {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        Class<? extends ServerChannel> serverDomainSocketChannel() {
            return NioServerDomainSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> clientChannel() {
            return NioSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> domainSocketChannel() {
            return NioDomainSocketChannel.class;
        }

        @Override
        public SocketAddress domainSocketAddress(Path file) {
            return UnixDomainSocketAddress.of(file);
        }
    };

    abstract IoHandlerFactory ioHandlerFactory();

    abstract Class<? extends ServerChannel> serverChannel();

    /** The listening Unix-domain socket's channel type. */
    abstract Class<? extends ServerChannel> serverDomainSocketChannel();

    /** The channel type for outgoing TCP connections made on this transport's event loops. */
    public abstract Class<? extends Channel> clientChannel();

    /** The channel type for outgoing Unix-domain-socket connections made on this transport's event loops. */
    public abstract Class<? extends Channel> domainSocketChannel();

    /** The address of the socket file {@code file} as this transport's domain-socket channels take it. */
    public abstract SocketAddress domainSocketAddress(Path file);

    /** Epoll if it is available and not switched off by the {@code pgbridge.transport} system property. */
    public static Transport best() {
        String wanted = System.getProperty("pgbridge.transport", "auto").toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "nio" -> NIO;
            case "epoll" -> {
                Epoll.ensureAvailability();
                yield EPOLL;
            }
            default -> Epoll.isAvailable() ? EPOLL : NIO;
        };
    }

    /** The transport whose event loop serves {@code channel}, for connections made from that loop. */
    public static Transport of(Channel channel) {
        return channel instanceof EpollSocketChannel || channel instanceof EpollDomainSocketChannel ? EPOLL : NIO;
    }

    /** Whether {@code channel} is a client of the Unix-domain socket rather than a TCP one. */
    public static boolean isDomainSocket(Channel channel) {
        return channel instanceof EpollDomainSocketChannel || channel instanceof NioDomainSocketChannel;
    }
}
