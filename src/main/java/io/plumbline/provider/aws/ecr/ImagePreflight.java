package io.plumbline.provider.aws.ecr;

import io.plumbline.model.ImageReference;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.kubernetes.Application;
import io.plumbline.model.spec.kubernetes.KubernetesSpec;
import io.plumbline.model.spec.kubernetes.Sidecar;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsErrors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Before anything is written: every image an environment deploys (applications, sidecars, and the containers
 * of its raw manifests) from an ECR registry of the environment's own account must exist ({@code DescribeImages} by tag, or by digest). One call per distinct
 * image; images of other registries or accounts are not Plumbline's to check.
 */
public final class ImagePreflight {
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    private ImagePreflight() {
    }

    /**
     * @param ecrIn an ECR client for a region (an image may live in another region of the same account)
     * @throws ProviderException naming the first image that does not exist; retryable, since a build may still
     *                           be pushing it
     */
    public static void check(LoadedEnvironment env, String accountId, Function<String, EcrClient> ecrIn) {
        Set<ImageReference> images = images(env.environment().spec().kubernetes());
        env.manifests().forEach(m -> containerImages(m.object(), images));
        for (ImageReference image : images) {
            image.ecr().filter(ecr -> ecr.accountId().equals(accountId))
                    .ifPresent(ecr -> exists(image, ecr, ecrIn.apply(ecr.region())));
        }
    }

    private static Set<ImageReference> images(KubernetesSpec kubernetes) {
        Set<ImageReference> images = new LinkedHashSet<>();
        if (kubernetes == null) {
            return images;
        }
        for (Application app : kubernetes.applications()) {
            images.add(ImageReference.parse(app.image()));
            for (Sidecar sidecar : app.sidecars()) {
                images.add(ImageReference.parse(sidecar.image()));
            }
        }
        return images;
    }

    /** The images of every container list in a raw manifest, at any depth (pods, workloads, job templates). */
    private static void containerImages(Object node, Set<ImageReference> images) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (CONTAINER_LISTS.contains(key) && value instanceof List<?> containers) {
                    containers.stream().filter(Map.class::isInstance).map(c -> ((Map<?, ?>) c).get("image"))
                            .filter(String.class::isInstance).forEach(i -> images.add(ImageReference.parse((String) i)));
                } else {
                    containerImages(value, images);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> containerImages(item, images));
        }
    }

    private static void exists(ImageReference image, ImageReference.Ecr registry, EcrClient ecr) {
        ImageIdentifier id = image.digest().isEmpty() ? ImageIdentifier.builder().imageTag(image.effectiveTag()).build()
                : ImageIdentifier.builder().imageDigest(image.digest()).build();
        try {
            ecr.describeImages(r -> r.registryId(registry.accountId()).repositoryName(image.repository())
                    .imageIds(id));
        } catch (ImageNotFoundException e) {
            throw missing(image, "ECR has no image " + (image.digest().isEmpty() ? "tagged " + image.effectiveTag()
                    : image.digest()) + " in repository " + image.repository());
        } catch (RepositoryNotFoundException e) {
            throw missing(image, "ECR repository " + image.repository() + " does not exist in " + registry.region());
        } catch (SdkException e) {
            throw AwsErrors.translate("checking image " + image, e);
        }
    }

    private static ProviderException missing(ImageReference image, String why) {
        return ProviderException.retryable("image pre-flight: " + image + " cannot be pulled: " + why
                + "; nothing was applied", null);
    }
}
