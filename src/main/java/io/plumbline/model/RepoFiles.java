package io.plumbline.model;

import java.io.IOException;
import java.util.List;

/**
 * The files of a repository at one revision: a commit, or a plain folder. Only regular files inside the
 * repository are ever read; everything else is listed so that whoever asked for it can say why it was refused.
 */
public interface RepoFiles {

    Revision revision();

    /**
     * Paths of the entries below {@code folder} (recursively), relative to the repository root, sorted. Entries
     * that {@link #read} refuses (gitlinks, symbolic links) are listed too, and a folder that cannot be listed
     * appears as its path with a trailing {@code /}.
     *
     * @throws UnreadableFileException when the folder holds more files than the cap
     */
    List<String> list(String folder) throws IOException;

    /**
     * The bytes of a regular file; {@link java.nio.file.NoSuchFileException} when there is none, and
     * {@link UnreadableFileException} when it is not a regular file inside the repository or is over the size
     * cap (checked before a byte is read).
     */
    byte[] read(String path) throws IOException;
}
