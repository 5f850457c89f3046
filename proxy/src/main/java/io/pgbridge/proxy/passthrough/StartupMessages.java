package io.pgbridge.proxy.passthrough;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pgbridge.proxy.codec.PgWire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The messages of pass-through's own login to PostgreSQL, and what it reads from PostgreSQL's answers. */
final class StartupMessages {
    private StartupMessages() {
    }

    /** PasswordMessage: {@code 'p', Int32 len, String password}. */
    static ByteBuf password(ByteBufAllocator alloc, String password) {
        if (password == null) {
            password = "";
        }
        ByteBuf out = alloc.buffer();
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

    /** The mechanism names of AuthenticationSASL: {@code String*, Byte 0} after the Int32 code. */
    static List<String> saslMechanisms(ByteBuf frame) {
        List<String> names = new ArrayList<>();
        ByteBuf body = frame.slice(9, frame.readableBytes() - 9);
        for (String name = PgWire.readCString(body); name != null && !name.isEmpty(); name = PgWire.readCString(body)) {
            names.add(name);
        }
        return names;
    }

    /** One field of an ErrorResponse: {@code Byte1 code, String value}* after the header, ended by a 0. */
    static String errorField(ByteBuf frame, char code) {
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

    /** The ParameterStatus message's name and value: {@code String name, String value} after the header. */
    static Map.Entry<String, String> parameterStatus(ByteBuf frame) {
        ByteBuf body = frame.slice(5, frame.readableBytes() - 5);
        String name = PgWire.readCString(body);
        String value = PgWire.readCString(body);
        return name == null || value == null ? null : Map.entry(name, value);
    }
}
