package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.RefusedException;
import io.plumbline.testing.Signers;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits signed with {@code git commit -S} by Debian's ssh-keygen and gpg, checked as the service checks them. */
class SignedCommitsIT {
    @TempDir
    Path tmp;
    TestRepo remote;
    Signers signers;
    GitSource source;

    @BeforeEach
    void setUp() throws Exception {
        remote = TestRepo.withFiles(tmp, Map.of("environments/staging.yaml", "kind: Environment\n"));
        signers = new Signers(Files.createDirectories(tmp.resolve("keys")));
        source = new GitSource(new GitSettings(remote.url(), "main", tmp.resolve("cache"), null, null, null, null,
                List.of(), Duration.ofSeconds(10)));
    }

    @AfterEach
    void tearDown() {
        source.close();
        remote.close();
    }

    @Test
    void sshOnlyAGoodSignatureByAnAllowedKeyPasses() throws Exception {
        Path allowed = signers.sshKey("allowed");
        Path stranger = signers.sshKey("stranger");
        SignatureCheck check = source.signatures(new SignaturePolicy(SignaturePolicy.Mode.SSH,
                signers.allowedSigners(allowed)));

        String unsigned = remote.write("a.txt", "1").commitAll("Unsigned");
        String byStranger = signers.commitSsh(remote.dir(), stranger, "Signed by a key nobody allowed");
        String good = signers.commitSsh(remote.dir(), allowed, "Signed by an allowed key");
        source.fetch();

        assertThatThrownBy(() -> check.verify(unsigned)).isInstanceOf(RefusedException.class)
                .hasMessageContaining(unsigned.substring(0, 12)).hasMessageContaining("is not signed");
        assertThatThrownBy(() -> check.verify(byStranger)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("not signed by an allowed SSH key");
        assertThatCode(() -> check.verify(good)).doesNotThrowAnyException();
    }

    @Test
    void gpgOnlyAGoodSignatureByAKeyInTheKeyringPasses() throws Exception {
        Path allowed = signers.gpgHome("allowed");
        Path stranger = signers.gpgHome("stranger");
        try {
            SignatureCheck check = source.signatures(new SignaturePolicy(SignaturePolicy.Mode.GPG,
                    signers.exportedKeyring(allowed)));

            String unsigned = remote.write("a.txt", "1").commitAll("Unsigned");
            String byStranger = signers.commitGpg(remote.dir(), stranger, "Signed by a key nobody allowed");
            String good = signers.commitGpg(remote.dir(), allowed, "Signed by an allowed key");
            String sshSigned = signers.commitSsh(remote.dir(), signers.sshKey("ssh"), "An SSH signature");
            source.fetch();

            assertThatThrownBy(() -> check.verify(unsigned)).hasMessageContaining("is not signed");
            assertThatThrownBy(() -> check.verify(byStranger)).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("not in the allowed keyring");
            assertThatThrownBy(() -> check.verify(sshSigned)).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("not an OpenPGP signature");
            assertThatCode(() -> check.verify(good)).doesNotThrowAnyException();
        } finally {
            signers.stopAgent(allowed);
            signers.stopAgent(stranger);
        }
    }

    @Test
    void aVerificationModeWithoutAReadableKeyFileIsAConfigurationError() {
        assertThatThrownBy(() -> SignaturePolicy.of("ssh", tmp.resolve("missing").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plumbline.git.verify-keys");
        assertThatThrownBy(() -> SignaturePolicy.of("x509", "")).hasMessageContaining("ssh, gpg or none");
    }
}
