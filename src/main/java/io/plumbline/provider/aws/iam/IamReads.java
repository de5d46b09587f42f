package io.plumbline.provider.aws.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.render.aws.PolicyDocuments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM reads of one reconcile, each made once and shared by the three IAM kinds: every role with its trust
 * policy, inline policy documents, attached policies and tags in one paginated GetAccountAuthorizationDetails, and
 * every instance profile in one paginated ListInstanceProfiles. IAM's listings leave tags out of instance profiles
 * (moto includes them), so a profile listed without tags has them read on its own, and only when it matters.
 */
final class IamReads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamReads() {
    }

    /**
     * Whether IAM must be read at all: the environment declares IAM, or pruning is on and something it once declared
     * may have to go. Otherwise an environment without IAM costs no IAM call and needs no IAM permission.
     */
    static boolean needed(AwsContext ctx) {
        return !ctx.spec().iam().roles().isEmpty() || !ctx.spec().iam().instanceProfiles().isEmpty()
                || ctx.pruneEnabled();
    }

    static List<RoleDetail> roles(AwsContext ctx) {
        return ctx.lookup().accountWideIam("IAM roles", () -> ctx.aws().iam()
                .getAccountAuthorizationDetailsPaginator(r -> r.filter(EntityType.ROLE)).roleDetailList().stream()
                .toList());
    }

    static List<InstanceProfile> instanceProfiles(AwsContext ctx) {
        return ctx.lookup().accountWideIam("IAM instance profiles", () -> ctx.aws().iam()
                .listInstanceProfilesPaginator(r -> { }).instanceProfiles().stream().toList());
    }

    static Map<String, String> tags(InstanceProfile profile, AwsContext ctx) {
        if (profile.hasTags() && !profile.tags().isEmpty()) {
            return AwsMarks.iam(profile.tags());
        }
        return AwsMarks.iam(ctx.aws().iam().listInstanceProfileTagsPaginator(r -> r.instanceProfileName(
                profile.instanceProfileName())).tags().stream().toList());
    }

    /** The declared tags and the marks, as IAM takes them: creating, adopting and re-tagging write one set. */
    static List<Tag> marked(AwsContext ctx, Map<String, Object> body) {
        Map<String, String> tags = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, String> declared = (Map<String, String>) body.getOrDefault("tags", Map.of());
        tags.putAll(declared);
        tags.putAll(ctx.ownershipTags());
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    /**
     * A policy document as IAM returns it, in canonical form. IAM returns documents URL-encoded (RFC 3986, so a
     * literal '+' never appears encoded as itself); a document that is already JSON is read as it is.
     */
    static Map<String, Object> document(String text, String what) {
        String json = text.stripLeading().startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
        try {
            return PolicyDocuments.canonical(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw ProviderException.refused("aws: the policy document of " + what + " is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rendered policy document is always JSON", e);
        }
    }
}
