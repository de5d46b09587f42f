package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What a failed read of the API server says: the answer (an HTTP status and the server's message, or none when the
 * connection failed) and which read it was, so that a reconcile that cannot read names what it could not read.
 */
final class ReadFailure {
    private ReadFailure() {
    }

    static String describe(KubernetesClientException e) {
        String answer = e.getCode() > 0
                ? "HTTP " + e.getCode() + (e.getStatus() != null && e.getStatus().getMessage() != null
                ? ": " + e.getStatus().getMessage() : "")
                : "no answer (" + rootMessage(e) + ")";
        return answer + read(e);
    }

    /**
     * Which read: fabric8's words ("Operation: [list]  for kind: [Deployment]  with name: [null]  in namespace: [a]")
     * where some exception of the chain has them, else the resource of the request where one names it.
     */
    private static String read(KubernetesClientException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ").trim();
            int operation = message.indexOf("Operation: [");
            if (operation >= 0) {
                return "; " + message.substring(operation).replaceAll("\\s*failed\\..*$", "");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getResourcePlural() != null) {
                return "; reading " + k.getResourcePlural() + (k.getName() == null ? "" : " " + k.getName())
                        + (k.getNamespace() == null ? "" : " in namespace " + k.getNamespace());
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? "the connection failed" : t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
