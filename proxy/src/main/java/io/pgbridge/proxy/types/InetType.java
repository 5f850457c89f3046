package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.pgbridge.backend.PgOid;

import java.util.Locale;

/**
 * {@code inet}: an IPv4 or IPv6 host address with an optional netmask length, held as PostgreSQL's text form
 * ({@code 127.0.0.1}, {@code ::1}, {@code 10.0.0.0/8}). Binary: family (2 IPv4, 3 IPv6), bits, is_cidr (0), the
 * address length and the address bytes, as inet_send writes them.
 */
public final class InetType extends StringType {
    public static final InetType INSTANCE = new InetType();
    private static final int FAMILY_V4 = 2;
    private static final int FAMILY_V6 = 3;

    private InetType() {
        super(PgOid.INET, "inet", -1, PgOid.INET_ARRAY, "inet");
    }

    /** An address and its netmask length. */
    private record Address(byte[] bytes, int bits) {
        String text() {
            String host = bytes.length == 4 ? v4(bytes, 0) : v6(bytes);
            return bits == bytes.length * 8 ? host : host + "/" + bits;
        }
    }

    @Override
    public String decodeText(String text, TextContext context) {
        return parse(text).text();
    }

    @Override
    public void encodeBinary(String value, ByteBuf out) {
        Address a = parse(value);
        out.writeByte(a.bytes().length == 4 ? FAMILY_V4 : FAMILY_V6);
        out.writeByte(a.bits());
        out.writeByte(0);
        out.writeByte(a.bytes().length);
        out.writeBytes(a.bytes());
    }

    @Override
    public String decodeBinary(ByteBuf in, int length) {
        if (length < 4) {
            throw new PgTypeException("22P03", "invalid length in external \"inet\" value");
        }
        int family = in.readUnsignedByte();
        int bits = in.readUnsignedByte();
        in.readUnsignedByte();   // is_cidr: the same address either way
        int size = in.readUnsignedByte();
        if (family != FAMILY_V4 && family != FAMILY_V6 || size != (family == FAMILY_V4 ? 4 : 16)
                || length != 4 + size || bits > size * 8) {
            throw new PgTypeException("22P03", "invalid external \"inet\" value");
        }
        byte[] bytes = new byte[size];
        in.readBytes(bytes);
        return new Address(bytes, bits).text();
    }

    private Address parse(String text) {
        String trimmed = text;
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = host.indexOf(':') >= 0 ? parseV6(host, text) : parseV4(host, text);
        if (bytes == null) {
            throw invalidSyntax(text);
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String mask = trimmed.substring(slash + 1);
            if (mask.isEmpty() || mask.length() > 3 || !mask.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(mask) > bits) {
                throw invalidSyntax(text);
            }
            bits = Integer.parseInt(mask);
        }
        return new Address(bytes, bits);
    }

    private static byte[] parseV4(String host, String text) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(p);
        }
        return bytes;
    }

    /** Eight groups of hex digits, one {@code ::} for a run of zero groups, an IPv4 address as the last two. */
    private static byte[] parseV6(String host, String text) {
        int gap = host.indexOf("::");
        if (gap >= 0 && host.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? host : host.substring(0, gap);
        String tail = gap < 0 ? "" : host.substring(gap + 2);
        int[] front = groups(head, false);
        int[] back = groups(tail, true);
        if (front == null || back == null || (gap < 0 ? front.length != 8 : front.length + back.length > 7)) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < front.length; i++) {
            bytes[2 * i] = (byte) (front[i] >> 8);
            bytes[2 * i + 1] = (byte) front[i];
        }
        for (int i = 0; i < back.length; i++) {
            int at = 8 - back.length + i;
            bytes[2 * at] = (byte) (back[i] >> 8);
            bytes[2 * at + 1] = (byte) back[i];
        }
        return bytes;
    }

    /** The 16-bit groups of one side of {@code ::}; an IPv4 address may end the last side. Null when malformed. */
    private static int[] groups(String side, boolean last) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int v4 = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] groups = new int[parts.length + v4];
        for (int i = 0; i < parts.length - v4; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            groups[i] = Integer.parseInt(p, 16);
        }
        if (v4 == 1) {
            byte[] b = last ? parseV4(parts[parts.length - 1], side) : null;
            if (b == null) {
                return null;
            }
            groups[parts.length - 1] = (b[0] & 0xFF) << 8 | b[1] & 0xFF;
            groups[parts.length] = (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        }
        return groups;
    }

    private static String v4(byte[] b, int from) {
        return (b[from] & 0xFF) + "." + (b[from + 1] & 0xFF) + "." + (b[from + 2] & 0xFF) + "." + (b[from + 3] & 0xFF);
    }

    /** As PostgreSQL's inet_net_ntop: the longest run of two or more zero groups as {@code ::}, IPv4 tails dotted. */
    private static String v6(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 7 && words[7] != 1
                    || bestLen == 5 && words[5] == 0xFFFF)) {
                out.append(v4(b, 12));
                break;
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out.toString();
    }
}
