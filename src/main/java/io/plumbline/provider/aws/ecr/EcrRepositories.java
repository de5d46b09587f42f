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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * ECR repositories: created with their settings and ownership tags, kept true, and deleted (when pruned) only if
 * they hold no images or were declared with {@code deleteWithImages}, which is recorded in a tag so it outlives
 * the declaration. ECR reads lifecycle policies and tags one repository at a time: lifecycle policies are read
 * only for repositories that declare one, tags only when pruning is on, and those once for all environments within
 * the lifetime of {@link RepositoryTags}. The list of repositories is shared too
 * ({@link io.plumbline.provider.aws.SharedReads}), and so is the index of which environment's marks each one carries
 * ({@link MarkedRepositories}), built once per shared list: an environment's check looks up its declared
 * repositories by name and its candidates for pruning by its marks, and its work does not grow with the
 * repositories of the other environments. A repository without this environment's marks that it does not declare
 * is not observed at all: it could never be deleted.
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
        Map<String, Repository> all = repositories(ctx);
        List<Resource> out = new ArrayList<>();
        for (Resource wanted : desired) {
            Repository repo = all.get(wanted.key().name());
            if (repo != null) {
                out.add(new Resource(wanted.key(), body(ctx, repo, wanted.body().containsKey("lifecyclePolicy")),
                        true));
            }
        }
        if (ctx.pruneEnabled()) {
            Set<String> declared = desired.stream().map(r -> r.key().name()).collect(Collectors.toSet());
            marked(ctx, all).of(ctx.environment()).stream()
                    .filter(m -> !declared.contains(m.repository().repositoryName()))
                    .forEach(m -> candidate(ctx, m).ifPresent(out::add));
        }
        return out;
    }

    /** Every repository of the account by name, listed once for all environments within a few seconds. */
    private static Map<String, Repository> repositories(AwsContext ctx) {
        return ctx.lookup().accountWide("ECR repositories", () -> ctx.aws().ecr()
                .describeRepositoriesPaginator(r -> { }).repositories().stream()
                .collect(Collectors.toMap(Repository::repositoryName, r -> r, (a, b) -> a, LinkedHashMap::new)));
    }

    /**
     * The repositories of the account by the marks they carry, built once per shared list for all environments. One
     * build at a time: environments whose checks start together would otherwise each read the tags that expired.
     */
    private MarkedRepositories marked(AwsContext ctx, Map<String, Repository> all) {
        return ctx.lookup().accountWide("ECR repositories by their marks", () -> {
            synchronized (tags) {
                tags.expire();
                return MarkedRepositories.of(all.values(), repo -> tags.of(ctx.aws(), repo));
            }
        });
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

    /**
     * An undeclared repository carrying this environment's marks, which pruning may delete unless it is also
     * {@code shared}. Read past the shared reads (to confirm the marks before a deletion), its tags are read from
     * AWS now, and one that no longer carries the marks is not found: the deletion is refused.
     */
    private Optional<Resource> candidate(AwsContext ctx, MarkedRepositories.Marked marked) {
        Repository repo = marked.repository();
        Map<String, String> now = ctx.lookup().sharing() ? marked.tags() : tags.fresh(ctx.aws(), repo);
        if (!ctx.marked(now)) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>(body(ctx, repo, false));
        body.put("deleteWithImages", "true".equals(now.get(DELETE_WITH_IMAGES_TAG)));
        return Optional.of(new Resource(ResourceKey.of(AwsKinds.PROVIDER, AwsKinds.ECR_REPOSITORY, "",
                repo.repositoryName()), body, ctx.owned(now)));
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        switch (change.action()) {
            case CREATE -> create(ctx, name, change.desired().body());
            case UPDATE -> update(ctx, name, change);
            case DELETE -> delete(ctx, change);
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

    /**
     * Ownership and {@code deleteWithImages} rest on the tags read right before the deletion: the change holds the
     * repository as read again, past every memory, when its marks were confirmed.
     */
    private static void delete(AwsContext ctx, Change change) {
        String name = change.key().name();
        boolean withImages = Boolean.TRUE.equals(change.actual().body().get("deleteWithImages"));
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
