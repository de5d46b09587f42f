package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Marks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.acm.model.Tag;

/**
 * The account's certificates are listed only when the environment may own one: most environments declare none, and
 * a drift check of each would otherwise list them all. A marked certificate is still found and pruned.
 */
class CertificateReadsIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final SeededAccount account = SeededAccount.empty(MOTO);

    private long certificateLists() {
        return account.provider().calls().calls().stream()
                .filter(c -> c.operation().equals("ListCertificates")).count();
    }

    @Test
    void anEnvironmentWithoutCertificatesDoesNotListThem() {
        account.hand().acm().requestCertificate(r -> r.domainName("someone-elses.example.com"));
        account.provider().calls().clear();

        ChangeSet plan = plan(account.provider(), Fixture.load("aws/ecr.yaml").environment());

        assertThat(certificateLists()).isZero();
        assertThat(plan.changes()).noneMatch(c -> c.key().kind().equals("Certificate"));
    }

    @Test
    void aCertificateCarryingTheEnvironmentsMarksIsStillFoundAndPruned() {
        account.hand().acm().requestCertificate(r -> r.domainName("old.example.com").tags(
                Tag.builder().key(Marks.AWS_ENVIRONMENT_TAG).value("team").build(),
                Tag.builder().key(Marks.AWS_MANAGED_TAG).value("true").build()));
        account.provider().calls().clear();

        ChangeSet plan = plan(account.provider(), Fixture.load("aws/ecr.yaml").environment());

        assertThat(certificateLists()).isEqualTo(1);
        assertThat(plan.with(Action.DELETE)).extracting(c -> c.key().kind() + " " + c.key().name())
                .containsExactly("Certificate old.example.com");
    }
}
