package io.pgbridge.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the command line asked for, before it is applied. Each overlay is empty when its flag was not
 * given, so {@link #resolve()} can apply flags over the file over the defaults.
 *
 * @param help {@code --help} or {@code -h}: print {@link CommandLine#usage()} and exit
 * @param version {@code --version}: print the version and exit
 * @param configFile {@code --config FILE}
 * @param host {@code --host H}
 * @param port {@code --port N}
 * @param backendUrl {@code --backend JDBC_URL}: replaces all backends with one named {@code default}
 * @param backendUser {@code --backend-user U}: user of the default backend
 * @param backendPassword {@code --backend-password P}, else env {@code PGBRIDGE_BACKEND_PASSWORD}
 * @param backendMode {@code --backend-mode jdbc|passthrough}, for the default backend
 * @param dataDir {@code --data-dir DIR}: also moves the embedded H2 database
 * @param env environment for {@code ${VAR}} in the config file
 * @param tlsMode {@code --tls disabled|enabled|required}
 * @param tlsCertificate {@code --tls-certificate FILE}, with {@code --tls-key FILE}
 * @param tlsKey {@code --tls-key FILE}
 * @param tlsSelfSigned {@code --tls-self-signed}: generate a certificate at start (development)
 * @param tlsClientCa {@code --tls-client-ca FILE}: authorities of client certificates
 * @param tlsClientCertificates {@code --tls-client-certificates none|optional|required}
 * @param unixSocketDirectory {@code --unix-socket-dir DIR}: also listen on {@code DIR/.s.PGSQL.PORT}
 */
public record CliOptions(
        boolean help,
        boolean version,
        Optional<Path> configFile,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> backendUrl,
        Optional<String> backendUser,
        Optional<String> backendPassword,
        Optional<BackendMode> backendMode,
        Optional<Path> dataDir,
        Map<String, String> env,
        Optional<TlsMode> tlsMode,
        Optional<Path> tlsCertificate,
        Optional<Path> tlsKey,
        boolean tlsSelfSigned,
        Optional<Path> tlsClientCa,
        Optional<ClientCertificateMode> tlsClientCertificates,
        Optional<Path> unixSocketDirectory) {

    public CliOptions {
        configFile = orEmpty(configFile);
        host = orEmpty(host);
        port = orEmpty(port);
        backendUrl = orEmpty(backendUrl);
        backendUser = orEmpty(backendUser);
        backendPassword = orEmpty(backendPassword);
        backendMode = orEmpty(backendMode);
        dataDir = orEmpty(dataDir);
        env = env == null ? Map.of() : Map.copyOf(env);
        tlsMode = orEmpty(tlsMode);
        tlsCertificate = orEmpty(tlsCertificate);
        tlsKey = orEmpty(tlsKey);
        tlsClientCa = orEmpty(tlsClientCa);
        tlsClientCertificates = orEmpty(tlsClientCertificates);
        unixSocketDirectory = orEmpty(unixSocketDirectory);
    }

    /** Without TLS flags. */
    public CliOptions(boolean help, boolean version, Optional<Path> configFile, Optional<String> host,
                      Optional<Integer> port, Optional<String> backendUrl, Optional<String> backendUser,
                      Optional<String> backendPassword, Optional<BackendMode> backendMode, Optional<Path> dataDir,
                      Map<String, String> env) {
        this(help, version, configFile, host, port, backendUrl, backendUser, backendPassword, backendMode, dataDir,
                env, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The configuration to run with: the config file (or the defaults) with the flags applied on top. */
    public PgbridgeConfig resolve() {
        PgbridgeConfig base = configFile.map(file -> ConfigLoader.load(file, env)).orElseGet(PgbridgeConfig::defaults);
        return applyTo(base);
    }

    /**
     * {@code base} with the flags applied, in this order: data dir, backend, backend user and password (on
     * the default backend, whichever it now is), host and port. Errors name the flag and the key it set.
     */
    public PgbridgeConfig applyTo(PgbridgeConfig base) {
        PgbridgeConfig config = base;
        if (dataDir.isPresent()) {
            Path dir = dataDir.get();
            config = flag("--data-dir", "", config, c -> c.withDataDir(dir));
        }
        if (backendUrl.isPresent()) {
            String url = backendUrl.get();
            config = flag("--backend", "backends." + BackendConfig.DEFAULT_NAME, config, c -> c.withOnlyBackend(
                    new BackendConfig(BackendConfig.DEFAULT_NAME, url, null, null, null, null)));
        }
        if (backendUser.isPresent() || backendPassword.isPresent()) {
            BackendConfig backend = config.defaultBackendConfig();
            backend = backendUser.map(backend::withUser).orElse(backend);
            backend = backendPassword.map(backend::withPassword).orElse(backend);
            config = config.withBackend(backend);
        }
        if (backendMode.isPresent()) {
            BackendMode mode = backendMode.get();
            config = flag("--backend-mode", "backends." + config.defaultBackend(), config,
                    c -> c.withBackend(c.defaultBackendConfig().withMode(mode)));
        }
        if (host.isPresent()) {
            String h = host.get();
            config = flag("--host", "listen", config, c -> c.withListen(c.listen().withHost(h)));
        }
        if (port.isPresent()) {
            int p = port.get();
            config = flag("--port", "listen", config, c -> c.withListen(c.listen().withPort(p)));
        }
        if (unixSocketDirectory.isPresent()) {
            Path dir = unixSocketDirectory.get();
            config = flag("--unix-socket-dir", "listen", config, c -> c.withListen(c.listen().withUnixSocket(
                    new UnixSocketConfig(dir, c.listen().unixSocket().permissions()))));
        }
        return applyTls(config);
    }

    /** Certificate source first (files or self-signed), then the mode, so {@code --tls required} may come alone. */
    private PgbridgeConfig applyTls(PgbridgeConfig config) {
        if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
            throw new ConfigException("command line", 0, "listen.tls",
                    "--tls-certificate and --tls-key go together: give both PEM files", null);
        }
        if (tlsCertificate.isPresent()) {
            Path certificate = tlsCertificate.get();
            Path key = tlsKey.get();
            config = flag("--tls-certificate", "listen", config,
                    c -> c.withListen(c.listen().withTls(c.listen().tls().withFiles(certificate, key))));
        }
        if (tlsSelfSigned) {
            config = flag("--tls-self-signed", "listen", config,
                    c -> c.withListen(c.listen().withTls(c.listen().tls().withSelfSigned())));
        }
        if (tlsClientCa.isPresent() || tlsClientCertificates.isPresent()) {
            config = flag(tlsClientCa.isPresent() ? "--tls-client-ca" : "--tls-client-certificates", "listen", config,
                    c -> c.withListen(c.listen().withTls(withClientCertificates(c.listen().tls()))));
        }
        if (tlsMode.isPresent()) {
            TlsMode mode = tlsMode.get();
            config = flag("--tls", "listen", config,
                    c -> c.withListen(c.listen().withTls(c.listen().tls().withMode(mode))));
        }
        return config;
    }

    /** The flags over the file: a CA alone keeps the file's mode, or asks for certificates if it had none. */
    private TlsConfig withClientCertificates(TlsConfig tls) {
        Path ca = tlsClientCa.orElse(tls.clientCaFile());
        ClientCertificateMode mode = tlsClientCertificates.orElse(
                tls.clientCertificates() == ClientCertificateMode.NONE ? null : tls.clientCertificates());
        return tls.withClientCertificates(ca, mode);
    }

    /** Never shows the password or the environment (which holds other people's secrets too). */
    @Override
    public String toString() {
        return "CliOptions[help=" + help + ", version=" + version + ", configFile=" + configFile + ", host=" + host
                + ", port=" + port + ", backendUrl=" + backendUrl.map(Secrets::maskUrl) + ", backendUser="
                + backendUser + ", backendPassword=" + backendPassword.map(p -> Secrets.MASK) + ", backendMode="
                + backendMode + ", dataDir="
                + dataDir + ", env=<" + env.size() + " variables>, tlsMode=" + tlsMode + ", tlsCertificate="
                + tlsCertificate + ", tlsKey=" + tlsKey + ", tlsSelfSigned=" + tlsSelfSigned + ", tlsClientCa=" + tlsClientCa
                + ", tlsClientCertificates=" + tlsClientCertificates + "]";
    }

    /** Applies one flag; a validation error is placed at "command line (--flag)" with the full key path. */
    private static PgbridgeConfig flag(
            String flag, String pathPrefix, PgbridgeConfig config, UnaryOperator<PgbridgeConfig> change) {
        try {
            return change.apply(config);
        } catch (ConfigException e) {
            throw e.locatedAt("command line (" + flag + ")", 0, ConfigException.join(pathPrefix, e.keyPath().orElse(null)));
        }
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
