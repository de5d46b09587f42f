package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import io.plumbline.model.Revision;
import io.plumbline.source.DirectoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code broken/} is an environment file with something wrong. Its trailing
 * {@code # expect: file:line:col: pointer: message} comments are exactly the problems it must produce.
 */
class BrokenCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/broken");
    private static final EnvironmentLoader LOADER = new EnvironmentLoader();

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+-.*\\.yaml"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void reportsExactlyTheExpectedProblems(String file) throws IOException {
        List<String> expected = Files.readAllLines(CORPUS.resolve(file)).stream()
                .filter(l -> l.startsWith("# expect: ")).map(l -> l.substring("# expect: ".length())).toList();
        assertThat(expected).as("the fixture declares its expected problems").isNotEmpty();

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> LOADER.load(new DirectoryFiles(CORPUS, Revision.WORKING_TREE), file));

        assertThat(thrown).as(file + " must be refused").isNotNull();
        assertThat(thrown.problems()).extracting(Problem::toString).containsExactlyInAnyOrderElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void corpusHasAtLeastFortyCases() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }
}
