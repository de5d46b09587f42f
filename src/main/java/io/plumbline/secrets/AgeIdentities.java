package io.plumbline.secrets;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The age identities the service holds (X25519, {@code AGE-SECRET-KEY-1…}), read from the file or the environment
 * variable its configuration names, each time they are needed: a key rotated on disk is used at the next apply, and no
 * copy outlives the decryption.
 */
final class AgeIdentities {
    private final SecretSettings settings;
    private final Function<String, String> environment;

    AgeIdentities(SecretSettings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** Whether any identity is configured at all. */
    boolean configured() {
        return settings.ageKeyFile().isPresent() || settings.ageKeyEnv().isPresent();
    }

    /**
     * The data key an armored age file holds.
     *
     * @throws GeneralSecurityException when none of the identities opens it
     * @throws IOException              when the identities cannot be read
     */
    byte[] open(String armored) throws GeneralSecurityException, IOException {
        List<RecipientStanzaReader> readers = new ArrayList<>();
        for (String identity : identities()) {
            readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity));
        }
        if (readers.isEmpty()) {
            throw new GeneralSecurityException("no age identity is configured");
        }
        ReadableByteChannel in = Channels.newChannel(new ByteArrayInputStream(
                armored.getBytes(StandardCharsets.US_ASCII)));
        try (ReadableByteChannel plain = new ArmoredDecryptingChannelFactory().newDecryptingChannel(in, readers)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (plain.read(buffer) >= 0) {
                buffer.flip();
                out.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            return out.toByteArray();
        }
    }

    private List<String> identities() throws IOException {
        StringBuilder text = new StringBuilder();
        if (settings.ageKeyFile().isPresent()) {
            text.append(Files.readString(settings.ageKeyFile().get())).append('\n');
        }
        if (settings.ageKeyEnv().isPresent()) {
            String value = environment.apply(settings.ageKeyEnv().get());
            if (value != null) {
                text.append(value).append('\n');
            }
        }
        return text.toString().lines().map(String::strip).filter(l -> l.startsWith("AGE-SECRET-KEY-1")).toList();
    }
}
