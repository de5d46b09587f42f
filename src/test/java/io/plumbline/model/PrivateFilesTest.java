package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aStateFileIsReplacedWholeAndReadableByItsOwnerOnly() throws Exception {
        Path file = tmp.resolve("state/history/production.json");

        PrivateFiles.write(file, "[1]".getBytes(StandardCharsets.UTF_8));
        PrivateFiles.write(file, "[1,2]".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("[1,2]");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void anExistingFolderOpenToOthersIsClosed() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(open.resolve("old.json"), "{}");
        Files.setPosixFilePermissions(open.resolve("old.json"), PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.restrictTree(open);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open.resolve("old.json"))))
                .isEqualTo("rw-------");
    }
}
