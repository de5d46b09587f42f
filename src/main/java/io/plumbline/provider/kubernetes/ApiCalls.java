package io.plumbline.provider.kubernetes;

import java.util.concurrent.atomic.LongAdder;

/** Counts the Kubernetes API calls a provider makes, by sort, so tests and benchmarks can hold it to its costs. */
public final class ApiCalls {
    private final LongAdder lists = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder watches = new LongAdder();

    /**
     * The counts so far.
     *
     * @param watches watches opened by a watch cache; each stays open and costs no further calls
     */
    public record Counts(long lists, long gets, long writes, long watches) {
        public long total() {
            return lists + gets + writes + watches;
        }

        public Counts minus(Counts earlier) {
            return new Counts(lists - earlier.lists, gets - earlier.gets, writes - earlier.writes,
                    watches - earlier.watches);
        }

        @Override
        public String toString() {
            return lists + " lists, " + gets + " gets, " + writes + " writes, " + watches + " watches";
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

    public Counts counts() {
        return new Counts(lists.sum(), gets.sum(), writes.sum(), watches.sum());
    }
}
