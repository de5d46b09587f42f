package io.plumbline.provider.aws.ecr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.EcrRepository;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * ECR repositories: created with their settings and ownership tags, kept true, and deleted (when pruned) only if
 * they hold no images or were declared with {@code deleteWithImages}, which is recorded in a tag so it outlives
 * the declaration. ECR reads lifecycle policies and tags one repository at a time: lifecycle policies are read
 * only for repositories that declare one, tags only for deletion candidates when pruning is on, and those once for
 * all environments within a short lifetime ({@link RepositoryTags}), and again right before a deletion. The list of
 * repositories is shared too ({@link io.plumbline.provider.aws.SharedReads}): each environment listing every
 * repository of the account would grow with the number of environments times their repositories.
 */
public final class EcrRepositories implements AwsKind {
    static final String DELETE_WITH_IMAGES_TAG = "plumbline:delete-with-images";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RepositoryTags tags;

    public EcrRepositories() {
        this(Clock.systemUTC());
    }

    EcrRepositories(Clock clock) {
        this.tags = new RepositoryTags(clock);
    }

    @Override
    public String kind() {
        return AwsKinds.ECR_REPOSITORY;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Map<String, Resource> declared = desired.stream().collect(Collectors.toMap(r -> r.key().name(), r -> r));
        boolean prune = ctx.pruneEnabled();
        tags.expire();
        List<Resource> out = new ArrayList<>();
        for (Repository repo : repositories(ctx)) {
            Resource wanted = declared.get(repo.repositoryName());
            if (wanted != null) {
                out.add(new Resource(wanted.key(), body(ctx, repo, wanted.body().containsKey("lifecyclePolicy")),
                        true));
            } else if (prune) {
                out.add(candidate(ctx, repo));
            }
        }
        return out;
    }

    /** Every repository of the account, listed once for all environments within a few seconds. */
    private static List<Repository> repositories(AwsContext ctx) {
        return ctx.lookup().accountWide("ECR repositories", () -> ctx.aws().ecr()
                .describeRepositoriesPaginator(r -> { }).repositories().stream().toList());
    }

    private static Map<String, Object> body(AwsContext ctx, Repository repo, boolean withLifecycle) {
        return Body.of().put("tagMutability", repo.imageTagMutabilityAsString())
                .put("scanOnPush", repo.imageScanningConfiguration() != null
                        && Boolean.TRUE.equals(repo.imageScanningConfiguration().scanOnPush()))
                .put("lifecyclePolicy", withLifecycle ? lifecycle(ctx, repo.repositoryName()) : null).build();
    }

    private static Map<String, Object> lifecycle(AwsContext ctx, String name) {
        try {
            String text = ctx.aws().ecr().getLifecyclePolicy(r -> r.repositoryName(name)).lifecyclePolicyText();
            return JSON.readValue(text, new TypeReference<>() { });
        } catch (LifecyclePolicyNotFoundException e) {
            return null;
        } catch (JsonProcessingException e) {
            throw ProviderException.refused("aws: the lifecycle policy of ECR repository " + name
                    + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** An undeclared repository that pruning might delete: whether it is ours decides, from its tags. */
    private Resource candidate(AwsContext ctx, Repository repo) {
        Map<String, String> tags = this.tags.of(ctx.aws(), repo);
        Map<String, Object> body = new LinkedHashMap<>(body(ctx, repo, false));
        body.put("deleteWithImages", "true".equals(tags.get(DELETE_WITH_IMAGES_TAG)));
        return new Resource(ResourceKey.of(AwsKinds.PROVIDER, AwsKinds.ECR_REPOSITORY, "", repo.repositoryName()),
                body, ctx.owned(tags));
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        switch (change.action()) {
            case CREATE -> create(ctx, name, change.desired().body());
            case UPDATE -> update(ctx, name, change);
            case DELETE -> delete(ctx, name);
            default -> { }
        }
    }

    private static void create(AwsContext ctx, String name, Map<String, Object> body) {
        List<Tag> tags = tags(ctx, declared(ctx, name));
        ctx.aws().ecr().createRepository(r -> r.repositoryName(name)
                .imageTagMutability((String) body.get("tagMutability"))
                .imageScanningConfiguration(s -> s.scanOnPush((Boolean) body.get("scanOnPush"))).tags(tags));
        if (body.containsKey("lifecyclePolicy")) {
            putLifecycle(ctx, name, body);
        }
    }

    private static void update(AwsContext ctx, String name, Change change) {
        Map<String, Object> body = change.desired().body();
        Set<String> fields = change.topFields();
        if (fields.contains("tagMutability")) {
            ctx.aws().ecr().putImageTagMutability(r -> r.repositoryName(name)
                    .imageTagMutability((String) body.get("tagMutability")));
        }
        if (fields.contains("scanOnPush")) {
            ctx.aws().ecr().putImageScanningConfiguration(r -> r.repositoryName(name)
                    .imageScanningConfiguration(s -> s.scanOnPush((Boolean) body.get("scanOnPush"))));
        }
        if (fields.contains("lifecyclePolicy")) {
            putLifecycle(ctx, name, body);
        }
    }

    private static void putLifecycle(AwsContext ctx, String name, Map<String, Object> body) {
        try {
            String text = JSON.writeValueAsString(body.get("lifecyclePolicy"));
            ctx.aws().ecr().putLifecyclePolicy(r -> r.repositoryName(name).lifecyclePolicyText(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rendered lifecycle policy is always JSON", e);
        }
    }

    /** The plan's ownership may rest on tags read a little earlier: they are read again before anything is lost. */
    private void delete(AwsContext ctx, String name) {
        Repository repo = ctx.aws().ecr().describeRepositories(r -> r.repositoryNames(name)).repositories().get(0);
        Map<String, String> now = tags.fresh(ctx.aws(), repo);
        if (!ctx.owned(now)) {
            throw ProviderException.refused("aws: ECR repository " + name + " no longer carries this environment's"
                    + " marks (its tags changed since the plan); it is kept");
        }
        boolean withImages = "true".equals(now.get(DELETE_WITH_IMAGES_TAG));
        boolean empty = ctx.aws().ecr().describeImages(r -> r.repositoryName(name).maxResults(1)).imageDetails()
                .isEmpty();
        if (!empty && !withImages) {
            throw ProviderException.refused("aws: ECR repository " + name + " still holds images and was not "
                    + "declared with deleteWithImages: true; it is kept");
        }
        ctx.aws().ecr().deleteRepository(r -> r.repositoryName(name).force(!empty));
    }

    private static EcrRepository declared(AwsContext ctx, String name) {
        return ctx.spec().ecr().repositories().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static List<Tag> tags(AwsContext ctx, EcrRepository repo) {
        Map<String, String> tags = ctx.ownershipTags();
        if (repo.deleteWithImages()) {
            tags.put(DELETE_WITH_IMAGES_TAG, "true");
        }
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }
}
