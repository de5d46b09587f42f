package io.plumbline.provider.haproxy;

/**
 * Where one backend's migration by steps stands, kept beside HAProxy's server-state file so that a restart of
 * Plumbline resumes it at the step it was in.
 *
 * @param declaration the migration as declared (from, to, steps, hold, analysis): another declaration starts afresh
 * @param commit      the commit whose reconcile moved it last
 * @param step        the index of the step it is in (or was aborted at)
 * @param since       when that step started, in epoch milliseconds
 * @param lastGood    the index of the last step whose whole hold passed its checks; -1 for none
 * @param aborted     why it went back to its last good step, or null while it runs or once it is done
 */
record MigrationRecord(String declaration, String commit, int step, long since, int lastGood, String aborted) {

    boolean abortedFor(String declared, String atCommit) {
        return aborted != null && declaration.equals(declared) && commit.equals(atCommit);
    }
}
