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
        assertThat(IamPolicy.declared()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
