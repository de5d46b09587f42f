package io.plumbline.app;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.plumbline.provider.kubernetes.ApiThrottles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** A fabric8 client for a kubeconfig file and context, or the usual lookup (KUBECONFIG, ~/.kube/config, in-cluster). */
final class KubernetesClients {
    private KubernetesClients() {
    }

    static KubernetesClient connect(Optional<Path> kubeconfig, Optional<String> context) {
        return connect(kubeconfig, context, resource -> {
        });
    }

    /** @param throttled told the resource of each call the API server throttled (see {@link ApiThrottles}) */
    static KubernetesClient connect(Optional<Path> kubeconfig, Optional<String> context, Consumer<String> throttled) {
        Config config;
        if (kubeconfig.isPresent()) {
            try {
                config = Config.fromKubeconfig(context.orElse(null), Files.readString(kubeconfig.get()),
                        kubeconfig.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig.get(), e);
            }
        } else {
            config = Config.autoConfigure(context.orElse(null));
        }
        return new KubernetesClientBuilder().withConfig(config).withHttpClientBuilderConsumer(
                builder -> builder.addOrReplaceInterceptor(ApiThrottles.NAME, new ApiThrottles(throttled))).build();
    }
}
