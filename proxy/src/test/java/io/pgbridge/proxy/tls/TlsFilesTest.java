package io.pgbridge.proxy.tls;

import io.pgbridge.config.ClientCertificateMode;
import io.pgbridge.config.TlsConfig;
import io.pgbridge.config.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsFilesTest {
    @TempDir
    Path dir;

    @Test
    void filesThatCannotServeFailAtStartSayingWhichAndWhy() throws Exception {
        SelfSignedCertificate one = SelfSignedCertificate.generate(dir.resolve("one"));
        SelfSignedCertificate other = SelfSignedCertificate.generate(dir.resolve("other"));
        Path missingCa = dir.resolve("missing-ca.crt");
        assertThatThrownBy(() -> ServerTls.start(new TlsConfig(TlsMode.ENABLED, one.certificateFile(), one.keyFile(),
                false, missingCa, ClientCertificateMode.OPTIONAL), dir)).isInstanceOf(IOException.class)
                .hasMessage("cannot read client CA file " + missingCa + ": no such file");
        assertThatThrownBy(() -> ServerTls.start(new TlsConfig(TlsMode.ENABLED, one.certificateFile(),
                other.keyFile(), false), dir)).isInstanceOf(GeneralSecurityException.class)
                .hasMessage(other.keyFile() + " is not the private key of the certificate in " + one.certificateFile());
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello\n");
        assertThatThrownBy(() -> ServerTls.start(new TlsConfig(TlsMode.ENABLED, one.certificateFile(), notAKey,
                false), dir)).hasMessage(notAKey + " holds no unencrypted PEM private key");
    }

    @Test
    void aClientCaMakesTheServerAskForCertificates() throws Exception {
        SelfSignedCertificate one = SelfSignedCertificate.generate(dir.resolve("one"));
        ServerTls tls = ServerTls.start(new TlsConfig(TlsMode.ENABLED, one.certificateFile(), one.keyFile(), false,
                one.certificateFile(), ClientCertificateMode.REQUIRED), dir);
        assertThat(tls.asksForClientCertificates()).isTrue();
        assertThat(tls.newHandler(io.netty.buffer.ByteBufAllocator.DEFAULT, false).engine().getNeedClientAuth())
                .isTrue();
        ServerTls optional = ServerTls.start(new TlsConfig(TlsMode.ENABLED, one.certificateFile(), one.keyFile(),
                false, one.certificateFile(), ClientCertificateMode.OPTIONAL), dir);
        assertThat(optional.newHandler(io.netty.buffer.ByteBufAllocator.DEFAULT, false).engine().getWantClientAuth())
                .isTrue();
        assertThat(tls.fingerprint()).isEqualTo(ServerTls.fingerprint(one.certificate()));
    }
}
