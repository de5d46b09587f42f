package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class StatusSettingsTest {
    static final Token TOKEN = new Token("glpat-s3cr3t");

    @Test
    void eachHostBuildsItsReporterWithPublicDefaults() {
        assertThat(build("github", "", "team/config").toString())
                .isEqualTo("github statuses at https://api.github.com/repos/team/config");
        assertThat(build("gitlab", null, "infra/platform/config").toString())
                .isEqualTo("gitlab statuses at https://gitlab.com/api/v4/projects/infra%2Fplatform%2Fconfig");
        assertThat(build("bitbucket-cloud", null, "team/config").host()).isEqualTo("bitbucket-cloud");
        assertThat(build("gitea", "https://codeberg.org/", "team/config").toString())
                .isEqualTo("gitea statuses at https://codeberg.org/api/v1/repos/team/config");
        assertThat(new StatusSettings(null, null, null, null, null, Path.of("/srv/cache"), null)
                .reporter(Clock.systemUTC())).isInstanceOf(GitNotesReporter.class);
    }

    @Test
    void missingOrWrongSettingsAreNamed() {
        assertThatThrownBy(() -> build("gitbucket", null, "team/config"))
                .hasMessageContaining("unknown host 'gitbucket'").hasMessageContaining("bitbucket-server");
        assertThatThrownBy(() -> build("gitea", null, "team/config")).hasMessageContaining("api-url is required");
        assertThatThrownBy(() -> build("github", null, "team/../config")).hasMessageContaining("repository");
        assertThatThrownBy(() -> build("github", null, "config")).hasMessageContaining("owner/name");
        assertThatThrownBy(() -> new StatusSettings("github", null, "team/config", null, null, null, null)
                .reporter(Clock.systemUTC())).hasMessageContaining("token is required");
        assertThatThrownBy(() -> new StatusSettings("bitbucket-server", "https://bitbucket.example.com", null, TOKEN,
                null, null, null).reporter(Clock.systemUTC())).hasMessageContaining("target URL");
    }

    @Test
    void theTokenNeverShows() {
        assertThat(new StatusSettings("github", null, "team/config", TOKEN, null, null, null).toString())
                .doesNotContain("s3cr3t");
        assertThat(TOKEN.redact("bad token glpat-s3cr3t")).isEqualTo("bad token ****");
        assertThatThrownBy(() -> build("github", "https://user:glpat-s3cr3t@github.example.com", "team/config"))
                .hasMessageContaining("must not carry credentials").message().doesNotContain("s3cr3t");
    }

    private static StatusReporter build(String host, String api, String repository) {
        return new StatusSettings(host, api, repository, TOKEN, "https://plumbline.example.com", null, null)
                .reporter(Clock.systemUTC());
    }
}
