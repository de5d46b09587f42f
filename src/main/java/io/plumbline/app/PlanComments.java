package io.plumbline.app;

import io.plumbline.engine.review.PlanListener;
import io.plumbline.engine.review.PlanReport;
import io.plumbline.report.CommentThread;
import io.plumbline.report.PlanCommentPoster;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keeps one comment per environment on a pull request showing its latest plan, edited in place; the pull request
 * is the one whose head ref the host names ({@link CommentThread#pullRequest}). The comments are written in the
 * background and retried ({@link PlanCommentPoster}).
 */
public final class PlanComments implements PlanListener, AutoCloseable {
    private final PlanCommentPoster comments;

    public PlanComments(PlanCommentPoster comments) {
        this.comments = comments;
    }

    @Override
    public void planned(String ref, List<PlanReport> reports) {
        OptionalInt pull = comments.pullRequest(ref);
        if (pull.isEmpty()) {
            return;
        }
        for (PlanReport report : reports) {
            comments.submit(pull.getAsInt(), report.environment(), markdown(report));
        }
    }

    @Override
    public void close() {
        comments.close();
    }

    static String markdown(PlanReport r) {
        StringBuilder md = new StringBuilder("### Plumbline plan: `").append(r.environment()).append("` at `")
                .append(r.commit(), 0, Math.min(12, r.commit().length())).append("`\n\n");
        if (!r.error().isEmpty()) {
            return md.append("Cannot plan:\n\n```\n").append(r.error()).append("\n```\n").toString();
        }
        md.append(r.summary()).append("\n");
        if (!r.changes().isEmpty()) {
            md.append("\n```diff\n");
            r.changes().forEach(c -> md.append(c).append('\n'));
            md.append("```\n");
        }
        if (!r.destructive().isEmpty()) {
            md.append("\n**Destructive changes** — review before merging:\n");
            r.destructive().forEach(d -> md.append("- ").append(d).append('\n'));
        }
        return md.toString();
    }
}
