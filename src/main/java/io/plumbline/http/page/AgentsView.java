package io.plumbline.http.page;

import io.plumbline.http.agent.AgentView;
import java.util.List;

/**
 * The proxy hosts of an environment that names them ({@code spec.haproxy.hosts}): each host on its own, so a host
 * that fails or whose agent went quiet never hides the others. A stale agent says since when it has been silent.
 */
final class AgentsView {
    private AgentsView() {
    }

    /** One badge per host, for the overview: its result, or {@code stale}. */
    static void badges(Html html, List<AgentView> agents) {
        for (AgentView agent : agents) {
            html.raw("<div class=\"agent\">").text(agent.host()).raw(" ");
            if (agent.stale()) {
                html.el("span", "badge bad", "stale");
            } else {
                Badges.result(html, agent.result());
            }
            html.raw("</div>");
        }
    }

    /** {@code #agents}: a table of the hosts with each agent's latest result and last report. */
    static void section(Html html, List<AgentView> agents) {
        if (agents.isEmpty()) {
            return;
        }
        html.raw("<section id=\"agents\"><h2>Proxy hosts</h2><table class=\"agents\"><thead><tr><th>Host</th>")
                .raw("<th>Agent</th><th>Commit</th><th>Result</th><th>Health</th><th>Summary</th></tr></thead><tbody>");
        for (AgentView agent : agents) {
            html.raw("<tr id=\"host-").text(agent.host()).raw("\"><td class=\"name\">").text(agent.host())
                    .raw("</td><td>");
            reporting(html, agent);
            html.raw("</td><td class=\"commit\">").text(Layout.shortSha(agent.commit())).raw("</td><td>");
            Badges.result(html, agent.result());
            html.raw("</td><td>");
            Badges.health(html, agent.health());
            html.raw("</td><td>").text(agent.summary() == null ? "" : agent.summary());
            if (agent.finished() != null) {
                html.raw("<div class=\"meta\">").text(Layout.time(agent.finished())).raw("</div>");
            }
            html.raw("</td></tr>");
        }
        html.raw("</tbody></table></section>");
    }

    private static void reporting(Html html, AgentView agent) {
        if (agent.lastReport() == null) {
            html.el("span", "badge bad", "stale").raw(" ").el("span", "meta", "never reported");
        } else if (agent.stale()) {
            html.el("span", "badge bad", "stale").raw(" ").el("span", "meta", "no report since "
                    + Layout.time(agent.lastReport()));
        } else {
            html.el("span", "badge ok", "reporting").raw(" ").el("span", "meta", "last report "
                    + Layout.time(agent.lastReport()));
        }
    }
}
