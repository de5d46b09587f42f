package io.plumbline.http;

import io.plumbline.source.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens the API accepts, each with a scope. A write token also reads; an agent token does nothing but
 * report for its own proxy host. Tokens are compared by their SHA-256 digests with {@link MessageDigest#isEqual},
 * so neither a token's bytes nor its length can be learned from response times; every configured token is
 * compared, whichever matches.
 */
public final class ApiTokens {
    /** What a token may do. */
    public enum Access { READ, WRITE, AGENT }

    /**
     * The scope a token carries.
     *
     * @param host the proxy host an {@link Access#AGENT} token reports for; empty for the others
     */
    public record Scope(Access access, Optional<String> host) {
        public static final Scope READ = new Scope(Access.READ, Optional.empty());
        public static final Scope WRITE = new Scope(Access.WRITE, Optional.empty());

        public static Scope agent(String host) {
            return new Scope(Access.AGENT, Optional.of(host));
        }
    }

    private final List<byte[]> read;
    private final List<byte[]> write;
    private final Map<String, byte[]> agents;

    /** @param agents each proxy host's own token */
    public ApiTokens(List<Secret> read, List<Secret> write, Map<String, Secret> agents) {
        this.read = digests(read);
        this.write = digests(write);
        this.agents = new LinkedHashMap<>();
        agents.forEach((host, token) -> {
            if (token.isPresent()) {
                this.agents.put(host, sha256(token.value()));
            }
        });
    }

    public ApiTokens(List<Secret> read, List<Secret> write) {
        this(read, write, Map.of());
    }

    /** The scope {@code token} carries, or empty when it is none of the configured tokens. */
    public Optional<Scope> scopeOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        boolean writes = matchesAny(write, presented);
        boolean reads = matchesAny(read, presented);
        Optional<String> agent = Optional.empty();
        for (Map.Entry<String, byte[]> e : agents.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), presented) && agent.isEmpty()) {
                agent = Optional.of(e.getKey());
            }
        }
        return writes ? Optional.of(Scope.WRITE) : reads ? Optional.of(Scope.READ) : agent.map(Scope::agent);
    }

    /** Whether any token is configured; without one the API answers nobody. */
    public boolean any() {
        return !read.isEmpty() || !write.isEmpty() || !agents.isEmpty();
    }

    private static boolean matchesAny(List<byte[]> known, byte[] presented) {
        boolean found = false;
        for (byte[] digest : known) {
            found |= MessageDigest.isEqual(digest, presented);
        }
        return found;
    }

    private static List<byte[]> digests(List<Secret> secrets) {
        return secrets.stream().filter(Secret::isPresent).map(s -> sha256(s.value())).toList();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
