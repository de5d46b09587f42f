package io.plumbline.load;

import io.plumbline.model.spec.aws.Iam;
import io.plumbline.model.spec.aws.IamRole;
import java.util.Locale;
import java.util.Map;

/** What the schema cannot say about {@code spec.aws.iam}: role, policy and profile names unique. */
final class IamChecks {
    private static final String AT = "/spec/aws/iam";

    private IamChecks() {
    }

    static void check(Iam iam, Checks checks) {
        Map<String, String> roles = Checks.names();
        for (int i = 0; i < iam.roles().size(); i++) {
            IamRole role = iam.roles().get(i);
            String at = AT + "/roles/" + i;
            // IAM names are unique without regard to case.
            checks.unique(roles, role.name().toLowerCase(Locale.ROOT), at + "/name", "IAM role");
            Map<String, String> policies = Checks.names();
            for (int j = 0; j < role.policies().size(); j++) {
                checks.unique(policies, role.policies().get(j).name(), at + "/policies/" + j + "/name",
                        "inline policy");
            }
        }
        Map<String, String> profiles = Checks.names();
        for (int i = 0; i < iam.instanceProfiles().size(); i++) {
            checks.unique(profiles, iam.instanceProfiles().get(i).name().toLowerCase(Locale.ROOT),
                    AT + "/instanceProfiles/" + i + "/name", "instance profile");
        }
    }
}
