package io.plumbline.http.page;

import io.plumbline.engine.review.PlanReport;

/** One environment's plan at a pull-request head: summary, the changes, and what is destructive. */
final class PlanView {
    private PlanView() {
    }

    static void render(Html html, String ref, PlanReport plan) {
        html.raw("<article class=\"plan\" id=\"plan-").text(plan.environment()).raw("-").text(plan.commit())
                .raw("\"><h3>").text(ref).raw(" <span class=\"meta\">at ")
                .link("/plans/" + Html.segment(plan.commit()), Layout.shortSha(plan.commit())).raw(" · ")
                .text(plan.environment()).raw("</span></h3>");
        if (!plan.error().isEmpty()) {
            html.raw("<pre class=\"error\">").text(plan.error()).raw("</pre></article>");
            return;
        }
        html.el("p", "", plan.summary());
        if (!plan.changes().isEmpty()) {
            html.raw("<pre class=\"changes\">");
            plan.changes().forEach(c -> html.el("span", c.startsWith("-") ? "del" : c.startsWith("+") ? "add" : "mod",
                    c).raw("\n"));
            html.raw("</pre>");
        }
        if (!plan.destructive().isEmpty()) {
            html.raw("<p class=\"warn\">Destructive — review before merging:</p><ul class=\"warn\">");
            plan.destructive().forEach(d -> html.el("li", "", d));
            html.raw("</ul>");
        }
        html.raw("</article>");
    }
}
