package io.plumbline.load;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files of a revision, recording every list and read one environment's load makes and what each answered (a
 * failure included), so that a load at another revision can tell whether it would read exactly the same: a load is
 * a function of what it reads, so then its result stands. Used by one load at a time.
 */
final class RecordedReads implements RepoFiles {
    private final RepoFiles files;
    private final List<Read> reads = new ArrayList<>();

    /** @param answer the listing, the bytes (as a buffer, compared by content) or the failure's class and message */
    private record Read(boolean list, String path, Object answer) {
    }

    RecordedReads(RepoFiles files) {
        this.files = files;
    }

    @Override
    public Revision revision() {
        return files.revision();
    }

    @Override
    public List<String> list(String folder) throws IOException {
        try {
            List<String> listed = List.copyOf(files.list(folder));
            reads.add(new Read(true, folder, listed));
            return listed;
        } catch (IOException | RuntimeException e) {
            reads.add(new Read(true, folder, failure(e)));
            throw e;
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        try {
            byte[] bytes = files.read(path);
            reads.add(new Read(false, path, ByteBuffer.wrap(bytes.clone())));
            return bytes;
        } catch (IOException | RuntimeException e) {
            reads.add(new Read(false, path, failure(e)));
            throw e;
        }
    }

    /** Whether {@code other} answers every recorded list and read as these files did. */
    boolean sameAnswers(RepoFiles other) {
        return reads.stream().allMatch(r -> Objects.equals(r.answer(), answer(other, r)));
    }

    private static Object answer(RepoFiles files, Read read) {
        try {
            return read.list() ? List.copyOf(files.list(read.path())) : ByteBuffer.wrap(files.read(read.path()));
        } catch (IOException | RuntimeException e) {
            return failure(e);
        }
    }

    private static String failure(Exception e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }
}
