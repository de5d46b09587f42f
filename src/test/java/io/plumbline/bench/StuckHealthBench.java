package io.plumbline.bench;

import io.plumbline.e2e.Environments;
import io.plumbline.e2e.Peers;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commit → final status of production via webhook while another environment ({@code stuck}) waits out a
 * 5-minute health timeout: a Deployment whose rollout never completes. Reconciles run on the worker pool, so the
 * stuck environment must not delay production (target: p50 under 2 s).
 */
public final class StuckHealthBench {
    private static final int COMMITS = 10;

    private StuckHealthBench() {
    }

    public static void main(String[] args) throws Exception {
        Peers peers = new Peers();
        peers.beforeAll(null);
        Path tmp = Files.createTempDirectory("plumbline-stuck-bench");
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers), "environments/stuck.yaml", STUCK));
             StatusHostServer github = StatusHostServer.start(HostApis.github("acme/infra", LoopBench.TOKEN));
             ServiceProcess service = ServiceProcess.start(tmp.resolve("service"),
                     LoopBench.config(peers, repo, github, "1h"))) {
            LoopBench.awaitStatus(github, repo.head());
            LoopBench.awaitStatus(github, repo.head(), "plumbline/stuck", true);
            List<Long> latencies = new ArrayList<>();
            for (int i = 1; i <= COMMITS; i++) {
                String commit = LoopBench.bump(repo, i);
                long t0 = System.nanoTime();
                LoopBench.webhook(service.port(), commit);
                LoopBench.awaitStatus(github, commit);
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            }
            boolean stillStuck = github.accepted().stream().noneMatch(a -> a.context().equals("plumbline/stuck")
                    && !a.state().equals("pending"));
            LoopBench.report("commit -> final status via webhook, another environment "
                    + (stillStuck ? "still" : "NO LONGER") + " in a 5-minute health wait", latencies);
        } finally {
            peers.afterAll(null);
        }
    }

    private static final String STUCK = """
            apiVersion: plumbline/v1
            kind: Environment
            metadata:
              name: stuck
            spec:
              sync: {mode: auto, healthTimeout: 5m, driftInterval: 1h}
              kubernetes:
                namespaces: [stuck]
                applications:
                  - name: stuck-app
                    namespace: stuck
                    image: 123456789012.dkr.ecr.us-west-2.amazonaws.com/frontend:v1.0.0
                    replicas: 1
                    port: 8000
                    # more CPU than the one fake node has: the scheduler never places its pod
                    resources: {requests: {cpu: "500", memory: 64M}, limits: {cpu: "500", memory: 128M}}
            """;
}
