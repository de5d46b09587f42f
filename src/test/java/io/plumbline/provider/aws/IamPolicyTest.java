package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/iam-policy.json lists exactly the actions the provider calls, so least privilege stays true. */
class IamPolicyTest {

    @Test
    void policyListsExactlyTheActionsTheSourcesCall() {
        Set<String> expected = new TreeSet<>(IamPolicy.calledInSources());
        expected.add(IamPolicy.ASSUME_ROLE);
        expected.addAll(IamPolicy.TAG_ON_CREATE);
        expected.add(IamPolicy.PASS_ROLE);
        expected.addAll(IamPolicy.secretReadsInSources());
        assertThat(IamPolicy.declared()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void secretsAreReadOnlyWhereTheyAreNamedAndDecryptedOnlyWithTheKeysTaggedForSops() {
        assertThat(IamPolicy.secretReadsInSources()).containsExactlyInAnyOrder("secretsmanager:GetSecretValue",
                "ssm:GetParameter", "kms:Decrypt");
        var reads = IamPolicy.statement("PlumblineReadsSecrets");
        assertThat(reads.get("Resource").toString()).doesNotContain("\"*\"")
                .contains("arn:aws:secretsmanager:*:*:secret:plumbline/*", "arn:aws:ssm:*:*:parameter/plumbline/*");
        var kms = IamPolicy.statement("PlumblineDecryptsSopsDataKeys");
        assertThat(kms.get("Action").toString()).isEqualTo("[\"kms:Decrypt\"]");
        assertThat(kms.at("/Condition/StringEquals/aws:ResourceTag~1plumbline:sops").asText()).isEqualTo("true");
    }
}
