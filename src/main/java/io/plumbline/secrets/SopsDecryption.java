package io.plumbline.secrets;

import io.plumbline.load.SopsDocument;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Sealed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the values of a SOPS file with its data key, in memory, and verifies the file's MAC as SOPS does: a SHA-512
 * over every value in file order (in clear), which the file keeps encrypted with the data key and its
 * {@code lastmodified} as associated data. A value that does not decrypt (tampered, or the data key swapped: re-keyed)
 * or a MAC that does not match (a value removed, added, moved or replaced) makes the whole file refused, at the line of
 * what failed, and no value of it is used.
 */
final class SopsDecryption {
    /** SOPS marks a MAC made over encrypted values only with these bytes first. */
    private static final byte[] MAC_ONLY_ENCRYPTED = HexFormat.of().parseHex(
            "8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");
    private static final Pattern ENC = Pattern.compile(
            "^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)]");

    private SopsDecryption() {
    }

    /** Every value of {@code doc} by its key, once the MAC matched. */
    static Map<String, Sealed> decrypt(SopsDocument doc, byte[] dataKey) {
        if (dataKey.length != 32) {
            throw refused(doc, doc.metadata().keys().get(0).enc(), "its data key is not a 256-bit key");
        }
        SopsDocument.Metadata meta = doc.metadata();
        MessageDigest mac = sha512();
        if (meta.macOnlyEncrypted()) {
            mac.update(MAC_ONLY_ENCRYPTED);
        }
        Map<String, Sealed> values = new HashMap<>();
        for (SopsDocument.Leaf leaf : doc.leaves()) {
            boolean encrypted = encrypted(meta, leaf.path());
            String text;
            if (encrypted) {
                if (!(leaf.value() instanceof String enc)) {
                    throw refused(doc, null, "'" + leaf.key() + "' should be encrypted and is not: the file was "
                            + "changed after SOPS wrote it");
                }
                text = enc.isEmpty() ? "" : open(doc, leaf.key(), enc, dataKey, String.join(":", leaf.path()) + ":");
            } else {
                text = clear(leaf.value());
            }
            if (encrypted || !meta.macOnlyEncrypted()) {
                mac.update(text.getBytes(StandardCharsets.UTF_8));
            }
            values.putIfAbsent(leaf.key(), new Sealed(text));
        }
        String computed = HexFormat.of().withUpperCase().formatHex(mac.digest());
        String stored;
        try {
            stored = open(doc, "sops.mac", meta.mac(), dataKey, meta.lastModified());
        } catch (InvalidInputException e) {
            throw refused(doc, meta.mac(), "its MAC does not decrypt with the file's data key: the MAC or "
                    + "lastmodified was changed, or the file was re-keyed");
        }
        if (!MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII))) {
            throw refused(doc, meta.mac(), "its MAC does not match its values: the file was changed after SOPS "
                    + "wrote it (a value added, removed, moved or replaced)");
        }
        return values;
    }

    /** One {@code ENC[…]} value, as text (an int, float or bool as SOPS writes it in clear). */
    private static String open(SopsDocument doc, String key, String enc, byte[] dataKey, String aad) {
        Matcher m = ENC.matcher(enc);
        if (!m.matches()) {
            throw refused(doc, enc, "'" + key + "' is not a value SOPS encrypted (ENC[AES256_GCM,…])");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] data = b64.decode(m.group(1));
            byte[] iv = b64.decode(m.group(2));
            byte[] tag = b64.decode(m.group(3));
            byte[] sealed = new byte[data.length + tag.length];
            System.arraycopy(data, 0, sealed, 0, data.length);
            System.arraycopy(tag, 0, sealed, data.length, tag.length);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(tag.length * 8, iv));
            gcm.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            String text = new String(gcm.doFinal(sealed), StandardCharsets.UTF_8);
            return typed(doc, key, enc, text, m.group(4));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // never the exception's message: nothing of a value or a key goes into an error
            throw refused(doc, enc, "'" + key + "' does not decrypt with the file's data key: it was changed after "
                    + "SOPS wrote it, moved to another key, or the file was re-keyed");
        }
    }

    /** The text the MAC covers for a value of {@code type}: SOPS's own rendering of it. */
    private static String typed(SopsDocument doc, String key, String enc, String text, String type) {
        try {
            return switch (type) {
                case "str", "bytes", "time", "comment" -> text;
                case "int" -> String.valueOf(Long.parseLong(text));
                case "float" -> goFloat(Double.parseDouble(text));
                case "bool" -> Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)) ? "True" : "False";
                default -> throw refused(doc, enc, "'" + key + "' has an unknown SOPS type");
            };
        } catch (NumberFormatException e) {
            throw refused(doc, enc, "'" + key + "' does not hold the " + type + " its type says");
        }
    }

    private static String clear(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return goFloat(d);
        }
        return String.valueOf(value);
    }

    /** As Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: the shortest digits, never an exponent. */
    private static String goFloat(double d) {
        if (d == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Whether SOPS encrypts the value at {@code path}, by the file's suffix and regular expression settings. */
    private static boolean encrypted(SopsDocument.Metadata meta, List<String> path) {
        boolean encrypted = true;
        if (meta.unencryptedSuffix() != null && path.stream().anyMatch(k -> k.endsWith(meta.unencryptedSuffix()))) {
            encrypted = false;
        }
        if (meta.encryptedSuffix() != null) {
            encrypted = path.stream().anyMatch(k -> k.endsWith(meta.encryptedSuffix()));
        }
        if (meta.unencryptedRegex() != null && path.stream()
                .anyMatch(k -> Pattern.compile(meta.unencryptedRegex()).matcher(k).find())) {
            encrypted = false;
        }
        if (meta.encryptedRegex() != null) {
            encrypted = path.stream().anyMatch(k -> Pattern.compile(meta.encryptedRegex()).matcher(k).find());
        }
        return encrypted;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
    }

    static InvalidInputException refused(SopsDocument doc, String at, String why) {
        return new InvalidInputException(doc.problemAt(at, "SOPS file refused, nothing applied: " + why));
    }
}
