package io.plumbline.http.page;

import io.plumbline.engine.history.Hold;
import io.plumbline.engine.plan.SyncWindows;
import io.plumbline.engine.plan.WindowStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What holds an environment's applies back: the hold after a rollback ("held", with what its status says), the
 * sync windows (each marked when it is open now), and the time an apply held back by them waits for.
 */
final class SyncView {
    /** How much of a hold's reason the overview shows; the environment's page shows all of it. */
    private static final int SHORT = 140;

    private SyncView() {
    }

    /** The held badge and its reason, shortened for the overview when {@code brief}. */
    static void hold(Html html, Optional<Hold> hold, boolean brief) {
        hold.ifPresent(h -> {
            String reason = brief && h.reason().length() > SHORT ? h.reason().substring(0, SHORT) + "…" : h.reason();
            html.raw("<div class=\"held\" title=\"").text(h.reason()).raw("\">")
                    .el("span", "badge bad", "held").raw(" ").el("span", "reason", reason).raw("</div>");
        });
    }

    /** "waiting for window 2026-12-02 22:00 UTC", as the commit's status says it. */
    static void waiting(Html html, Optional<Instant> opens) {
        opens.ifPresent(t -> html.raw("<div class=\"waiting\">").el("span", "badge busy", "waiting")
                .raw(" ").text("waiting for window " + SyncWindows.time(t)).raw("</div>"));
    }

    /** "migrating: 25% → 50%, next check in 40 s", as the commit's pending status says it. */
    static void progress(Html html, Optional<String> progress) {
        progress.ifPresent(p -> html.raw("<div class=\"progress\">").el("span", "badge busy", "in progress")
                .raw(" ").text(p).raw("</div>"));
    }

    /** Each window on one line, the open ones marked; nothing when the environment has none. */
    static void windows(Html html, List<WindowStatus> windows) {
        if (windows.isEmpty()) {
            html.el("span", "quiet", "none");
            return;
        }
        html.raw("<ul class=\"windows\">");
        for (WindowStatus w : windows) {
            html.raw("<li class=\"window ").text(w.kind()).raw(w.open() ? " open" : "").raw("\">")
                    .el("code", "", w.label());
            if (w.open()) {
                html.raw(" ").el("span", "badge " + (w.kind().equals("deny") ? "bad" : "ok"), "open now");
            }
            html.raw("</li>");
        }
        html.raw("</ul>");
    }
}
