package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.testing.MemoryFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;

/**
 * A certificate removed by one commit and declared again by the next, within the hour ACM keeps an idempotency
 * token, is requested anew: its token is the commit's, not the domain's alone (ACM, and moto, answer an old token with
 * the certificate it made, even once deleted). The crash campaign found it: the ECR repository and certificate it adds,
 * removes and adds again.
 */
class CertificateAgainIT {
    private static final String DOMAIN = "again.example.com";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = SeededAccount.empty(MOTO);

    @Test
    void aCertificateDeclaredAgainByALaterCommitIsRequestedAnewAndIssued() {
        account.hand().route53().createHostedZone(r -> r.name("example.com").callerReference("zone-again"));
        AwsProvider provider = account.provider();
        NetworkIT.applyClean(provider, environment("c1c1c1c1c1c1", true, "Declare the certificate"));
        String first = issued().get(0).certificateArn();

        NetworkIT.applyClean(provider, environment("c2c2c2c2c2c2", false,
                "Remove it\n\nPlumbline-Allow-Deletes: 10"));
        assertThat(issued()).as("after the commit that removes it").isEmpty();

        LoadedEnvironment again = environment("c3c3c3c3c3c3", true, "Declare it again");
        NetworkIT.applyClean(provider, again);
        assertThat(issued()).as("declared again").hasSize(1)
                .noneMatch(c -> c.certificateArn().equals(first));
        assertThat(Reconciles.plan(provider, again).hasWrites()).as("a fresh plan").isFalse();
    }

    private List<CertificateSummary> issued() {
        return account.hand().acm().listCertificates().certificateSummaryList().stream()
                .filter(c -> c.domainName().equals(DOMAIN) && c.status() == CertificateStatus.ISSUED).toList();
    }

    private static LoadedEnvironment environment(String commit, boolean certificate, String message) {
        String file = "environments/edge.yaml";
        String text = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: edge}
                spec:
                  sync: {prune: true}
                  aws:
                    region: us-west-2
                    accountId: "%s"
                    ecr:
                      repositories:
                        - {name: kept}
                %s""".formatted(MotoServer.ACCOUNT, certificate ? "    certificates:\n      - {domain: " + DOMAIN
                + ", validation: dns, zone: example.com}\n" : "");
        LoadedEnvironment env = new EnvironmentLoader().load(new MemoryFiles(Map.of(file,
                text.getBytes(StandardCharsets.UTF_8))), file);
        return new LoadedEnvironment(env.file(), env.environment(), env.manifests(),
                new Revision(commit, "main", message), env.files());
    }
}
