package io.plumbline.http.page;

import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.source.CommitInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The history of one environment, newest first. The newest entry of each commit carries the commit's full sha
 * as its id, so a commit status can link straight to it.
 */
record HistoryView(List<HistoryEntry> entries, Function<String, Optional<CommitInfo>> commits) {

    void render(Html html) {
        html.raw("<section id=\"history\"><h2>History</h2>");
        if (entries.isEmpty()) {
            html.el("p", "empty", "No reconcile yet.");
        }
        Set<String> anchored = new HashSet<>();
        for (HistoryEntry e : entries) {
            html.raw("<article class=\"entry ").text(e.result()).raw("\"");
            if (anchored.add(e.commit())) {
                html.raw(" id=\"").text(e.commit()).raw("\"");
            }
            html.raw("><div class=\"head\">");
            Badges.result(html, e.result());
            html.raw(" ").el("code", "sha", Layout.shortSha(e.commit()));
            Optional<CommitInfo> commit = commits.apply(e.commit());
            commit.ifPresent(c -> html.raw(" ").el("span", "subject", c.subject()));
            html.raw("<span class=\"meta right\">").text(Layout.time(e.finished())).raw(" · ").text(e.trigger())
                    .raw("</span></div><div class=\"meta\">");
            commit.ifPresent(c -> html.text(c.author()).raw(" · committed ").text(Layout.time(c.time())).raw(" · "));
            if (e.health() == null) {
                html.raw("nothing applied");
            } else {
                html.raw("health ");
                Badges.health(html, e.health());
            }
            if (e.error().isEmpty()) {
                html.raw(" · ").text(e.summary());
            }
            html.raw("</div>");
            counts(html, e.counts());
            if (!e.error().isEmpty()) {
                html.raw("<pre class=\"error\">").text(e.error()).raw("</pre>");
            } else if (!e.healthReason().isEmpty()) {
                html.raw("<pre class=\"error\">").text(e.healthReason()).raw("</pre>");
            }
            if (!e.problems().isEmpty()) {
                html.raw("<pre class=\"error\">").text(String.join("\n", e.problems())).raw("</pre>");
            }
            html.raw("</article>");
        }
        html.raw("</section>");
    }

    private static void counts(Html html, Map<String, Map<String, Long>> counts) {
        if (counts.isEmpty()) {
            return;
        }
        html.raw("<ul class=\"counts\">");
        counts.forEach((provider, byResult) -> {
            html.raw("<li>").el("span", "provider", provider);
            byResult.forEach((result, n) -> html.raw(" ").el("span", "count " + result, n + " " + result));
            html.raw("</li>");
        });
        html.raw("</ul>");
    }
}
