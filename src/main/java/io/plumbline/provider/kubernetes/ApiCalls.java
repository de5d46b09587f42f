package io.plumbline.provider.kubernetes;

import java.util.concurrent.atomic.LongAdder;

/** Counts the Kubernetes API calls a provider makes, by sort, so tests and benchmarks can hold it to its costs. */
public final class ApiCalls {
    private final LongAdder lists = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder watches = new LongAdder();
    private final LongAdder dryRuns = new LongAdder();

    /**
     * The counts so far.
     *
     * @param watches watches opened by a watch cache; each stays open and costs no further calls
     * @param dryRuns server-side dry-run applies: the server's word on what a write would do
     */
    public record Counts(long lists, long gets, long writes, long watches, long dryRuns) {
        public long total() {
            return lists + gets + writes + watches + dryRuns;
        }

        public Counts minus(Counts earlier) {
            return new Counts(lists - earlier.lists, gets - earlier.gets, writes - earlier.writes,
                    watches - earlier.watches, dryRuns - earlier.dryRuns);
        }

        @Override
        public String toString() {
            return lists + " lists, " + gets + " gets, " + writes + " writes, " + watches + " watches, "
                    + dryRuns + " dry runs";
        }
    }

    void list() {
        lists.increment();
    }

    void get() {
        gets.increment();
    }

    void write() {
        writes.increment();
    }

    void watch() {
        watches.increment();
    }

    void dryRun() {
        dryRuns.increment();
    }

    public Counts counts() {
        return new Counts(lists.sum(), gets.sum(), writes.sum(), watches.sum(), dryRuns.sum());
    }
}
