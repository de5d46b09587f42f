package io.plumbline.load;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.UnreadableFileException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Reads a file of the revision; a file that cannot be read is invalid input for that file, not a crash. */
final class Unreadable {
    private Unreadable() {
    }

    static byte[] read(RepoFiles files, String path) {
        String file = Printable.escape(path);
        try {
            return files.read(path);
        } catch (UnreadableFileException e) {
            throw new InvalidInputException(Problem.inFile(file, Printable.escape(e.reason())));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.inFile(file, "no such file"
                    + (e.getReason() == null ? "" : " (" + e.getReason() + ")")));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.inFile(file, "cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Printable.escape(e.getMessage()))));
        }
    }
}
