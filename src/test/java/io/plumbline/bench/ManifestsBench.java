package io.plumbline.bench;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.model.RepoFiles;
import io.plumbline.source.FileLimits;
import io.plumbline.source.Repositories;
import io.plumbline.testing.RawCommits;
import io.plumbline.testing.RawCommits.Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * Prints the time to load one environment whose manifest folder holds 20,000 manifests (or the count given as the
 * first argument) from a commit: median of 5 loads, each from a fresh read of the commit. Target: under 5 s.
 */
public final class ManifestsBench {
    private static final int RUNS = 5;

    private ManifestsBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path tmp = Files.createTempDirectory("plumbline-manifests");
        Map<String, Entry> entries = new HashMap<>();
        entries.put("environments/bulk.yaml", Entry.file("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: bulk}
                spec:
                  kubernetes:
                    namespaces: [bulk]
                    manifests: [manifests/bulk]
                """.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < count; i++) {
            entries.put(String.format("manifests/bulk/cm-%05d.yaml", i), Entry.file(String.format("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: cm-%05d, namespace: bulk, labels: {app: bulk}}
                    data: {index: "%d", greeting: hello}
                    """, i, i).getBytes(StandardCharsets.UTF_8)));
        }
        Path dir = tmp.resolve("repo.git");
        try (Repository ignored = RawCommits.create(dir, entries)) {
            EnvironmentLoader loader = new EnvironmentLoader();
            FileLimits limits = new FileLimits(count + 10, FileLimits.DEFAULT.maxFileBytes());
            List<Long> millis = new ArrayList<>();
            int manifests = 0;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                RepoFiles files = Repositories.atRef(dir, "main", limits);
                LoadResult result = loader.loadAll(files);
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (!result.ok()) {
                    throw new IllegalStateException("the bench environment did not load: " + result.allProblems());
                }
                manifests = result.environments().get(0).manifests().size();
            }
            millis.sort(null);
            System.out.printf("load of %,d manifests from a commit: median %,d ms of %d runs (all: %s); target < 5,000 ms%n",
                    manifests, millis.get(RUNS / 2), RUNS, millis);
        }
    }
}
