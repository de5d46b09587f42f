package io.plumbline.provider.kubernetes;

import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.Nodes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The last comparison of each object of each environment, reused while neither side changed, so the drift check
 * of an unchanged environment compares nothing again. The live side is unchanged when it is the very tree compared
 * last time: a watch cache hands out one shared, read-only tree per resourceVersion ({@link StoreTrees}); a tree
 * read from the server each time is never the same one, so it is always compared. The desired side is unchanged
 * when it equals (a copy of) the body compared last time. Only the objects of an environment's latest plan are
 * remembered.
 */
final class LastComparisons {
    private final Map<String, Map<ResourceKey, Last>> byEnvironment = new ConcurrentHashMap<>();
    private final AtomicLong compared = new AtomicLong();

    private record Last(Map<String, Object> wanted, Map<String, Object> live, LiveDiff diff) {
    }

    /** One plan of {@code environment}; {@link Round#end} makes its comparisons the ones remembered. */
    Round round(String environment) {
        return new Round(environment, byEnvironment.getOrDefault(environment, Map.of()));
    }

    /** The environment left the repository: its comparisons go. */
    void forget(String environment) {
        byEnvironment.remove(environment);
    }

    /** Environments whose comparisons are remembered. */
    java.util.Set<String> environments() {
        return java.util.Set.copyOf(byEnvironment.keySet());
    }

    /** Comparisons made so far (those reused not counted). */
    long compared() {
        return compared.get();
    }

    final class Round {
        private final String environment;
        private final Map<ResourceKey, Last> before;
        private final Map<ResourceKey, Last> now = new HashMap<>();

        private Round(String environment, Map<ResourceKey, Last> before) {
            this.environment = environment;
            this.before = before;
        }

        /** The last comparison of {@code key} when both sides are unchanged, else {@code compare}'s. */
        LiveDiff diff(ResourceKey key, Map<String, Object> wanted, Map<String, Object> live,
                      Supplier<LiveDiff> compare) {
            Last last = before.get(key);
            if (last == null || last.live() != live || !last.wanted().equals(wanted)) {
                compared.incrementAndGet();
                last = new Last(Nodes.copy(wanted), live, compare.get());
            }
            now.put(key, last);
            return last.diff();
        }

        void end() {
            byEnvironment.put(environment, now);
        }
    }
}
