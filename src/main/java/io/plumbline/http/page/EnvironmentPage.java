package io.plumbline.http.page;

import io.plumbline.engine.drift.DriftEntry;
import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.review.PlanReport;
import java.util.List;
import java.util.Optional;

/**
 * {@code /environments/{name}}: the summary, the drift report field by field ({@code #drift}), the plan of
 * each open pull request ({@code #plans}) and the history ({@code #history}, one entry per reconcile, the
 * newest entry of a commit at {@code #<commit>}).
 */
final class EnvironmentPage {
    private EnvironmentPage() {
    }

    static String render(EnvironmentSummary env, Optional<DriftReport> drift, List<PageData.PullRequestPlans> prs,
                         HistoryView history, boolean running) {
        Html html = new Html().raw("<nav class=\"crumbs\"><a href=\"/\">Environments</a> / </nav>")
                .el("h1", "", env.name());
        html.raw("<p class=\"facts\">mode ").el("span", "mode", env.mode().isEmpty() ? "—" : env.mode());
        env.reconciledBy().ifPresent(r -> html.raw(" · reconciled by replica ").el("span", "replica", r));
        html.raw(" · last result ");
        Badges.result(html, env.running() ? "running" : env.latest().map(l -> l.result()).orElse(""));
        html.raw(" · health ");
        Badges.health(html, env.latest().map(l -> l.health()).orElse(""));
        html.raw(" · <a href=\"#windows\">sync windows</a> · <a href=\"#drift\">drift</a> · ")
                .raw("<a href=\"#plans\">pull requests</a> · <a href=\"#history\">history</a></p>");
        SyncView.hold(html, env.hold(), false);
        SyncView.waiting(html, env.waiting());
        SyncView.progress(html, env.progress());
        html.raw("<section id=\"windows\"><h2>Sync windows</h2>");
        SyncView.windows(html, env.windows());
        html.raw("</section>");
        AgentsView.section(html, env.agents());
        drift(html, drift);
        plans(html, env.name(), prs);
        history.render(html);
        return Layout.page(env.name(), running, html);
    }

    private static void drift(Html html, Optional<DriftReport> report) {
        html.raw("<section id=\"drift\"><h2>Drift</h2>");
        if (report.isEmpty()) {
            html.el("p", "empty", "Not checked yet.").raw("</section>");
            return;
        }
        DriftReport r = report.get();
        html.raw("<p class=\"meta\">checked ").text(Layout.time(r.checkedAt())).raw(" against ")
                .text(Layout.shortSha(r.commit())).raw("</p>");
        if (r.entries().isEmpty()) {
            html.el("p", "empty", "Everything is as the commit says.").raw("</section>");
            return;
        }
        html.raw("<table class=\"drift\"><thead><tr><th>Resource</th><th>Field</th><th>Wanted</th><th>Found</th>")
                .raw("<th>First seen</th></tr></thead><tbody>");
        for (DriftEntry e : r.entries()) {
            String resource = e.resource().startsWith(e.provider() + " ")
                    ? e.resource().substring(e.provider().length() + 1) : e.resource();
            html.raw("<tr><td>").el("span", "provider", e.provider()).raw(" ").text(resource).raw("</td><td>")
                    .el("code", "", e.field()).raw("</td><td>").el("code", "wanted", e.wanted()).raw("</td><td>")
                    .el("code", "found", e.found()).raw("</td><td class=\"meta\">").text(Layout.time(e.firstSeen()))
                    .raw("</td></tr>");
        }
        html.raw("</tbody></table></section>");
    }

    private static void plans(Html html, String environment, List<PageData.PullRequestPlans> prs) {
        html.raw("<section id=\"plans\"><h2>Open pull requests</h2>");
        boolean any = false;
        for (PageData.PullRequestPlans pr : prs) {
            for (PlanReport plan : pr.plans()) {
                if (plan.environment().equals(environment)) {
                    any = true;
                    PlanView.render(html, pr.ref(), plan);
                }
            }
        }
        if (!any) {
            html.el("p", "empty", "No open pull request changes this environment.");
        }
        html.raw("</section>");
    }
}
