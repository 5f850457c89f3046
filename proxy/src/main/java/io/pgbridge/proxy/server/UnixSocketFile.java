package io.pgbridge.proxy.server;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file of pgbridge's Unix-domain socket: a leftover of a server that died is removed before binding, a live one
 * (another pgbridge or a PostgreSQL on the same port) is not; after binding it gets its permission bits; at shutdown
 * it is removed, unless something else has replaced it meanwhile.
 */
final class UnixSocketFile {
    private final Path path;
    private Object boundKey;

    UnixSocketFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Clears the way for bind: throws when the path is a live socket or not a socket at all. */
    void prepare() throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Path directory = path.getParent();
            if (directory != null && !Files.isDirectory(directory)) {
                throw new IOException("could not create Unix-domain socket " + path + ": directory " + directory
                        + " does not exist");
            }
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException("could not create Unix-domain socket " + path + ": a file that is not a socket"
                    + " is in the way");
        }
        if (accepting()) {
            throw new IOException("could not create Unix-domain socket " + path + ": another server is listening"
                    + " on it (a pgbridge or PostgreSQL on the same port?)");
        }
        Files.delete(path);   // left by a server that did not shut down
    }

    private boolean accepting() {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** After bind: the configured mode bits, and the file's identity, so that {@link #remove()} takes only ours. */
    void bound(int permissions) throws IOException {
        Files.setPosixFilePermissions(path, permissionSet(permissions));
        boundKey = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    void remove() {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (boundKey != null && boundKey.equals(key)) {
                Files.delete(path);
            }
        } catch (IOException gone) {
            // Already removed: nothing to do.
        }
    }

    static Set<PosixFilePermission> permissionSet(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();   // OWNER_READ … OTHERS_EXECUTE: 0400 … 0001
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
