/**
 * pgbridge configuration: immutable, validated records ({@link io.pgbridge.config.PgbridgeConfig} and its
 * parts), the YAML {@link io.pgbridge.config.ConfigLoader} and the {@link io.pgbridge.config.CommandLine}
 * overlay. Precedence is flags, then the config file, then built-in defaults.
 *
 * <p>YAML schema (snake_case keys; every key optional except {@code url} of a backend; unknown keys are
 * errors):
 *
 * <pre>{@code
 * listen: { host: 127.0.0.1, port: 5433, auth: trust, allow_trust_on_network: false,
 *           tls: enabled, tls_certificate: server.crt, tls_key: server.key, tls_self_signed: false,
 *           tls_client_ca: clients-ca.crt, tls_client_certificates: optional,    # none | optional | required
 *           io_threads: 0,                # event loops; 0 = one per core
 *           session_threads: platform }   # or virtual: the thread each session's statements run on
 * auth:                            # users make scram-sha-256 the default listen.auth
 *   users: { alice: "SCRAM-SHA-256$4096:salt$StoredKey:ServerKey" }   # or md5 + 32 hex digits
 *   rules: [ "hostssl all all 0.0.0.0/0 scram-sha-256" ]             # pg_hba style, first match wins;
 *                                  # also cert, and the option clientcert=verify-ca|verify-full;
 *                                  # passthrough: the client's user and password log in to the backend
 *   allow_cleartext_without_tls: false
 *   timeout: 60s
 *   failure_delay: 500ms
 * data_dir: ./data                 # relative to the working directory
 * default_backend: maria           # default: the first backend
 * backends:                        # default: one backend "default", embedded H2 under data_dir
 *   maria:                         # name: letters, digits, '_' and '-'
 *     url: jdbc:mariadb://127.0.0.1:3306/test
 *     user: root
 *     password: ${MARIA_PASSWORD:-}
 *     pool: { maximum_pool_size: 20, minimum_idle: 0, connection_timeout: 30s, idle_timeout: 10m, max_lifetime: 30m }
 *     properties: { useServerPrepStmts: "false" }   # extra JDBC properties
 * routes:                          # client database name -> backend name
 *   test: maria
 * limits: { max_message_size: 64MB, max_startup_packet_size: 10000, startup_timeout: 60s, fetch_size: 1000,
 *           shutdown_grace: 10s, max_connections: 1000,
 *           statement_timeout: 0, idle_in_transaction_session_timeout: 0, idle_session_timeout: 0,  # 0 = off
 *           max_connections_per_user: -1, max_connections_per_database: -1,                      # -1 = no limit
 *           user_connection_limits: { batch: 5 }, database_connection_limits: { reports: 20 },
 *           connection_rate_per_address: 50/s, connection_rate_exempt_loopback: false }
 * }</pre>
 *
 * <p>Values: {@code ${VAR}} and {@code ${VAR:-default}} expand from the environment in any value (not in
 * keys), {@code $${} is a literal {@code ${}. Durations: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h},
 * {@code 2d} or integer milliseconds; the three session timeouts take PostgreSQL's spelling instead ({@code 500ms},
 * {@code 30s}, {@code 2min}, {@code 1h}, {@code 1d}, a bare number being milliseconds), as SHOW shows them.
 * Sizes: integers or {@code K/KB/KiB}, {@code M/MB/MiB}, {@code G/GB/GiB} (all powers of 1024). Explicit YAML tags
 * and merge keys are refused.
 */
package io.pgbridge.config;
