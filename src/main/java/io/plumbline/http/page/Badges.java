package io.plumbline.http.page;

/** The coloured labels for results and health; the class names are the page's own, the text is escaped. */
final class Badges {
    private Badges() {
    }

    static void result(Html html, String result) {
        String kind = switch (result == null ? "" : result) {
            case "success" -> "ok";
            case "failure", "invalid", "refused" -> "bad";
            case "running" -> "busy";
            default -> "none";
        };
        html.el("span", "badge " + kind, result == null || result.isEmpty() ? "never" : result);
    }

    static void health(Html html, String health) {
        String kind = switch (health == null ? "" : health) {
            case "healthy" -> "ok";
            case "degraded", "failed" -> "bad";
            case "progressing" -> "busy";
            default -> "none";
        };
        // No health at all: nothing was applied (or nothing has run yet), so there is nothing to claim.
        html.el("span", "badge " + kind, health == null || health.isEmpty() ? "none" : health);
    }
}
