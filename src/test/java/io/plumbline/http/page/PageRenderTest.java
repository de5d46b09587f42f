package io.plumbline.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.drift.DriftEntry;
import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.engine.history.Hold;
import io.plumbline.engine.plan.WindowStatus;
import io.plumbline.http.agent.AgentView;
import io.plumbline.source.CommitInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whatever an environment file, a commit or a provider says is shown as text, never run as markup. */
class PageRenderTest {
    private static final String EVIL = "<img src=x onerror=alert(1)>\"'&";
    private static final String ESCAPED = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static HistoryEntry entry() {
        return new HistoryEntry(EVIL, "environments/x.yaml", SHA, "main", "poll", "2026-11-29T15:00:00Z",
                "2026-11-29T15:00:05Z", "failure", EVIL, Map.of(EVIL, Map.of("failed", 1L)), "degraded", EVIL,
                List.of(EVIL), EVIL);
    }

    private static EnvironmentSummary summary() {
        return new EnvironmentSummary(EVIL, EVIL, Optional.of(new CommitInfo(SHA, EVIL, EVIL,
                Instant.parse("2026-11-29T14:00:00Z"))), Optional.of(entry()), 1, false, Optional.of(new Hold(SHA, EVIL)),
                List.of(new WindowStatus(EVIL, EVIL, EVIL, EVIL, EVIL, true)),
                Optional.of(Instant.parse("2026-11-29T22:00:00Z")),
                List.of(new AgentView(EVIL, true, "2026-11-29T15:00:00Z", SHA, "failure", "degraded", EVIL, EVIL)),
                Optional.of(EVIL), Optional.of(EVIL));
    }

    @Test
    void theOverviewEscapesEveryValue() {
        String html = OverviewPage.render(List.of(summary()), false);
        assertThat(html).doesNotContain("<img").contains(ESCAPED, "waiting for window 2026-11-29 22:00 UTC")
                .contains("href=\"/environments/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%22%27%26\"");
    }

    @Test
    void aReconcileThatAppliedNothingShowsNoHealthAndOneThatDidNotLookShowsUnknown() {
        HistoryEntry invalid = new HistoryEntry("production", "environments/production.yaml", SHA, "main", "poll",
                "2026-11-29T15:00:00Z", "2026-11-29T15:00:05Z", "invalid", "bad", Map.of(), null, "",
                List.of("environments/production.yaml:3:9: bad"), "");
        HistoryEntry unread = new HistoryEntry("production", "environments/production.yaml", SHA, "main", "poll",
                "2026-11-29T15:00:00Z", "2026-11-29T15:00:05Z", "failure", "refused", Map.of(), "unknown",
                "not observed", List.of(), "connection refused");

        String invalidHtml = rendered(invalid);
        String unreadHtml = rendered(unread);

        assertThat(invalidHtml).contains("nothing applied").doesNotContain("health", "healthy", "unknown");
        assertThat(unreadHtml).contains("health <span class=\"badge none\">unknown</span>").doesNotContain("healthy");
    }

    private static String rendered(HistoryEntry entry) {
        Html html = new Html();
        new HistoryView(List.of(entry), sha -> Optional.empty()).render(html);
        return html.toString();
    }

    @Test
    void theEnvironmentPageEscapesDriftHistoryAndCommitText() {
        DriftReport drift = new DriftReport(EVIL, SHA, "2026-11-29T15:00:10Z",
                List.of(new DriftEntry(EVIL, EVIL, EVIL, EVIL, EVIL, "2026-11-29T15:00:10Z")));
        String html = EnvironmentPage.render(summary(), Optional.of(drift), List.of(),
                new HistoryView(List.of(entry()), sha -> summary().commit()), true);
        assertThat(html).doesNotContain("<img").contains(ESCAPED, "id=\"" + SHA + "\"", "data-running=\"true\"");
    }
}
