package io.pgbridge.proxy.session;

import io.netty.channel.Channel;
import io.pgbridge.backend.Backend;
import io.pgbridge.config.BackendMode;
import io.pgbridge.proxy.auth.AuthenticationException;
import io.pgbridge.proxy.auth.BackendLogin;
import io.pgbridge.proxy.catalog.CatalogSessions;
import io.pgbridge.proxy.catalog.StatActivity;
import io.pgbridge.proxy.codec.BackendMessage;
import io.pgbridge.proxy.codec.FrontendMessage;
import io.pgbridge.proxy.error.ErrorMapper;
import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.passthrough.PostgresPassthrough;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One client connection. Netty hands it messages in order ({@link #enqueue}); a thread of its own (platform or
 * virtual, {@code listen.session_threads}) takes them one at a time and does the blocking JDBC work, so the event
 * loop never waits on a database.
 * States: STARTUP → READY ⇄ FAILED_UNTIL_SYNC → TERMINATED.
 */
public final class Session implements Runnable, SessionRegistry.Registered, CatalogSessions.Signals {
    private static final Logger log = LoggerFactory.getLogger(Session.class);
    /** Past this many queued messages the channel stops reading until the session catches up. */
    private static final int INBOX_HIGH = 512;
    private static final int INBOX_LOW = 64;

    enum Phase { STARTUP, READY, FAILED_UNTIL_SYNC, TERMINATED }

    private final SessionContext context;
    private final Channel channel;
    private final ClientWriter writer;
    private final Inbox inbox = new Inbox(INBOX_HIGH, INBOX_LOW);
    private final int processId;
    private final int secretKey;
    private final String logPrefix;
    private final SessionCommands commands = new SessionCommands(this);
    private final TransactionCommands transactions = new TransactionCommands(this);
    private final SessionAdmission admission;
    private final SessionActivity activity;

    private volatile Phase phase = Phase.STARTUP;
    /** Why the session is being ended from outside (shutdown, an idle timeout): the FATAL its client gets. */
    private volatile PgException terminatedBy;
    private final IdleTimeout idleTimeout;
    /** ReadyForQuery went out and no message has been taken since: the session is idle as PostgreSQL means it. */
    private boolean awaitingCommand;
    /** The connection now belongs to a pass-through relay: leave it open when this thread ends. */
    private boolean handedOver;
    private TransactionStatus transactionStatus = TransactionStatus.IDLE;
    private BackendConnection backend;
    private SessionSettings settings;
    private QueryRunner runner;
    private SessionFunctions.Context functionContext;

    public Session(SessionContext context, Channel channel) {
        this.context = context;
        this.channel = channel;
        this.writer = new ClientWriter(channel);
        this.processId = context.sessions().nextProcessId();
        this.secretKey = context.sessions().newSecret();
        this.logPrefix = "c" + processId;
        this.admission = new SessionAdmission(context, channel, writer, inbox, logPrefix);
        this.idleTimeout = new IdleTimeout(channel.eventLoop(), inbox::isEmpty, this::terminate);
        this.activity = new SessionActivity(processId, channel.remoteAddress());
    }

    /**
     * Called on the event loop with what one read decoded: queues the messages for the session thread, together,
     * pausing reads when too many wait.
     */
    public void enqueue(List<FrontendMessage> messages) {
        if (phase == Phase.TERMINATED) {
            return;   // the connection is closing: what the client still sends is read only to be dropped
        }
        if (inbox.addAll(messages)) {
            channel.config().setAutoRead(false);
        }
    }

    /** Called on the event loop when the client's socket buffer drains or fills. */
    public void writabilityChanged() {
        writer.writabilityChanged();
    }

    /** Called on the event loop when the connection is gone: wakes the session thread so it cleans up. */
    public void channelClosed() {
        inbox.add(new FrontendMessage.Terminate());
    }

    /** Server shutdown: the session ends after the message it is working on. */
    @Override
    public void adminShutdown() {
        terminate(PgException.fatal(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command"));
    }

    /** pg_terminate_backend: the reason first, so that the cancelled statement ends the session with it. */
    @Override
    public void terminateBackend() {
        terminate(PgException.fatal(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command"));
        cancel();
    }

    /** Ends the session after the message it is working on, telling the client why. */
    private void terminate(PgException why) {
        terminatedBy = why;
        inbox.add(new FrontendMessage.Terminate());
    }

    public boolean isStarted() {
        return phase != Phase.STARTUP;
    }

    @Override
    public void run() {
        try {
            while (phase != Phase.TERMINATED) {
                if (awaitingCommand) {
                    idleTimeout.arm(transactionStatus, settings);
                }
                FrontendMessage message = nextMessage();
                idleTimeout.disarm();
                awaitingCommand = false;
                context.sessions().busy(true);
                try {
                    handle(message);
                } finally {
                    context.sessions().busy(false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("{} - session failed", logPrefix, e);
        } finally {
            phase = Phase.TERMINATED;
            if (!handedOver) {
                context.sessions().unregister(processId, this);
            }
            if (runner != null) {
                runner.closeAll();
            }
            if (backend != null) {
                backend.release();
            }
            writer.discard();
            if (channel.isActive() && !handedOver) {
                writer.closeAfterLastWrite();
            }
            log.debug("{} - session ended", logPrefix);
        }
    }

    /**
     * The client's next message, waiting for it; reading resumes once the backlog is small again. COPY FROM STDIN
     * takes its CopyData here too, so a backend slower than the client stops the client (inbound backpressure).
     */
    FrontendMessage nextMessage() throws InterruptedException {
        FrontendMessage message = inbox.take();
        if (inbox.resumeReading()) {
            // On the event loop, after the pause it decided on: applied here, the two could land in either order.
            try {
                channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the server is stopping: nothing more will be read anyway
            }
        }
        return message;
    }

    private void handle(FrontendMessage message) throws InterruptedException {
        if (message instanceof FrontendMessage.Terminate) {
            if (terminatedBy != null) {
                fatal(terminatedBy);
            }
            phase = Phase.TERMINATED;
            return;
        }
        if (message instanceof FrontendMessage.ProtocolViolation v) {
            fatal(PgException.fatal(SqlState.PROTOCOL_VIOLATION, v.reason()));
            return;
        }
        switch (phase) {
            case STARTUP -> startup(message);
            case FAILED_UNTIL_SYNC -> {
                if (message instanceof FrontendMessage.Sync) {
                    phase = Phase.READY;
                    try {
                        runner.sync(false);
                    } catch (SQLException e) {
                        error(ErrorMapper.map(e));
                    }
                    readyForQuery();
                }
            }
            case READY -> ready(message);
            case TERMINATED -> {
            }
        }
    }

    private void startup(FrontendMessage message) {
        switch (message) {
            case FrontendMessage.SslRequest ignored -> {
                PgException refused = admission.answerSslRequest();
                if (refused != null) {
                    fatal(refused);
                }
            }
            case FrontendMessage.GssEncRequest ignored -> {
                writer.send(new BackendMessage.EncryptionResponse(false));
                writer.flush();
            }
            case FrontendMessage.CancelRequest cancel -> {
                context.sessions().cancel(cancel.processId(), cancel.secretKey());
                phase = Phase.TERMINATED;
            }
            case FrontendMessage.StartupMessage startup -> start(startup);
            default -> fatal(PgException.fatal(SqlState.PROTOCOL_VIOLATION,
                    "expected a startup packet, got " + message.getClass().getSimpleName()));
        }
    }

    private void start(FrontendMessage.StartupMessage startup) {
        Map<String, String> params = startup.parameters();
        String user = params.get("user");
        if (user == null || user.isEmpty()) {
            fatal(PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "no PostgreSQL user name specified in startup packet"));
            return;
        }
        String database = params.getOrDefault("database", user);
        BackendLogin login;
        try {
            login = admission.admit(user, database);
        } catch (AuthenticationException refused) {
            refused(refused);
            return;
        }
        List<String> unknownOptions = new ArrayList<>();
        params.keySet().stream().filter(k -> k.startsWith("_pq_.")).forEach(unknownOptions::add);
        if (startup.minorVersion() > 0 || !unknownOptions.isEmpty()) {
            // We speak 3.0 and no protocol extensions: say so, and the client carries on with what we have.
            writer.send(new BackendMessage.NegotiateProtocolVersion(0, unknownOptions));
        }
        Backend chosen = context.backends().forDatabase(database);
        if (chosen.config().mode() == BackendMode.PASSTHROUGH) {
            // PostgreSQL answers everything from here on; this thread's work is done.
            channel.config().setAutoRead(false);
            writer.flush();
            handedOver = true;
            phase = Phase.TERMINATED;
            Map<String, String> forwarded = new java.util.LinkedHashMap<>(context.limits().timeouts().asSettings());
            forwarded.putAll(params);   // PostgreSQL enforces the configured timeouts; the client's own come last
            PostgresPassthrough.start(channel, forwarded, chosen.config(), context.sessions(), processId, secretKey,
                    login, context.authentication().failureDelay());
            return;
        }
        try {
            backend = login == null ? new BackendConnection(chosen, logPrefix)
                    : BackendConnection.loggedIn(chosen, login, context.authentication().failureDelay(), logPrefix);
        } catch (AuthenticationException refused) {
            refused(refused);
            return;
        }
        settings = new SessionSettings(chosen.serverVersion(), user, params, context.limits().timeouts());
        runner = new QueryRunner(this, context.limits(), channel.eventLoop());
        functionContext = new SessionFunctionContext(user, database, processId, chosen.serverVersion(),
                chosen.dialect().isPostgres(), settings, commands.settings());
        writer.send(new BackendMessage.AuthenticationOk());
        settings.reported().forEach((name, value) -> writer.send(new BackendMessage.ParameterStatus(name, value)));
        writer.send(new BackendMessage.BackendKeyData(processId, secretKey));
        activity.started(database, user, settings.find("application_name"));
        context.sessions().register(processId, secretKey, this);
        phase = Phase.READY;
        log.debug("{} - user {} database {} on backend {}", logPrefix, user, database, chosen.name());
        readyForQuery();
    }

    private void refused(AuthenticationException refused) {
        if (refused.silent()) {
            phase = Phase.TERMINATED;
        } else {
            fatal(refused.error());
        }
    }

    private void ready(FrontendMessage message) throws InterruptedException {
        try {
            switch (message) {
                case FrontendMessage.Query q -> {
                    runner.simpleQuery(q.sql());
                    readyForQuery();
                }
                case FrontendMessage.Parse p -> runner.parse(p);
                case FrontendMessage.Bind b -> runner.bind(b);
                case FrontendMessage.Describe d -> runner.describe(d);
                case FrontendMessage.Execute e -> runner.execute(e);
                case FrontendMessage.Close c -> runner.close(c);
                case FrontendMessage.Sync s -> {
                    runner.sync(true);
                    readyForQuery();
                }
                case FrontendMessage.Flush f -> writer.flush();
                case FrontendMessage.CopyData d -> {
                    // Outside COPY these are ignored, as PostgreSQL does after a failed COPY.
                }
                case FrontendMessage.CopyDone d -> {
                }
                case FrontendMessage.CopyFail f -> {
                }
                case FrontendMessage.FunctionCall f -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "the fast-path function call interface is not supported");
                default -> fatal(PgException.fatal(SqlState.PROTOCOL_VIOLATION,
                        "unexpected message " + message.getClass().getSimpleName() + " after startup"));
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (ClientWriter.ClientGoneException gone) {
            // Nobody to answer: stop the backend statement rather than read the rest of its result.
            runner.cancelRunning();
            phase = Phase.TERMINATED;
        } catch (Throwable t) {
            PgException error = ErrorMapper.map(t);
            if (terminatedBy != null && error.sqlState().equals(SqlState.QUERY_CANCELED.code())) {
                fatal(terminatedBy);   // pg_terminate_backend stopped the statement: the session ends, as it said
                return;
            }
            if (error.isFatal()) {
                fatal(error);
                return;
            }
            if (error.sqlState().startsWith("08") || error.sqlState().startsWith("57P")) {
                if (backend.isBroken()) {
                    // As PostgreSQL does when a backend dies: the session cannot go on, its transaction is gone.
                    fatal(new PgException("FATAL", SqlState.CONNECTION_FAILURE.code(),
                            "the backend connection was lost: " + error.getMessage(), null, null, 0, t));
                    return;
                }
            }
            error(error);
            if (message instanceof FrontendMessage.Query) {
                readyForQuery();
            } else {
                // Extended protocol: everything up to the next Sync is skipped.
                phase = Phase.FAILED_UNTIL_SYNC;
                writer.flush();
            }
        }
    }

    /** Reports an error; inside a transaction block the transaction is now failed. */
    void error(PgException error) {
        transactions.failed();
        writer.send(new BackendMessage.ErrorResponse(ErrorMapper.fields(error)));
    }

    private void fatal(PgException error) {
        if (!error.isFatal()) {
            error = new PgException("FATAL", error.sqlState(), error.getMessage(), error.detail(), error.hint(),
                    error.position(), error);
        }
        log.debug("{} - closing: {} {}", logPrefix, error.sqlState(), error.getMessage());
        writer.send(new BackendMessage.ErrorResponse(ErrorMapper.fields(error)));
        writer.flush();
        phase = Phase.TERMINATED;
    }

    /** As PostgreSQL 14+: reported settings whose value changed are announced just before ReadyForQuery. */
    private void readyForQuery() {
        // Idle before the client can read ReadyForQuery, as PostgreSQL reports it: a client that asks another
        // session about this one as soon as its answer came must not see it still active.
        activity.idle(transactionStatus, settings.find("application_name"));
        for (Map.Entry<String, String> changed : settings.changedSinceReported()) {
            writer.send(new BackendMessage.ParameterStatus(changed.getKey(), changed.getValue()));
        }
        writer.send(new BackendMessage.ReadyForQuery(transactionStatus.code));
        writer.flush();
        awaitingCommand = true;
    }

    @Override
    public StatActivity.Row activity() {
        return activity.row();
    }

    /** pg_cancel_backend / pg_terminate_backend called by this session's client. */
    @Override
    public boolean signal(int pid, boolean terminate) throws SQLException {
        try {
            return context.sessions().signal(functionContext.user(), pid, terminate, missing -> notice("WARNING",
                    SqlState.WARNING, "PID " + missing + " is not a PostgreSQL backend process"));
        } catch (PgException refused) {
            // Through the catalog engine's function call: H2 passes an SQLException on as it is.
            throw new SQLException(refused.getMessage(), refused.sqlState());
        }
    }

    /** The statement the client sent starts: pg_stat_activity shows it as active. */
    void running(String sql) {
        activity.running(sql);
    }

    /** Cancels the statement running now, if any; called from another connection's thread. */
    @Override
    public void cancel() {
        if (runner != null) {
            runner.cancelRunning();
        }
    }

    // ---- for QueryRunner and SessionCommands ----

    /**
     * How many Execute messages are already queued before the next Sync; -1 when no Sync has arrived yet, so the
     * batch may go on. Pipelining clients (pgjdbc's executeBatch) send a whole batch at once, so this tells whether
     * an Execute is one of several that PostgreSQL would run in one implicit transaction.
     */
    int queuedExecutesBeforeSync() {
        return inbox.executesBeforeSync();
    }

    SessionCommands commands() {
        return commands;
    }

    ClientWriter writer() {
        return writer;
    }

    BackendConnection backendConnection() {
        return backend;
    }

    SessionSettings settings() {
        return settings;
    }

    TransactionStatus transactionStatus() {
        return transactionStatus;
    }

    void transactionStatus(TransactionStatus status) {
        transactionStatus = status;
    }

    String logPrefix() {
        return logPrefix;
    }

    void notice(String severity, SqlState state, String message) {
        writer.send(new BackendMessage.NoticeResponse(
                new BackendMessage.Notice(severity, state.code(), message, null, null, 0, null)));
    }

    void sendRows(ResultColumns columns, List<Object[]> rows) throws SQLException {
        runner.sendRows(columns, rows);
    }

    TransactionCommands transactions() {
        return transactions;
    }

    SessionRegistry sessions() {
        return context.sessions();
    }

    QueryRunner runner() {
        return runner;
    }

    SessionFunctions.Context functionContext() {
        return functionContext;
    }

    /** What session functions answer: this session's user, database, process id and settings. */
}
