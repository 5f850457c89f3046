package io.pgbridge.proxy.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-level PostgreSQL client for tests: sends exactly the frames a test builds and returns every message the
 * server answers, so tests can compare pgbridge with PostgreSQL byte for byte and send malformed input.
 */
public final class RawPgClient implements AutoCloseable {
    /** One server message: its type byte and body. */
    public record Message(char type, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The fields of an ErrorResponse/NoticeResponse by code ('C' SQLSTATE, 'M' message, 'S' severity…). */
        public Map<Character, String> fields() {
            Map<Character, String> fields = new LinkedHashMap<>();
            int i = 0;
            while (i < body.length && body[i] != 0) {
                char code = (char) body[i++];
                int end = i;
                while (body[end] != 0) {
                    end++;
                }
                fields.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
                i = end + 1;
            }
            return fields;
        }
    }

    private final java.io.Closeable connection;
    private final DataInputStream in;
    private final DataOutputStream out;

    public RawPgClient(String host, int port) throws IOException {
        this(new Socket(host, port));
    }

    /** Over a socket already connected (a TLS socket for direct TLS, say). */
    public RawPgClient(Socket connected) throws IOException {
        connected.setSoTimeout(20_000);
        connected.setTcpNoDelay(true);
        connection = connected;
        in = new DataInputStream(connected.getInputStream());
        out = new DataOutputStream(connected.getOutputStream());
    }

    private RawPgClient(java.nio.channels.SocketChannel channel) {
        connection = channel;
        in = new DataInputStream(java.nio.channels.Channels.newInputStream(channel));
        out = new DataOutputStream(java.nio.channels.Channels.newOutputStream(channel));
    }

    /** Over a Unix-domain socket ({@code .s.PGSQL.PORT}); reads block without a timeout there. */
    public static RawPgClient overUnixSocket(java.nio.file.Path socketFile) throws IOException {
        var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        channel.connect(java.net.UnixDomainSocketAddress.of(socketFile));
        return new RawPgClient(channel);
    }

    /** Sends a 3.0 startup packet and reads up to the first ReadyForQuery (or an error). */
    public List<Message> startup(String user, String database) throws IOException {
        return startup(3, 0, Map.of("user", user, "database", database));
    }

    public List<Message> startup(int major, int minor, Map<String, String> params) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        b.writeShort(major);
        b.writeShort(minor);
        for (var e : params.entrySet()) {
            b.write(cstring(e.getKey()));
            b.write(cstring(e.getValue()));
        }
        b.writeByte(0);
        out.writeInt(body.size() + 4);
        out.write(body.toByteArray());
        out.flush();
        return readUntilReady();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends one typed message. */
    public void send(char type, byte[] body) throws IOException {
        out.writeByte(type);
        out.writeInt(body.length + 4);
        out.write(body);
        out.flush();
    }

    public List<Message> query(String sql) throws IOException {
        send('Q', cstring(sql));
        return readUntilReady();
    }

    /**
     * Parse/Bind/Describe/Execute/Sync of {@code sql} with text parameters, all results in {@code resultFormat}
     * (0 text, 1 binary).
     */
    public List<Message> extended(String sql, short resultFormat, String... textParams) throws IOException {
        ByteArrayOutputStream parse = new ByteArrayOutputStream();
        DataOutputStream p = new DataOutputStream(parse);
        p.write(cstring(""));
        p.write(cstring(sql));
        p.writeShort(0);
        send('P', parse.toByteArray());
        ByteArrayOutputStream bind = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(bind);
        b.write(cstring(""));
        b.write(cstring(""));
        b.writeShort(0);
        b.writeShort(textParams.length);
        for (String param : textParams) {
            if (param == null) {
                b.writeInt(-1);
            } else {
                byte[] bytes = param.getBytes(StandardCharsets.UTF_8);
                b.writeInt(bytes.length);
                b.write(bytes);
            }
        }
        b.writeShort(1);
        b.writeShort(resultFormat);
        send('B', bind.toByteArray());
        send('D', concat(new byte[]{'P'}, cstring("")));
        ByteArrayOutputStream exec = new ByteArrayOutputStream();
        DataOutputStream e = new DataOutputStream(exec);
        e.write(cstring(""));
        e.writeInt(0);
        send('E', exec.toByteArray());
        send('S', new byte[0]);
        return readUntilReady();
    }

    /** Sends Parse of {@code sql} as statement {@code name}, no parameter types declared. */
    public void parse(String name, String sql) throws IOException {
        ByteArrayOutputStream parse = new ByteArrayOutputStream();
        DataOutputStream p = new DataOutputStream(parse);
        p.write(cstring(name));
        p.write(cstring(sql));
        p.writeShort(0);
        send('P', parse.toByteArray());
    }

    /** Sends Bind of statement {@code statement} to portal {@code portal}: text parameters, text results. */
    public void bind(String portal, String statement, String... textParams) throws IOException {
        ByteArrayOutputStream bind = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(bind);
        b.write(cstring(portal));
        b.write(cstring(statement));
        b.writeShort(0);
        b.writeShort(textParams.length);
        for (String param : textParams) {
            byte[] bytes = param.getBytes(StandardCharsets.UTF_8);
            b.writeInt(bytes.length);
            b.write(bytes);
        }
        b.writeShort(0);
        send('B', bind.toByteArray());
    }

    /** Sends Bind of statement {@code statement} to portal {@code portal}: binary parameters, text results. */
    public void bindBinary(String portal, String statement, byte[]... binaryParams) throws IOException {
        ByteArrayOutputStream bind = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(bind);
        b.write(cstring(portal));
        b.write(cstring(statement));
        b.writeShort(1);
        b.writeShort(1);
        b.writeShort(binaryParams.length);
        for (byte[] param : binaryParams) {
            b.writeInt(param.length);
            b.write(param);
        }
        b.writeShort(0);
        send('B', bind.toByteArray());
    }

    /** Sends Describe of a portal ('P') or statement ('S'). */
    public void describe(char kind, String name) throws IOException {
        send('D', concat(new byte[]{(byte) kind}, cstring(name)));
    }

    /** Sends Close of a portal ('P') or statement ('S'). */
    public void close(char kind, String name) throws IOException {
        send('C', concat(new byte[]{(byte) kind}, cstring(name)));
    }

    /** Sends Execute of {@code portal} with no row limit. */
    public void execute(String portal) throws IOException {
        execute(portal, 0);
    }

    /** Sends Execute of {@code portal}, which returns at most {@code maxRows} rows (0 = all). */
    public void execute(String portal, int maxRows) throws IOException {
        ByteArrayOutputStream exec = new ByteArrayOutputStream();
        DataOutputStream e = new DataOutputStream(exec);
        e.write(cstring(portal));
        e.writeInt(maxRows);
        send('E', exec.toByteArray());
    }

    /** Sends Sync and reads everything up to its ReadyForQuery. */
    public List<Message> sync() throws IOException {
        send('S', new byte[0]);
        return readUntilReady();
    }

    /** Reads messages until ReadyForQuery, or until the server closes the connection. */
    public List<Message> readUntilReady() throws IOException {
        List<Message> messages = new ArrayList<>();
        while (true) {
            Message m = read();
            if (m == null) {
                return messages;
            }
            messages.add(m);
            if (m.type() == 'Z') {
                return messages;
            }
        }
    }

    /** One message, or null at end of stream. */
    public Message read() throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Message((char) type, body);
    }

    public int readByte() throws IOException {
        return in.read();
    }

    /** True when the server has closed the connection (reads EOF). */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    public static byte[] cstring(String s) {
        return concat(s.getBytes(StandardCharsets.UTF_8), new byte[]{0});
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
