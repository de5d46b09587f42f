package io.plumbline.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.importer.ImportedPart;
import io.plumbline.provider.aws.AwsConnection;
import io.plumbline.provider.aws.AwsImport;
import io.plumbline.provider.aws.AwsImportScope;
import io.plumbline.provider.aws.CallCounter;
import io.plumbline.provider.haproxy.HaproxyImport;
import io.plumbline.provider.kubernetes.KubernetesImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The composition of {@code plumbline import}: each provider's reader with the client it reads through. */
public final class Importers {
    private Importers() {
    }

    /** A region and scope of the account the default credentials (or the endpoint, for moto) reach. */
    public static ImportedPart aws(ProviderSettings settings, AwsImportScope scope, String environment) {
        AwsConnection production = AwsConnection.production();
        AwsConnection connection = new AwsConnection(settings.awsEndpoint(), production.credentials(),
                production.apiCallTimeout(), production.attemptTimeout(), production.maxAttempts(),
                production.pollInterval());
        return AwsImport.read(connection, scope, environment, new CallCounter());
    }

    /** The namespaces of the cluster the kubeconfig (or the usual lookup) reaches. */
    public static ImportedPart kubernetes(ProviderSettings settings, List<String> namespaces, String environment) {
        try (KubernetesClient client = KubernetesClients.connect(settings.kubeconfig(), settings.kubeContext())) {
            return KubernetesImport.read(client, namespaces, environment);
        }
    }

    /**
     * A haproxy.cfg read from this host.
     *
     * @param configPath the configuration's path on the proxy host, read under {@code haproxyRoot} when the
     *                   settings have one (as plan and apply resolve it)
     */
    public static ImportedPart haproxy(ProviderSettings settings, String configPath, String masterSocket)
            throws IOException {
        Optional<Path> root = settings.haproxyRoot();
        Path file = root.map(r -> r.resolve(configPath.startsWith("/") ? configPath.substring(1) : configPath))
                .orElse(Path.of(configPath));
        return HaproxyImport.read(configPath, Files.readString(file), masterSocket,
                root.map(r -> r.toAbsolutePath().toString()).orElse(null));
    }
}
