package io.plumbline.load;

import io.plumbline.model.Fingerprint;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.EnvironmentSpec;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.model.spec.kubernetes.Application;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secret references of an environment's applications, checked without decrypting anything: a SOPS file must be
 * one SOPS wrote, hold the key named and hold it encrypted; an AWS reference needs a region. Each reference gets its
 * fingerprint here (the reference, and for SOPS the encrypted text): what a plan that resolves nothing shows.
 */
final class SecretChecks {
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<SecretRef, String> fingerprints = new LinkedHashMap<>();

    private SecretChecks() {
    }

    /** Checks every reference; the SOPS files read go into {@code texts}. */
    static SecretValues read(RepoFiles files, EnvironmentSpec spec, Checks checks, Map<String, String> texts) {
        SecretChecks found = new SecretChecks();
        if (spec.kubernetes() == null) {
            return SecretValues.NONE;
        }
        List<Application> apps = spec.kubernetes().applications();
        String region = spec.aws() == null ? null : spec.aws().region();
        for (int i = 0; i < apps.size(); i++) {
            for (Map.Entry<String, SecretRef> e : apps.get(i).secretEnv().entrySet()) {
                String at = "/spec/kubernetes/applications/" + i + "/env/" + e.getKey() + "/secret";
                found.check(files, e.getValue(), at, region, checks);
            }
        }
        texts.putAll(found.texts);
        return found.fingerprints.isEmpty() ? SecretValues.NONE : SecretValues.sealed(found.fingerprints);
    }

    private void check(RepoFiles files, SecretRef ref, String at, String region, Checks checks) {
        if (!ref.isSops()) {
            if (ref.region() == null && region == null) {
                checks.at(at, "needs a region: give it one, or declare spec.aws.region");
                return;
            }
            fingerprints.put(ref, Fingerprint.sha256(ref.describe()));
            return;
        }
        SopsDocument doc;
        String text;
        try {
            text = text(files, ref.sops());
            doc = SopsDocument.parse(ref.sops(), text);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> checks.at(at + "/sops", "the SOPS file " + where(p) + ": " + p.message()));
            return;
        }
        var leaf = doc.leaf(ref.key());
        if (leaf.isEmpty()) {
            checks.at(at + "/key", "the SOPS file '" + ref.sops() + "' has no value at '" + ref.key() + "'");
            return;
        }
        if (!(leaf.get().value() instanceof String s) || !s.startsWith("ENC[")) {
            checks.at(at + "/key", "'" + ref.key() + "' is not encrypted in the SOPS file '" + ref.sops()
                    + "': a secret must not be in clear in the repository");
            return;
        }
        texts.put(ref.sops(), text);
        fingerprints.put(ref, Fingerprint.sha256(ref.describe() + "\0" + s));
    }

    private static String where(Problem p) {
        return "'" + p.file() + "' (line " + p.line() + ")";
    }

    private static String text(RepoFiles files, String path) {
        byte[] bytes = Unreadable.read(files, path);
        if (bytes.length > SopsDocument.MAX_CHARS) {
            throw new InvalidInputException(Problem.inFile(path, "has " + bytes.length
                    + " bytes; a SOPS file may have at most " + SopsDocument.MAX_CHARS));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(Problem.inFile(path, "is not UTF-8 text"));
        }
    }

}
