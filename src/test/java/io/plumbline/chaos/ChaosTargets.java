package io.plumbline.chaos;

import java.io.PrintStream;

/** The campaign's targets by name: {@code aws}, {@code kubernetes}, {@code haproxy}. */
public final class ChaosTargets {
    private ChaosTargets() {
    }

    /** Runs {@code points} kill points on the named target, its peers started and stopped here. */
    public static Figures run(String name, long seed, int points, PrintStream out) throws Exception {
        try (ChaosTarget target = of(name)) {
            return ChaosCampaign.run(target, seed, points, out);
        }
    }

    private static ChaosTarget of(String name) {
        return switch (name) {
            case "aws" -> new AwsChaos();
            case "haproxy" -> new HaproxyChaos();
            case "kubernetes" -> new KubernetesChaos();
            default -> throw new IllegalArgumentException("no chaos target " + name + "; aws, kubernetes, haproxy");
        };
    }
}
