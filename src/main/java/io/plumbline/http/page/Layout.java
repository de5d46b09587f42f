package io.plumbline.http.page;

import io.plumbline.app.BuildVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The frame every page shares: head, header bar, and the self-refresh while a reconcile runs. */
final class Layout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Layout() {
    }

    /**
     * @param running whether a reconcile runs: the page then reloads itself every few seconds (page.js) until
     *                one rendered without it
     */
    static String page(String title, boolean running, Html body) {
        Html html = new Html().raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · Plumbline</title>")
                .raw("<link rel=\"stylesheet\" href=\"/page/plumbline.css\">")
                .raw("<script src=\"/page/page.js\" defer></script></head>")
                .raw("<body data-running=\"" + running + "\"><header class=\"bar\"><a class=\"brand\" href=\"/\">")
                .raw("<span class=\"plumb\">⊥</span> Plumbline</a>");
        if (running) {
            html.raw("<span class=\"live\">reconciling… this page refreshes itself</span>");
        }
        return html.raw("</header><main>").raw(body.toString()).raw("</main><footer class=\"version\">Plumbline ")
                .text(BuildVersion.current()).raw("</footer></body></html>\n").toString();
    }

    /** An ISO-8601 instant as {@code 2026-11-29 15:44:22 UTC}; anything else as it is. */
    static String time(String iso) {
        try {
            return TIME.format(Instant.parse(iso));
        } catch (DateTimeParseException | NullPointerException e) {
            return iso == null ? "" : iso;
        }
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String shortSha(String commit) {
        return commit == null ? "" : commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    /** The stable address of an environment's page; {@code #<commit>} points at that commit's latest entry. */
    static String environment(String name) {
        return "/environments/" + Html.segment(name);
    }
}
