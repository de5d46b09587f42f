package io.plumbline.provider.haproxy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master's {@code show proc}: how many reloads it did, how many failed, and its current workers.
 *
 * @param workers current workers (not the old ones still finishing their sessions)
 */
record ProcStatus(int reloads, int failed, List<Worker> workers) {
    private static final Pattern MASTER = Pattern.compile("^\\d+\\s+master\\s+(\\d+)\\s+\\[failed:\\s*(\\d+)]");
    private static final Pattern WORKER = Pattern.compile("^(\\d+)\\s+worker\\s+(\\d+)");

    /** @param reloads how many reloads this worker has lived through; 0 for the newest */
    record Worker(long pid, int reloads) {
    }

    /** @throws IllegalArgumentException when the text has no master line */
    static ProcStatus parse(String text) {
        Integer reloads = null;
        int failed = 0;
        List<Worker> workers = new ArrayList<>();
        boolean inCurrentWorkers = false;
        for (String line : text.split("\n")) {
            Matcher master = MASTER.matcher(line);
            Matcher worker = WORKER.matcher(line);
            if (master.find()) {
                reloads = Integer.parseInt(master.group(1));
                failed = Integer.parseInt(master.group(2));
            } else if (line.startsWith("#")) {
                inCurrentWorkers = line.strip().equals("# workers");
            } else if (inCurrentWorkers && worker.find()) {
                workers.add(new Worker(Long.parseLong(worker.group(1)), Integer.parseInt(worker.group(2))));
            }
        }
        if (reloads == null) {
            throw new IllegalArgumentException("not a 'show proc' answer: " + text.strip());
        }
        return new ProcStatus(reloads, failed, workers);
    }

    /** The worker started by the latest successful reload, if it is running. */
    Worker newestWorker() {
        return workers.stream().filter(w -> w.reloads() == 0).findFirst().orElse(null);
    }
}
