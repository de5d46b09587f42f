package io.plumbline.render.kubernetes;

import io.plumbline.model.Fingerprint;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.model.spec.kubernetes.Application;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The secret environment variables of an application: a Secret {@code <app>-secrets} holding them, which each
 * variable reads through {@code secretKeyRef}, so no value is ever in the Deployment. Two annotations say what it
 * holds without saying a value: on the Secret, {@link #SOURCE} (a digest of the references and of SOPS's encrypted
 * texts: known without decrypting, so a pull request's plan can tell a secret changes); on the Pod template,
 * {@link #CHECKSUM} (a digest of the sources and the versions resolved: AWS's version ids, SOPS's ciphertexts), which
 * changes on every rotation and so rolls the pods. A digest of the values themselves is never made: a short password
 * could be guessed back from it.
 *
 * <p>Unresolved (any plan of a pull request), the values and the checksum are {@link SecretValues#UNRESOLVED}: the
 * provider takes the live object's in their place, and never writes an object that still holds one.
 */
public final class SecretEnvRender {
    public static final String SOURCE = "plumbline.io/secret-source";
    public static final String CHECKSUM = "plumbline.io/secret-checksum";

    private final Application app;
    private final SecretValues secrets;

    SecretEnvRender(Application app, SecretValues secrets) {
        this.app = app;
        this.secrets = secrets;
    }

    static String secretName(Application app) {
        return app.name() + "-secrets";
    }

    boolean any() {
        return !app.secretEnv().isEmpty();
    }

    /** {@code env} entry of a secret variable. */
    static Map<String, Object> reference(Application app, String variable) {
        return Nodes.map("name", variable, "valueFrom", Nodes.map("secretKeyRef",
                Nodes.map("name", secretName(app), "key", variable)));
    }

    Map<String, Object> secret(Map<String, Object> metadata) {
        Map<String, Object> data = new TreeMap<>();
        app.secretEnv().forEach((variable, ref) -> data.put(variable, secrets.get(ref)
                .filter(e -> e.value() != null && secrets.isResolved())
                .map(e -> (Object) Base64.getEncoder().encodeToString(e.value().reveal()
                        .getBytes(StandardCharsets.UTF_8)))
                .orElse(SecretValues.UNRESOLVED)));
        @SuppressWarnings("unchecked")
        Map<String, Object> annotations = (Map<String, Object>) metadata.computeIfAbsent("annotations",
                k -> new java.util.LinkedHashMap<String, Object>());
        annotations.put(SOURCE, digest(false));
        return Nodes.map("apiVersion", "v1", "kind", "Secret", "metadata", metadata, "type", "Opaque",
                "data", data);
    }

    /** The Pod template's annotation: unresolved until every reference is. */
    String checksum() {
        return secrets.isResolved() ? digest(true) : SecretValues.UNRESOLVED;
    }

    private String digest(boolean versions) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, SecretRef> e : app.secretEnv().entrySet()) {
            SecretValues.Entry entry = secrets.get(e.getValue())
                    .orElse(new SecretValues.Entry(e.getValue().describe(), e.getValue().describe(), null));
            text.append(e.getKey()).append('\0').append(entry.fingerprint());
            if (versions) {
                text.append('\0').append(entry.version());
            }
            text.append('\n');
        }
        return Fingerprint.sha256(text.toString());
    }

    /** How a change of either annotation reads in a plan: {@code secret changed (sha256:1a2b3c4d)}. */
    public static String shown(Object digest) {
        String d = String.valueOf(digest);
        return d.startsWith("sha256:") && d.length() >= 15 ? "secret changed (" + d.substring(0, 15) + ")"
                : "secret changed";
    }

    public static List<String> annotations() {
        return List.of(SOURCE, CHECKSUM);
    }
}
