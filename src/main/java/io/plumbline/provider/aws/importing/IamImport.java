package io.plumbline.provider.aws.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plumbline.importer.Commented;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM roles carrying the scope's tags (or named), with their inline policies as files under {@code iam/}, their
 * managed policies by ARN and their instance profiles; each {@code adopt: true}. A trust policy that lets one
 * service assume the role is written as {@code {service: …}}, any other as a file.
 */
final class IamImport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final IamClient iam;
    private final Collected collected;

    IamImport(IamClient iam, Collected collected) {
        this.iam = iam;
        this.collected = collected;
    }

    /** {@code {roles: […], instanceProfiles: […]}}, or null when no role is in scope. */
    Map<String, Object> read(Map<String, String> tags, List<String> named) {
        List<Object> roles = new ArrayList<>();
        List<Object> profiles = new ArrayList<>();
        for (Role listed : iam.listRolesPaginator(r -> { }).roles()) {
            if (listed.path().startsWith("/aws-service-role/")) {
                continue;
            }
            List<Tag> roleTags = iam.listRoleTags(r -> r.roleName(listed.roleName())).tags();
            boolean inScope = named.contains(listed.roleName())
                    || !tags.isEmpty() && Ec2Names.carries(roleTags, Tag::key, Tag::value, tags);
            if (!inScope) {
                continue;
            }
            Role role = iam.getRole(r -> r.roleName(listed.roleName())).role();
            roles.add(new Commented(role.arn(), role(role, roleTags)));
            collected.count("IAM role");
            for (InstanceProfile p : iam.listInstanceProfilesForRolePaginator(r -> r.roleName(role.roleName()))
                    .instanceProfiles()) {
                Map<String, Object> profile = new LinkedHashMap<>();
                profile.put("name", p.instanceProfileName());
                profile.put("role", role.roleName());
                profile.put("adopt", true);
                profiles.add(new Commented(p.arn(), profile));
                collected.count("IAM instance profile");
            }
        }
        if (roles.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roles", roles);
        out.put("instanceProfiles", profiles.isEmpty() ? null : profiles);
        return out;
    }

    private Map<String, Object> role(Role role, List<Tag> tags) {
        String name = role.roleName();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        Map<String, Object> trust = document(role.assumeRolePolicyDocument());
        String service = onlyService(trust);
        out.put("assumeRolePolicy", service != null ? Map.of("service", service)
                : Map.of("file", file("iam/" + name + "-trust.json", trust)));
        List<Object> policies = new ArrayList<>();
        for (String policy : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
            Map<String, Object> document = document(iam.getRolePolicy(r -> r.roleName(name).policyName(policy))
                    .policyDocument());
            policies.add(Map.of("name", policy, "file", file("iam/" + name + "-" + policy + ".json", document)));
            collected.count("IAM inline policy");
        }
        out.put("policies", policies.isEmpty() ? null : policies);
        List<Object> managed = iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
                .stream().map(AttachedPolicy::policyArn).map(a -> (Object) a).toList();
        out.put("managedPolicies", managed.isEmpty() ? null : managed);
        Map<String, Object> written = Ec2Names.tags(tags, Tag::key, Tag::value);
        out.put("tags", written);
        out.put("adopt", true);
        return out;
    }

    /** The one service a trust policy lets assume the role, when that is all it says. */
    private static String onlyService(Map<String, Object> trust) {
        if (!(trust.get("Statement") instanceof List<?> statements) || statements.size() != 1
                || !(statements.get(0) instanceof Map<?, ?> s) || s.size() != 3 || !"Allow".equals(s.get("Effect"))
                || !"sts:AssumeRole".equals(s.get("Action")) || !(s.get("Principal") instanceof Map<?, ?> principal)
                || principal.size() != 1 || !(principal.get("Service") instanceof String service)) {
            return null;
        }
        return service;
    }

    private String file(String name, Map<String, Object> document) {
        // a role or policy name may hold characters (+=,@) a policy file's name may not
        String path = name.replaceAll("[^A-Za-z0-9._/-]", "-");
        try {
            collected.files.put(path, JSON.writeValueAsString(document) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return path;
    }

    /** IAM hands policy documents URL-encoded. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String encoded) {
        String text = encoded.trim().startsWith("{") ? encoded : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        try {
            return JSON.readValue(text, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy document IAM returned is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
