package io.plumbline.http.page;

import java.util.List;

/** {@code /}: every environment on one line. */
final class OverviewPage {
    private OverviewPage() {
    }

    static String render(List<EnvironmentSummary> environments, boolean running) {
        Html html = new Html().raw("<h1>Environments</h1>");
        if (environments.isEmpty()) {
            html.el("p", "empty", "No environment has been reconciled yet.");
            return Layout.page("Environments", running, html);
        }
        // The proxy hosts' column appears once an environment names hosts for proxy agents.
        boolean agents = environments.stream().anyMatch(env -> !env.agents().isEmpty());
        html.raw("<table class=\"list\"><thead><tr><th>Environment</th><th>Mode</th><th>Last commit</th>")
                .raw("<th>Result</th><th>Health</th><th>Drift</th><th>Sync windows</th>")
                .raw(agents ? "<th>Proxy hosts</th>" : "").raw("</tr></thead><tbody>");
        for (EnvironmentSummary env : environments) {
            row(html, env, agents);
        }
        return Layout.page("Environments", running, html.raw("</tbody></table>"));
    }

    private static void row(Html html, EnvironmentSummary env, boolean agents) {
        String page = Layout.environment(env.name());
        html.raw("<tr id=\"env-").text(env.name()).raw("\"><td class=\"name\">").link(page, env.name()).raw("</td>");
        html.raw("<td>").el("span", "mode", env.mode().isEmpty() ? "—" : env.mode());
        SyncView.hold(html, env.hold(), true);
        SyncView.waiting(html, env.waiting());
        SyncView.progress(html, env.progress());
        env.reconciledBy().ifPresent(replica -> html.raw("<div class=\"meta\">by ").text(replica).raw("</div>"));
        html.raw("</td><td class=\"commit\">");
        env.latest().ifPresent(latest -> {
            html.link(page + "#" + Html.segment(latest.commit()), Layout.shortSha(latest.commit()))
                    .raw(" ").el("span", "subject", env.commit().map(c -> c.subject()).orElse(""));
            html.raw("<div class=\"meta\">");
            env.commit().ifPresent(c -> html.text(c.author()).raw(" · ").text(Layout.time(c.time())));
            html.raw("</div>");
        });
        html.raw("</td><td>");
        Badges.result(html, env.running() ? "running" : env.latest().map(l -> l.result()).orElse(""));
        html.raw("</td><td>");
        Badges.health(html, env.latest().map(l -> l.health()).orElse(""));
        html.raw("</td><td>");
        if (env.drift() == 0) {
            html.el("span", "quiet", "none");
        } else {
            html.raw("<a class=\"drift\" href=\"").text(page).raw("#drift\">").text(env.drift()
                    + (env.drift() == 1 ? " resource" : " resources")).raw("</a>");
        }
        html.raw("</td><td class=\"sync\">");
        SyncView.windows(html, env.windows());
        if (agents) {
            html.raw("</td><td class=\"agents\">");
            AgentsView.badges(html, env.agents());
        }
        html.raw("</td></tr>");
    }
}
