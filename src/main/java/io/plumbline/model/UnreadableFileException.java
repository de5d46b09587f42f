package io.plumbline.model;

import java.io.IOException;

/**
 * A path of the repository that cannot be read as a configuration file: a gitlink, a symbolic link, a file over
 * the size cap, a folder that cannot be listed, or more files than the cap. It is invalid input for that path
 * alone; the other files still load.
 *
 * @see RepoFiles
 */
public final class UnreadableFileException extends IOException {
    private final String path;
    private final String reason;

    public UnreadableFileException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    /** Why it cannot be read, without the path. */
    public String reason() {
        return reason;
    }
}
