package io.pgbridge.proxy.types;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/** inet and xid, the types of pg_stat_activity's client_addr and backend_xid, against PostgreSQL's own forms. */
class NetworkAndXidTypesTest extends PgTypeTestBase {

    @Test
    void inetAsPostgresPrintsAndSendsIt() throws SQLException {
        checkAll(InetType.INSTANCE, "'127.0.0.1'::inet", "'10.1.2.3/8'::inet", "'0.0.0.0/0'::inet", "'::1'::inet",
                "'::'::inet", "'fe80::1:2/64'::inet", "'2001:db8:0:0:1:0:0:1'::inet", "'2001:0:0:1::1'::inet",
                "'::ffff:1.2.3.4'::inet", "'::1.2.3.4/120'::inet", "'1:2:3:4:5:6:7:8'::inet", "'1::'::inet",
                "'::2'::inet", "'0:0:0:0:0:0:0:1'::inet");
    }

    /** Input as inet_in takes it (inet's text() cast would add the netmask: the output function is compared). */
    @Test
    void inetReadsClientTextAsPostgres() throws SQLException {
        checkAll(InetType.INSTANCE, "'192.168.0.1/24'::inet", "'::FFFF:10.0.0.1'::inet", "'2001:DB8::'::inet",
                "'1:0::0:1'::inet");
        for (String input : new String[] {" 127.0.0.1", "1.2.3", "1.2.3.256", "::1::2", "1.2.3.4/33", "1:2:3:4:5:6:7",
                "", "host"}) {
            checkSameError(InetType.INSTANCE, "inet", input);
        }
    }

    @Test
    void xidAsPostgresPrintsAndSendsIt() throws SQLException {
        checkAll(XidType.INSTANCE, "'0'::xid", "'926'::xid", "'4294967295'::xid");
    }
}
