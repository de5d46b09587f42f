package io.plumbline.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.load.SopsDocument;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Sealed;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.SecretResolver;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Resolves secret references for the apply path: reads AWS Secrets Manager secrets and SSM SecureString parameters,
 * and decrypts SOPS files (their data key with an age identity or AWS KMS), all in memory: nothing is written to disk,
 * and no value goes into an error or a log line (errors name the reference, the file and line, and AWS's error code).
 * Each SOPS file is decrypted once per resolve and its MAC verified before any of its values is used.
 */
public final class SecretSources implements SecretResolver, AutoCloseable {
    private final AwsSecretReads aws;
    private final AgeIdentities age;

    public SecretSources(SecretSettings settings) {
        this(settings, System::getenv);
    }

    SecretSources(SecretSettings settings, Function<String, String> environment) {
        this.aws = new AwsSecretReads(settings);
        this.age = new AgeIdentities(settings, environment);
    }

    @Override
    public SecretValues resolve(LoadedEnvironment env) {
        String defaultRegion = env.environment().spec().aws() == null ? null : env.environment().spec().aws().region();
        Map<String, Map<String, Sealed>> files = new HashMap<>();
        Map<SecretRef, SecretValues.Entry> out = new HashMap<>();
        for (Map.Entry<SecretRef, SecretValues.Entry> e : env.secrets().entries().entrySet()) {
            SecretRef ref = e.getKey();
            String fingerprint = e.getValue().fingerprint();
            if (ref.isSops()) {
                Map<String, Sealed> values = files.computeIfAbsent(ref.sops(), path -> sops(env, path));
                Sealed value = values.get(ref.key());
                if (value == null) {
                    throw new InvalidInputException(SopsDocument.parse(ref.sops(), env.files().get(ref.sops()))
                            .problemAt(null, "has no value at '" + ref.key() + "'"));
                }
                // the encrypted text identifies the value: a new one is a new ciphertext
                out.put(ref, new SecretValues.Entry(fingerprint, fingerprint, value));
            } else {
                out.put(ref, awsValue(ref, ref.region() == null ? defaultRegion : ref.region(), fingerprint));
            }
        }
        return SecretValues.resolved(out);
    }

    /** Calls made to AWS so far, by {@code Service.Operation}. */
    public Map<String, Long> awsCalls() {
        return aws.calls();
    }

    private Map<String, Sealed> sops(LoadedEnvironment env, String path) {
        String text = env.files().get(path);
        if (text == null) {
            throw ProviderException.refused("secrets: " + path + " was not read when the environment was loaded");
        }
        SopsDocument doc = SopsDocument.parse(path, text);
        return SopsDecryption.decrypt(doc, dataKey(doc));
    }

    /** The file's data key, from the first of its master keys that opens: age identities first, then KMS. */
    private byte[] dataKey(SopsDocument doc) {
        List<String> tried = new ArrayList<>();
        List<SopsDocument.MasterKey> keys = new ArrayList<>(doc.metadata().keys());
        keys.sort((a, b) -> a.type().compareTo(b.type()));   // "age" before "kms": no AWS call when age opens it
        for (SopsDocument.MasterKey key : keys) {
            if (key.type().equals("age")) {
                if (!age.configured()) {
                    tried.add("age " + key.id() + ": no age identity is configured");
                    continue;
                }
                try {
                    return age.open(key.enc());
                } catch (GeneralSecurityException e) {
                    tried.add("age " + key.id() + ": no configured identity opens it");
                } catch (IOException e) {
                    tried.add("age " + key.id() + ": the identities cannot be read (" + e.getClass().getSimpleName()
                            + ")");
                }
            } else {
                try {
                    return aws.decrypt(region(key.id()), key.id(), Base64.getDecoder().decode(key.enc()),
                            key.context());
                } catch (IllegalArgumentException e) {
                    tried.add("kms " + key.id() + ": its encrypted data key is not base64");
                } catch (AwsServiceException e) {
                    tried.add("kms " + key.id() + ": " + code(e));
                } catch (SdkClientException e) {
                    throw ProviderException.retryable("secrets: KMS cannot be reached to decrypt " + doc.file()
                            + " (" + e.getClass().getSimpleName() + ")", null);
                }
            }
        }
        SopsDocument.MasterKey first = doc.metadata().keys().get(0);
        throw SopsDecryption.refused(doc, first.id(), "no key this service holds opens its data key: "
                + String.join("; ", tried));
    }

    private SecretValues.Entry awsValue(SecretRef ref, String region, String fingerprint) {
        try {
            if (SecretRef.SSM.equals(ref.aws())) {
                Parameter p = aws.parameter(region, ref.name());
                if (p.type() != ParameterType.SECURE_STRING) {
                    throw ProviderException.refused("secrets: the parameter " + ref.describe() + " is a "
                            + p.typeAsString() + ", not a SecureString: a secret is kept encrypted in Parameter Store");
                }
                return new SecretValues.Entry(fingerprint, String.valueOf(p.version()), new Sealed(p.value()));
            }
            GetSecretValueResponse s = aws.secret(region, ref.name());
            if (s.secretString() == null) {
                throw ProviderException.refused("secrets: the secret " + ref.describe()
                        + " holds binary data; Plumbline takes text");
            }
            String value = ref.key() == null ? s.secretString() : field(ref, s.secretString());
            return new SecretValues.Entry(fingerprint, s.versionId(), new Sealed(value));
        } catch (AwsServiceException e) {
            String message = "secrets: " + ref.describe() + " cannot be read: " + code(e);
            throw e.isThrottlingException() || e.statusCode() >= 500 ? ProviderException.retryable(message, null)
                    : ProviderException.refused(message);
        } catch (SdkClientException e) {
            throw ProviderException.retryable("secrets: " + ref.describe() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** One field of a secret holding a JSON object. Parse errors are not passed on: they quote the text. */
    private static String field(SecretRef ref, String json) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw ProviderException.refused("secrets: " + ref.describe() + " names a key, and the secret is not "
                    + "a JSON object");
        }
        JsonNode field = node == null || !node.isObject() ? null : node.get(ref.key());
        if (field == null || !field.isValueNode() || field.isNull()) {
            throw ProviderException.refused("secrets: the secret " + ref.describe() + " has no text or number at '"
                    + ref.key() + "'");
        }
        return field.asText();
    }

    /** AWS's error code and the request id, never its message (which may quote what was sent). */
    private static String code(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + ")";
        }
        return e.getClass().getSimpleName();
    }

    /** {@code arn:aws:kms:REGION:ACCOUNT:key/ID}. */
    private static String region(String arn) {
        String[] parts = arn.split(":");
        if (parts.length < 6 || !parts[2].equals("kms")) {
            throw ProviderException.refused("secrets: '" + arn + "' is not a KMS key ARN");
        }
        return parts[3];
    }

    @Override
    public void close() {
        aws.close();
    }
}
