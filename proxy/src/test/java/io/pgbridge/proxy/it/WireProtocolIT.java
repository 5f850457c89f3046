package io.pgbridge.proxy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire protocol over a real socket, with bytes built by hand: startup, negotiation, errors, malformed frames. */
class WireProtocolIT {
    private static RunningProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = RunningProxy.h2();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private RawPgClient client() throws Exception {
        return new RawPgClient("127.0.0.1", proxy.port());
    }

    private static String types(List<RawPgClient.Message> messages) {
        StringBuilder sb = new StringBuilder();
        messages.forEach(m -> sb.append(m.type()));
        return sb.toString();
    }

    @Test
    void startupReportsWhatClientsDependOn() throws Exception {
        try (RawPgClient c = client()) {
            List<RawPgClient.Message> messages = c.startup("alice", "test");
            assertThat(messages.get(0).type()).isEqualTo('R');
            assertThat(ByteBuffer.wrap(messages.get(0).body()).getInt()).isZero();
            Map<String, String> status = new LinkedHashMap<>();
            for (RawPgClient.Message m : messages) {
                if (m.type() == 'S') {
                    String[] kv = m.bodyText().split("\0");
                    status.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            assertThat(status).containsEntry("server_encoding", "UTF8").containsEntry("client_encoding", "UTF8")
                    .containsEntry("DateStyle", "ISO, MDY").containsEntry("integer_datetimes", "on")
                    .containsEntry("standard_conforming_strings", "on").containsEntry("IntervalStyle", "postgres")
                    .containsEntry("session_authorization", "alice").containsEntry("is_superuser", "on")
                    .containsEntry("default_transaction_read_only", "off").containsEntry("in_hot_standby", "off")
                    .containsKeys("server_version", "TimeZone", "application_name");
            assertThat(status.get("server_version"))
                    .isEqualTo(io.pgbridge.backend.BackendDialect.EMULATED_SERVER_VERSION);
            assertThat(types(messages)).endsWith("KZ");
            assertThat(messages.get(messages.size() - 1).body()).containsExactly('I');
        }
    }

    @Test
    void sslAndGssEncRequestsAreRefusedAndStartupGoesOn() throws Exception {
        try (RawPgClient c = client()) {
            c.sendRaw(new byte[]{0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f});   // SSLRequest 80877103
            assertThat(c.readByte()).isEqualTo('N');
            c.sendRaw(new byte[]{0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x30});   // GSSENCRequest 80877104
            assertThat(c.readByte()).isEqualTo('N');
            assertThat(types(c.startup("bob", "test"))).startsWith("R").endsWith("Z");
        }
    }

    @Test
    void newerMinorVersionAndUnknownOptionsAreNegotiatedDown() throws Exception {
        try (RawPgClient c = client()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("user", "carol");
            params.put("database", "test");
            params.put("_pq_.future_option", "1");
            List<RawPgClient.Message> messages = c.startup(3, 2, params);
            assertThat(messages.get(0).type()).isEqualTo('v');
            ByteBuffer body = ByteBuffer.wrap(messages.get(0).body());
            assertThat(body.getInt()).isZero();   // newest minor version we support
            assertThat(body.getInt()).isEqualTo(1);
            assertThat(messages.get(0).bodyText()).contains("_pq_.future_option");
            assertThat(types(messages)).contains("R").endsWith("Z");
            assertThat(types(c.query("select 1"))).isEqualTo("TDCZ");
        }
    }

    @Test
    void emptyAndMultiStatementQueries() throws Exception {
        try (RawPgClient c = client()) {
            c.startup("dave", "test");
            assertThat(types(c.query(""))).isEqualTo("IZ");
            assertThat(types(c.query("  ;  -- nothing\n"))).isEqualTo("IZ");
            List<RawPgClient.Message> two = c.query("select 1; select 2, 3");
            assertThat(types(two)).isEqualTo("TDCTDCZ");
            assertThat(two.get(2).bodyText()).isEqualTo("SELECT 1\0");
        }
    }

    @Test
    void errorInSimpleQueryStopsTheRestAndKeepsTheSessionUsable() throws Exception {
        try (RawPgClient c = client()) {
            c.startup("erin", "test");
            List<RawPgClient.Message> messages = c.query("select 1; select * from no_such_table; select 3");
            assertThat(types(messages)).isEqualTo("TDCEZ");
            assertThat(messages.get(3).fields()).containsEntry('S', "ERROR").containsEntry('V', "ERROR")
                    .containsEntry('C', "42P01");
            assertThat(types(c.query("select 4"))).isEqualTo("TDCZ");
        }
    }

    @Test
    void syntaxErrorsCarryAPosition() throws Exception {
        try (RawPgClient c = client()) {
            c.startup("ivan", "test");
            List<RawPgClient.Message> messages = c.query("select 1 from");
            assertThat(messages.get(0).type()).isEqualTo('E');
            assertThat(messages.get(0).fields()).containsEntry('C', "42601").containsKey('P');
            int position = Integer.parseInt(messages.get(0).fields().get('P'));
            assertThat(position).isBetween(9, 14);   // at or just after "from", 1-based, as PostgreSQL counts
            assertThat(messages.get(0).fields().get('M')).doesNotContain("[42").doesNotContain("SQL statement:");
        }
    }

    @Test
    void extendedErrorSkipsToSync() throws Exception {
        try (RawPgClient c = client()) {
            c.startup("frank", "test");
            c.send('B', concat(RawPgClient.cstring(""), RawPgClient.cstring("missing"), new byte[]{0, 0, 0, 0, 0, 0}));
            c.send('E', concat(RawPgClient.cstring(""), new byte[]{0, 0, 0, 0}));
            c.send('S', new byte[0]);
            List<RawPgClient.Message> messages = c.readUntilReady();
            assertThat(types(messages)).isEqualTo("EZ");
            assertThat(messages.get(0).fields()).containsEntry('C', "26000");
            assertThat(types(c.extended("select $1::int + 1", (short) 0, "41"))).isEqualTo("12TDCZ");
        }
    }

    @Test
    void malformedFramesGetFatalProtocolViolationAndOthersAreUnaffected() throws Exception {
        try (RawPgClient bystander = client()) {
            bystander.startup("grace", "test");
            byte[][] garbage = {
                {'Q', 0, 0, 0, 2},                                  // length shorter than itself
                {'z', 0, 0, 0, 4},                                  // unknown message type
                {'Q', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // over the size limit
                {'B', 0, 0, 0, 6, 'x', 'y'},                        // truncated Bind
            };
            for (byte[] frame : garbage) {
                try (RawPgClient c = client()) {
                    c.startup("mallory", "test");
                    c.sendRaw(frame);
                    List<RawPgClient.Message> messages = c.readUntilReady();
                    assertThat(types(messages)).as("answer to %s", java.util.Arrays.toString(frame)).isEqualTo("E");
                    assertThat(messages.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
                    assertThat(c.isClosedByServer()).isTrue();
                }
            }
            try (RawPgClient c = client()) {
                c.sendRaw(new byte[]{0, 0, 0, 4});   // startup packet too short
                List<RawPgClient.Message> messages = c.readUntilReady();
                assertThat(messages).allSatisfy(m -> assertThat(m.fields()).containsEntry('C', "08P01"));
            }
            assertThat(types(bystander.query("select 1"))).isEqualTo("TDCZ");
        }
    }

    @Test
    void portalSuspendsAtRowLimitAndResumes() throws Exception {
        try (RawPgClient c = client()) {
            c.startup("heidi", "test");
            c.query("begin");
            ByteArrayOutputStream parse = new ByteArrayOutputStream();
            DataOutputStream p = new DataOutputStream(parse);
            p.write(RawPgClient.cstring(""));
            p.write(RawPgClient.cstring("select x from system_range(1, 5) t(x)"));
            p.writeShort(0);
            c.send('P', parse.toByteArray());
            c.send('B', concat(RawPgClient.cstring("c1"), RawPgClient.cstring(""), new byte[]{0, 0, 0, 0, 0, 0}));
            c.send('E', concat(RawPgClient.cstring("c1"), new byte[]{0, 0, 0, 2}));
            c.send('E', concat(RawPgClient.cstring("c1"), new byte[]{0, 0, 0, 2}));
            c.send('E', concat(RawPgClient.cstring("c1"), new byte[]{0, 0, 0, 2}));
            c.send('S', new byte[0]);
            List<RawPgClient.Message> messages = c.readUntilReady();
            assertThat(types(messages)).isEqualTo("12DDsDDsDCZ");
            assertThat(messages.get(messages.size() - 2).bodyText()).isEqualTo("SELECT 1\0");
            assertThat(messages.get(messages.size() - 1).body()).containsExactly('T');
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
