package io.plumbline.source;

import java.time.Instant;

/**
 * Who made a commit and when, for people reading the service's page.
 *
 * @param subject the first line of the commit message
 */
public record CommitInfo(String commit, String author, String subject, Instant time) {
    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
