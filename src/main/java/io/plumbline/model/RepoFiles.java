package io.plumbline.model;

import java.io.IOException;
import java.util.List;

/** The files of a repository at one revision: a commit, or a plain folder. */
public interface RepoFiles {

    Revision revision();

    /** Paths of the files below {@code folder} (recursively), relative to the repository root, sorted. */
    List<String> list(String folder) throws IOException;

    /** The bytes of a file; {@link java.nio.file.NoSuchFileException} when there is none. */
    byte[] read(String path) throws IOException;
}
