package io.plumbline.testing;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A repository's files held in memory, for tests that load thousands of variants of one file. */
public final class MemoryFiles implements RepoFiles {
    private final Map<String, byte[]> files;
    private final Revision revision;

    public MemoryFiles(Map<String, byte[]> files) {
        this(files, Revision.WORKING_TREE);
    }

    /** The files of one commit. */
    public MemoryFiles(Map<String, byte[]> files, Revision revision) {
        this.files = new TreeMap<>(files);
        this.revision = revision;
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public List<String> list(String folder) {
        return files.keySet().stream().filter(p -> p.startsWith(folder + "/")).toList();
    }

    @Override
    public byte[] read(String path) throws NoSuchFileException {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new NoSuchFileException(path);
        }
        return bytes;
    }
}
