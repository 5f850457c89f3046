package io.pgbridge.proxy.session;

import io.pgbridge.backend.BackendDialect;
import io.pgbridge.backend.PgOid;
import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import io.pgbridge.proxy.types.TextContext;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a text parameter whose type the client left open (OID 0), as pgjdbc does for setDate/setTimestamp and
 * psql/libpq for everything. PostgreSQL would infer the type from the statement; other databases get the type
 * their own parameter metadata reports, and when they report none, PostgreSQL date/time literals lose the zone
 * suffix those databases cannot parse.
 */
final class UntypedParameter {
    /** {@code 2024-02-21 +00}: pgjdbc's setDate text. */
    private static final Pattern DATE_WITH_ZONE = Pattern.compile("^(\\d{4,}-\\d{2}-\\d{2})(?: BC)? [+-]\\d{2}(?::\\d{2}){0,2}$");
    /** {@code 2024-03-04 05:06:01.123456+00}: pgjdbc's setTimestamp text. */
    private static final Pattern TIMESTAMP_WITH_ZONE = Pattern.compile(
            "^(\\d{4,}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)[+-]\\d{2}(?::\\d{2}){0,2}$");

    private final PreparedStatement statement;
    private final BackendDialect dialect;
    private ParameterMetaData metadata;
    private boolean metadataUnavailable;

    UntypedParameter(PreparedStatement statement, BackendDialect dialect) {
        this.statement = statement;
        this.dialect = dialect;
    }

    @SuppressWarnings("unchecked")
    void bind(int index, String text, TextContext context) throws SQLException {
        if (dialect.isPostgres()) {
            statement.setString(index, text);   // sent untyped (stringtype=unspecified): PostgreSQL infers it
            return;
        }
        int oid = inferredType(index);
        PgType<?> type = oid == 0 ? null : PgTypes.byOid(oid);
        if (type != null && !isText(oid)) {
            PgType<Object> typed = (PgType<Object>) type;
            typed.bind(statement, index, typed.decodeText(text, context));
            return;
        }
        Matcher date = DATE_WITH_ZONE.matcher(text);
        if (date.matches()) {
            statement.setString(index, date.group(1));
            return;
        }
        Matcher timestamp = TIMESTAMP_WITH_ZONE.matcher(text);
        if (timestamp.matches()) {
            statement.setString(index, timestamp.group(1));
            return;
        }
        statement.setString(index, text);
    }

    private int inferredType(int index) {
        if (metadataUnavailable) {
            return 0;
        }
        try {
            if (metadata == null) {
                metadata = statement.getParameterMetaData();
            }
            return metadata == null ? 0 : dialect.parameterType(metadata, index).oid();
        } catch (SQLException | RuntimeException e) {
            metadataUnavailable = true;
            return 0;
        }
    }

    private static boolean isText(int oid) {
        return oid == PgOid.TEXT || oid == PgOid.VARCHAR || oid == PgOid.BPCHAR || oid == PgOid.UNKNOWN
                || oid == PgOid.NAME;
    }
}
