package io.plumbline.provider.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;

/** Pushes images to an ECR repository the way a team's build does (the repository is made when missing). */
public final class EcrImages {
    private EcrImages() {
    }

    public static void push(AwsClients aws, String repository, String... tags) {
        try {
            aws.ecr().createRepository(r -> r.repositoryName(repository));
        } catch (RepositoryAlreadyExistsException e) {
            // pushed to before: only the tags are new
        }
        for (String tag : tags) {
            aws.ecr().putImage(r -> r.repositoryName(repository).imageTag(tag).imageManifest(manifest(repository, tag)));
        }
    }

    /** A schema-2 manifest whose config digest differs per image, so every tag is a distinct image. */
    private static String manifest(String repository, String tag) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((repository + ":" + tag).getBytes(StandardCharsets.UTF_8)));
            return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":2,"
                    + "\"digest\":\"sha256:" + digest + "\"},\"layers\":[]}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
