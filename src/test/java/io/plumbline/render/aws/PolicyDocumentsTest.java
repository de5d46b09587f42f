package io.plumbline.render.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents IAM reads alike have one canonical form; documents IAM reads differently do not. */
class PolicyDocumentsTest {

    @Test
    void oneStatementAndOneStringReadAsListsInAnyOrder() {
        Map<String, Object> compact = Map.of("Version", "2012-10-17", "Statement", Map.of("Effect", "Allow",
                "Action", "ecr:BatchGetImage", "Resource", "*", "Principal", Map.of("Service", "ec2.amazonaws.com")));
        Map<String, Object> spelled = Map.of("Statement", List.of(Map.of("Resource", List.of("*"),
                "Principal", Map.of("Service", List.of("ec2.amazonaws.com")), "Effect", "Allow",
                "Action", List.of("ecr:BatchGetImage", "ecr:BatchGetImage"))), "Version", "2012-10-17");

        assertThat(PolicyDocuments.canonical(compact)).isEqualTo(PolicyDocuments.canonical(spelled))
                .hasToString("{Statement=[{Action=[ecr:BatchGetImage], Effect=Allow, Principal={Service="
                        + "[ec2.amazonaws.com]}, Resource=[*]}], Version=2012-10-17}");
    }

    @Test
    void conditionValuesAreSetsOfStringsAndStatementsKeepTheirOrder() {
        Map<String, Object> a = Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Deny", "Action", "s3:*", "Resource", "*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", false))),
                Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*")));
        Map<String, Object> b = Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Deny", "Action", "s3:*", "Resource", "*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", List.of("false")))),
                Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*")));
        Map<String, Object> reordered = Map.of("Version", "2012-10-17", "Statement", List.of(
                ((List<?>) b.get("Statement")).get(1), ((List<?>) b.get("Statement")).get(0)));

        assertThat(PolicyDocuments.canonical(a)).isEqualTo(PolicyDocuments.canonical(b))
                .isNotEqualTo(PolicyDocuments.canonical(reordered));
    }

    @Test
    void aServiceTrustPolicyIsTheUsualAssumeRoleDocument() {
        assertThat(PolicyDocuments.trusting("ec2.amazonaws.com")).hasToString("{Statement=[{Action=[sts:AssumeRole], "
                + "Effect=Allow, Principal={Service=[ec2.amazonaws.com]}}], Version=2012-10-17}");
    }
}
