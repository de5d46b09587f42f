package io.plumbline.importer;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.source.DirectoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** An import written into a folder as the command writes it, and loaded back by the real loader. */
public final class ImportedFiles {
    private ImportedFiles() {
    }

    public static LoadedEnvironment writeAndLoad(Path repo, String name, ImportedPart part) {
        String file = "environments/" + name + ".yaml";
        try {
            new ImportOutput(repo, false).write(ImportOutput.all(file, EnvironmentFile.text(name, List.of("a test"),
                    List.of(part)), List.of(part)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadedEnvironment env = new EnvironmentLoader().load(new DirectoryFiles(repo, Revision.WORKING_TREE), file);
        return new LoadedEnvironment(env.file(), env.environment(), env.manifests(),
                new Revision("0123456789abcdef", "main", "import"), env.files());
    }
}
