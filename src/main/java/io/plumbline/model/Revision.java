package io.plumbline.model;

/**
 * The commit an environment was read at.
 *
 * @param ref     the branch or pull-request ref it was found on
 * @param message the full commit message (trailers such as {@code Plumbline-Allow-Deletes} live there)
 */
public record Revision(String commit, String ref, String message) {
    public static final Revision WORKING_TREE = new Revision("working-tree", "", "");

    public String shortCommit() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
