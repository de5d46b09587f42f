package io.plumbline.chaos;

import java.util.ArrayList;
import java.util.List;

/** What a crash campaign found, summed over its kill points; {@link #problems} names each finding. */
public final class Figures {
    private final String target;
    private int points;
    private int converged;
    private int duplicates;
    private int leaks;
    private int foreignTouched;
    private int badStatuses;
    private int nonEmptyPlans;
    private long failedRequests;
    private final List<String> problems = new ArrayList<>();

    Figures(String target) {
        this.target = target;
    }

    void point(boolean convergedWithinTwo) {
        points++;
        if (convergedWithinTwo) {
            converged++;
        }
    }

    void duplicates(String where, List<String> found) {
        duplicates += found.size();
        found.forEach(f -> problems.add(where + ": made twice or unmarked: " + f));
    }

    void leaks(String where, List<String> found) {
        leaks += found.size();
        found.forEach(f -> problems.add(where + ": left after decommission: " + f));
    }

    void foreign(String where, List<String> found) {
        foreignTouched += found.size();
        found.forEach(f -> problems.add(where + ": foreign object touched: " + f));
    }

    void statuses(String where, List<String> found) {
        badStatuses += found.size();
        found.forEach(f -> problems.add(where + ": final status " + f));
    }

    void plan(String where, String environment, String output) {
        nonEmptyPlans++;
        problems.add(where + ": fresh plan of " + environment + " not empty: " + output);
    }

    void notConverged(String where, String why) {
        problems.add(where + ": " + why);
    }

    void failedRequests(long failed) {
        failedRequests = failed;
    }

    public String target() {
        return target;
    }

    public int points() {
        return points;
    }

    public int converged() {
        return converged;
    }

    public int duplicates() {
        return duplicates;
    }

    public int leaks() {
        return leaks;
    }

    public int foreignTouched() {
        return foreignTouched;
    }

    /** Final statuses lost, posted twice or with the wrong outcome. */
    public int badStatuses() {
        return badStatuses;
    }

    public int nonEmptyPlans() {
        return nonEmptyPlans;
    }

    public long failedRequests() {
        return failedRequests;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public String toString() {
        return String.format("%s: %d kill points; converged within two reconciles %d/%d; fresh plan not empty %d; "
                        + "duplicates %d; leaks %d; foreign touched %d; final statuses lost, doubled or wrong %d; "
                        + "failed requests %d", target, points, converged, points, nonEmptyPlans, duplicates, leaks,
                foreignTouched, badStatuses, failedRequests);
    }
}
