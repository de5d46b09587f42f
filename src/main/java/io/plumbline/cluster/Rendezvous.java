package io.plumbline.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Rendezvous (highest random weight) hashing: each environment goes to the live replica with the highest
 * weight for it. Every replica computes the same answer from the same members, and when a replica joins or leaves
 * only the environments it wins or held move.
 */
final class Rendezvous {
    private Rendezvous() {
    }

    static Optional<String> choose(String environment, Collection<String> members) {
        return members.stream().max(Comparator.comparingLong((String m) -> weight(m, environment))
                .thenComparing(Comparator.naturalOrder()));
    }

    private static long weight(String member, String environment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((member + "\n" + environment).getBytes(StandardCharsets.UTF_8));
            long weight = 0;
            for (int i = 0; i < 8; i++) {
                weight = weight << 8 | (digest[i] & 0xff);
            }
            return weight;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
