package io.pgbridge.proxy.passthrough;

import io.pgbridge.proxy.auth.ScramCrypto;

import io.pgbridge.config.BackendConfig;
import io.pgbridge.config.BackendMode;
import io.pgbridge.config.PgbridgeConfig;
import io.pgbridge.config.PoolConfig;
import io.pgbridge.proxy.it.RawPgClient;
import io.pgbridge.proxy.it.RunningProxy;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pass-through mode authenticating to a PostgreSQL that demands SCRAM-SHA-256. The local PostgreSQL trusts
 * loopback, so the server here is a small stand-in that speaks PostgreSQL's startup and SASL exchange and checks the
 * proof the way PostgreSQL does (StoredKey = H(ClientProof XOR ClientSignature)); then it answers one query.
 */
class PassthroughScramIT {
    private static final String PASSWORD = "correct horse";

    @Test
    void authenticatesWithScramThenRelays() throws Exception {
        try (StandInPostgres server = new StandInPostgres(PASSWORD);
             RunningProxy proxy = proxyTo(server.port(), PASSWORD);
             RawPgClient client = new RawPgClient("127.0.0.1", proxy.port())) {
            List<RawPgClient.Message> startup = client.startup("alice", "app");
            assertThat(startup).extracting(RawPgClient.Message::type).contains('R', 'K').endsWith('Z');
            List<RawPgClient.Message> answer = client.query("select answer");
            assertThat(answer).extracting(RawPgClient.Message::type).containsExactly('T', 'D', 'C', 'Z');
            assertThat(answer.get(1).bodyText()).endsWith("42");
            assertThat(server.lastUser).isEqualTo("pgbridge_user");
        }
    }

    @Test
    void aWrongPasswordIsRefusedByTheBackendAndReported() throws Exception {
        try (StandInPostgres server = new StandInPostgres(PASSWORD);
             RunningProxy proxy = proxyTo(server.port(), "wrong");
             RawPgClient client = new RawPgClient("127.0.0.1", proxy.port())) {
            List<RawPgClient.Message> startup = client.startup("alice", "app");
            assertThat(startup).hasSize(1);
            assertThat(startup.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "28P01");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    private static RunningProxy proxyTo(int port, String password) throws Exception {
        BackendConfig backend = new BackendConfig(BackendConfig.DEFAULT_NAME, "jdbc:postgresql://127.0.0.1:" + port
                + "/app", "pgbridge_user", password, PoolConfig.defaults(), Map.of(), BackendMode.PASSTHROUGH);
        return RunningProxy.start(PgbridgeConfig.defaults().withOnlyBackend(backend), "stand-in");
    }

    /** One connection at a time: startup, SCRAM-SHA-256, then "42" for any query. */
    static final class StandInPostgres implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final String password;
        private final Thread thread;
        volatile String lastUser;

        StandInPostgres(String password) throws IOException {
            this.password = password;
            thread = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        serve(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
                    } catch (Exception e) {
                        // the next connection gets a fresh start
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(DataInputStream in, DataOutputStream out) throws Exception {
            byte[] startup = new byte[in.readInt() - 4];
            in.readFully(startup);
            String[] params = new String(startup, 4, startup.length - 4, StandardCharsets.UTF_8).split("\0");
            for (int i = 0; i + 1 < params.length; i += 2) {
                if (params[i].equals("user")) {
                    lastUser = params[i + 1];
                }
            }
            send(out, 'R', concat(intBytes(10), "SCRAM-SHA-256\0\0".getBytes(StandardCharsets.UTF_8)));
            byte[] initial = readMessage(in, 'p');
            int nul = indexOf(initial, (byte) 0);
            int length = java.nio.ByteBuffer.wrap(initial, nul + 1, 4).getInt();
            String clientFirst = new String(initial, nul + 5, length, StandardCharsets.UTF_8);
            String clientFirstBare = clientFirst.substring(clientFirst.indexOf(",,") + 2);
            String nonce = clientFirstBare.substring(clientFirstBare.indexOf("r=") + 2) + "standin";
            byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
            String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=4096";
            send(out, 'R', concat(intBytes(11), serverFirst.getBytes(StandardCharsets.UTF_8)));
            String clientFinal = new String(readMessage(in, 'p'), StandardCharsets.UTF_8);
            String withoutProof = clientFinal.substring(0, clientFinal.indexOf(",p="));
            byte[] proof = Base64.getDecoder().decode(clientFinal.substring(clientFinal.indexOf(",p=") + 3));
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 4096, 256)).getEncoded();
            byte[] storedKey = ScramCrypto.sha256(ScramCrypto.hmac(salted, "Client Key"));
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] signature = ScramCrypto.hmac(storedKey, authMessage);
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ signature[i]);
            }
            if (!MessageDigest.isEqual(ScramCrypto.sha256(clientKey), storedKey)) {
                send(out, 'E', ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"" + lastUser
                        + "\"\0\0").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] serverSignature = ScramCrypto.hmac(ScramCrypto.hmac(salted, "Server Key"), authMessage);
            send(out, 'R', concat(intBytes(12),
                    ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8)));
            send(out, 'R', intBytes(0));
            send(out, 'S', "server_version\u000015.0\u0000".getBytes(StandardCharsets.UTF_8));
            send(out, 'K', concat(intBytes(77), intBytes(1234)));
            send(out, 'Z', new byte[]{'I'});
            while (true) {
                int type = in.read();
                if (type < 0 || type == 'X') {
                    return;
                }
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                // T: one int4 column "answer"; D: "42"; C: SELECT 1; Z: idle
                send(out, 'T', concat(new byte[]{0, 1}, "answer\0".getBytes(StandardCharsets.UTF_8),
                        intBytes(0), new byte[]{0, 0}, intBytes(23), new byte[]{0, 4}, intBytes(-1), new byte[]{0, 0}));
                send(out, 'D', concat(new byte[]{0, 1}, intBytes(2), "42".getBytes(StandardCharsets.UTF_8)));
                send(out, 'C', "SELECT 1\0".getBytes(StandardCharsets.UTF_8));
                send(out, 'Z', new byte[]{'I'});
            }
        }

        private static byte[] readMessage(DataInputStream in, char expected) throws IOException {
            int type = in.read();
            if (type != expected) {
                throw new IOException("expected " + expected + ", got " + type);
            }
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            return body;
        }

        private static void send(DataOutputStream out, char type, byte[] body) throws IOException {
            out.writeByte(type);
            out.writeInt(body.length + 4);
            out.write(body);
            out.flush();
        }

        private static byte[] intBytes(int v) {
            return java.nio.ByteBuffer.allocate(4).putInt(v).array();
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                b.writeBytes(p);
            }
            return b.toByteArray();
        }

        private static int indexOf(byte[] bytes, byte value) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == value) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
