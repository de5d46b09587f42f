package io.plumbline.bench;

import io.plumbline.chaos.ChaosTargets;
import io.plumbline.chaos.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash campaign: {@code scripts/bench Chaos [points per target] [seed] [targets]} kills {@code plumbline
 * serve} with SIGKILL at seeded random points during applies on AWS (moto), Kubernetes (the real control plane) and
 * HAProxy (under traffic), restarts it and checks what it left (see {@code ChaosCampaign}). Prints the seed and every
 * kill point; the same seed replays the same points. Targets: {@code aws,kubernetes,haproxy} (the default).
 */
public final class ChaosBench {
    private ChaosBench() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 67;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        List<String> targets = List.of((args.length > 2 ? args[2] : "aws,kubernetes,haproxy").split(","));
        System.out.printf("crash campaign: seed %d, %d kill points per target, targets %s%n", seed, points, targets);
        List<Figures> all = new ArrayList<>();
        for (String target : targets) {
            all.add(ChaosTargets.run(target, seed, points, System.out));
        }
        System.out.println("--- figures (seed " + seed + ")");
        all.forEach(System.out::println);
        all.forEach(f -> f.problems().forEach(p -> System.out.println("  " + p)));
    }
}
