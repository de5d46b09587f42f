package io.plumbline.http.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.plumbline.engine.review.PlanReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The web page: {@code /} (every environment), {@code /environments/{name}} (one environment) and
 * {@code /plans/{sha}} (the plans of a pull-request head), server-rendered; {@code /page/*} are its stylesheet
 * and script. Read-only: every path here is a read.
 */
@Controller
public class PageController {
    private static final String CSS = resource("plumbline.css");
    private static final String JS = resource("page.js");

    private final PageData data;

    public PageController(PageData data) {
        this.data = data;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String overview() {
        return OverviewPage.render(data.environments(), data.running());
    }

    @Get("/environments/{name}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> environment(@PathVariable String name) {
        if (!data.known(name)) {
            return HttpResponse.<String>notFound().body(Layout.page("Not found", false,
                    new Html().el("h1", "", "No environment named " + name)));
        }
        return HttpResponse.ok(EnvironmentPage.render(data.summary(name), data.drift(name), data.pullRequests(),
                new HistoryView(data.history(name), data::commit), data.running()));
    }

    @Get("/plans/{sha}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> plans(@PathVariable String sha) {
        List<PlanReport> plans = data.plans(sha);
        Html html = new Html().raw("<nav class=\"crumbs\"><a href=\"/\">Environments</a> / </nav>")
                .el("h1", "", "Plan at " + Layout.shortSha(sha));
        if (plans.isEmpty()) {
            return HttpResponse.<String>notFound().body(Layout.page("Plan", false,
                    html.el("p", "empty", "No plan is kept for this commit.")));
        }
        plans.forEach(p -> PlanView.render(html, p.ref(), p));
        return HttpResponse.ok(Layout.page("Plan", data.running(), html));
    }

    @Get("/page/plumbline.css")
    @Produces("text/css")
    public String css() {
        return CSS;
    }

    @Get("/page/page.js")
    @Produces("text/javascript")
    public String js() {
        return JS;
    }

    private static String resource(String name) {
        try (InputStream in = PageController.class.getResourceAsStream("/page/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
