package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Branch names follow git check-ref-format --branch, and neither HEAD nor a leading '-' passes. */
class BranchNamesTest {
    @Test
    void namesGitAcceptsPass() {
        for (String name : new String[] {"main", "promote/frontend", "release-1.2", "a.b/c_d", "user@host",
                "héllo"}) {
            assertThat(BranchNames.problem(name)).as(name).isEmpty();
        }
    }

    @Test
    void namesGitRefusesAreRefused() {
        for (String name : new String[] {"", "HEAD", "-x", "--force", "a..b", "a@{1}", "@", "x.lock", "a/b.lock/c",
                "a/", "/a", "a//b", ".a", "a/.b", "a.", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[", "a\\b",
                "a\u0001b", "a\nb"}) {
            assertThat(BranchNames.problem(name)).as(name).hasValueSatisfying(p -> assertThat(p)
                    .contains("is not a branch name git accepts").doesNotContain("\n").doesNotContain("\u0001"));
        }
        assertThat(BranchNames.problem(null)).isPresent();
    }
}
