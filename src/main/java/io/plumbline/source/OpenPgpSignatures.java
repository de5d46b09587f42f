package io.plumbline.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * OpenPGP commit signatures checked against one exported public keyring (binary or ASCII-armoured), read anew
 * for each check so a changed keyring file takes effect without a restart.
 */
final class OpenPgpSignatures {
    private final Path keyring;

    OpenPgpSignatures(Path keyring) {
        this.keyring = keyring;
    }

    /** Null when {@code signature} is a good signature of {@code payload} by a key in the keyring, else why not. */
    String problem(byte[] payload, byte[] signature) {
        PGPSignature sig;
        try {
            sig = parse(signature);
        } catch (IOException | RuntimeException e) {
            return "carries a signature that is not an OpenPGP signature";
        }
        String keyId = String.format(Locale.ROOT, "%016X", sig.getKeyID());
        PGPPublicKey key;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(keyring))) {
            key = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()).getPublicKey(sig.getKeyID());
        } catch (IOException | PGPException e) {
            return "cannot be checked: the keyring " + keyring + " is unreadable (" + e.getMessage() + ")";
        }
        if (key == null) {
            return "is signed by OpenPGP key " + keyId + ", which is not in the allowed keyring";
        }
        if (key.hasRevocation()) {
            return "is signed by OpenPGP key " + keyId + ", which is revoked";
        }
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
            sig.update(payload);
            return sig.verify() ? null : "has a bad OpenPGP signature (key " + keyId + "): the content was altered";
        } catch (PGPException e) {
            return "has an OpenPGP signature that cannot be checked: " + e.getMessage();
        }
    }

    private static PGPSignature parse(byte[] armoured) throws IOException {
        Object first = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armoured)))
                .nextObject();
        if (first instanceof PGPSignatureList list && !list.isEmpty()) {
            return list.get(0);
        }
        throw new IOException("no signature packet");
    }
}
