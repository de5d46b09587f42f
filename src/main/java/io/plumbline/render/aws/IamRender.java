package io.plumbline.render.aws;

import static io.plumbline.render.aws.AwsRender.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.aws.Iam;
import io.plumbline.model.spec.aws.IamRole;
import io.plumbline.model.spec.aws.PolicySource;
import io.plumbline.model.spec.aws.RolePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IAM roles (trust policy, attached managed policies, tags), their inline policies, and instance profiles. Policy
 * documents are rendered in {@link PolicyDocuments#canonical canonical form}, from the file or from the files the
 * environment names (read and checked when it loaded).
 */
final class IamRender {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamRender() {
    }

    static List<Resource> render(Iam iam, Map<String, String> files) {
        List<Resource> out = new ArrayList<>();
        for (IamRole role : iam.roles()) {
            out.add(resource(AwsKinds.IAM_ROLE, "", role.name(), Body.of()
                    .put("assumeRolePolicy", document(role.assumeRolePolicy(), files))
                    .put("managedPolicies", role.managedPolicies().stream().sorted().toList())
                    .put("tags", role.tags()).build()));
        }
        for (IamRole role : iam.roles()) {
            for (RolePolicy p : role.policies()) {
                out.add(resource(AwsKinds.IAM_ROLE_POLICY, role.name(), p.name(),
                        Body.of().put("document", document(p.source(), files)).build()));
            }
        }
        iam.instanceProfiles().forEach(p -> out.add(resource(AwsKinds.IAM_INSTANCE_PROFILE, "", p.name(),
                Body.of().put("role", p.role()).put("tags", p.tags()).build())));
        return out;
    }

    private static Map<String, Object> document(PolicySource source, Map<String, String> files) {
        if (source.service() != null) {
            return PolicyDocuments.trusting(source.service());
        }
        if (source.document() != null) {
            return PolicyDocuments.canonical(source.document());
        }
        String text = files.get(source.file());
        if (text == null) {
            throw new InvalidInputException(Problem.inFile(source.file(), "the policy document was not read "
                    + "with the environment"));
        }
        try {
            return PolicyDocuments.canonical(JSON.readValue(text, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Problem.inFile(source.file(), "not valid JSON: "
                    + e.getOriginalMessage()));
        }
    }
}
