package io.plumbline.cli;

import io.plumbline.app.ProviderSettings;
import io.plumbline.secrets.SecretSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the command line reaches AWS, Kubernetes and HAProxy. */
final class TargetOptions {
    @Option(names = "--kubeconfig", description = "A kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)")
    Path kubeconfig;

    @Option(names = "--context", description = "A context in the kubeconfig (default: its current context)")
    String context;

    @Option(names = "--aws-endpoint", description = "One endpoint for every AWS API, e.g. moto or LocalStack")
    URI awsEndpoint;

    @Option(names = "--haproxy-root", description = "Resolve the environment's HAProxy paths under this folder")
    Path haproxyRoot;

    @Option(names = "--haproxy-binary", description = "The haproxy executable (default: /usr/sbin/haproxy)")
    Path haproxyBinary;

    @Option(names = "--haproxy-folder", description = "A folder HAProxy paths may lie in (repeatable; default: the root,"
            + " or /etc/haproxy, /run/haproxy and /var/lib/haproxy)")
    List<Path> haproxyFolders = List.of();

    @Option(names = "--age-key-file", description = "A file of age identities that open SOPS files (the key file"
            + " age-keygen writes)")
    Path ageKeyFile;

    @Option(names = "--age-key-env", description = "An environment variable holding age identities that open SOPS"
            + " files (e.g. SOPS_AGE_KEY)")
    String ageKeyEnv;

    /** What resolves the environment's secret references when applying: AWS through the same endpoint. */
    SecretSettings secrets() {
        return SecretSettings.of(Optional.ofNullable(ageKeyFile), Optional.ofNullable(ageKeyEnv),
                Optional.ofNullable(awsEndpoint));
    }

    ProviderSettings settings() {
        return new ProviderSettings(Optional.ofNullable(awsEndpoint), Optional.ofNullable(kubeconfig),
                Optional.ofNullable(context), Optional.ofNullable(haproxyRoot), Optional.ofNullable(haproxyBinary),
                haproxyFolders, false);
    }
}
