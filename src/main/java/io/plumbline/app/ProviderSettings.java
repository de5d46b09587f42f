package io.plumbline.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to reach each target system. This is the service's (or the command line's) business, never an
 * environment file's.
 *
 * @param awsEndpoint   one endpoint for every AWS service (moto, LocalStack); empty for AWS itself
 * @param kubeconfig    a kubeconfig file; empty for the usual lookup (KUBECONFIG, ~/.kube/config, in-cluster)
 * @param kubeContext   a context in that kubeconfig; empty for its current context
 * @param haproxyRoot   a folder the environment's HAProxy paths are resolved under; empty for the paths as written
 * @param haproxyBinary the haproxy executable used to check configurations; empty for /usr/sbin/haproxy
 * @param haproxyFolders the only folders HAProxy paths may lie in; empty for the root, or without one Debian's
 *                       /etc/haproxy, /run/haproxy and /var/lib/haproxy
 * @param longRunning   keep watches open between reconciles (the service), rather than list each time (the CLI)
 */
public record ProviderSettings(Optional<URI> awsEndpoint, Optional<Path> kubeconfig, Optional<String> kubeContext,
                               Optional<Path> haproxyRoot, Optional<Path> haproxyBinary, List<Path> haproxyFolders,
                               boolean longRunning) {
}
