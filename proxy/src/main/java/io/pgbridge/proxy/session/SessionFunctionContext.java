package io.pgbridge.proxy.session;

import java.sql.SQLException;

/**
 * What {@link SessionFunctions} ({@code current_user}, {@code version()}, {@code current_setting},
 * {@code set_config}…) read of one session: who it is, where, its process id and server version, and its settings.
 */
record SessionFunctionContext(String user, String database, int processId, String version, boolean postgresBackend,
                              SessionSettings settings, SettingCommands settingCommands)
        implements SessionFunctions.Context {

    @Override
    public String setting(String name) {
        return settings.find(name);
    }

    @Override
    public String setConfig(String name, String value, boolean local) throws SQLException {
        return settingCommands.setConfig(name, value, local);
    }

    @Override
    public boolean ownsSetting(String name) {
        return SettingCommands.ownedOnPostgres(name);
    }
}
