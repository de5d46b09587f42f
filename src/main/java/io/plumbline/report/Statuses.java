package io.plumbline.report;

import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns reconcile events into commit statuses.
 *
 * <p>Results map as follows: SUCCESS → success; FAILURE → failure with the error; INVALID → failure with the
 * first {@code file:line:col: message} (the commit itself is wrong); REFUSED → error, because a safety guard
 * (deletion share, account mismatch) stopped Plumbline before it wrote anything: the change may be right but
 * needs a person to confirm it, which hosts show apart from an ordinary failure.
 */
public final class Statuses {
    private final String targetUrlTemplate;
    private final Optional<String> agentHost;

    /**
     * @param targetUrlTemplate the link put on every status, e.g.
     *                          {@code https://plumbline.example.com/environments/{environment}}; the placeholder
     *                          {@code {environment}} is replaced by the URL-encoded name, {@code {commit}} by the
     *                          commit's full sha. May be null or blank.
     */
    public Statuses(String targetUrlTemplate) {
        this(targetUrlTemplate, Optional.empty());
    }

    /** @param agentHost the proxy host whose agent posts these statuses; empty for the service */
    public Statuses(String targetUrlTemplate, Optional<String> agentHost) {
        this.targetUrlTemplate = targetUrlTemplate == null || targetUrlTemplate.isBlank() ? null : targetUrlTemplate;
        this.agentHost = agentHost;
    }

    /** The context this service or agent posts statuses of that kind under, for the environment. */
    public String context(StatusContext kind, String environment) {
        return kind.of(environment, agentHost);
    }

    /** A reconcile of the environment at this revision was picked up. */
    public CommitStatus pending(String environment, Revision revision, StatusContext context) {
        String verb = context == StatusContext.PLAN ? "planning" : context == StatusContext.DRIFT
                ? "checking for drift" : "applying";
        return new CommitStatus(revision.commit(), context(context, environment), CommitStatus.State.PENDING,
                verb + " " + environment + " at " + revision.shortCommit(),
                targetUrl(environment, revision.commit()));
    }

    /** The finished reconcile, on the commit that caused it. */
    public CommitStatus finished(Outcome outcome, StatusContext context) {
        return finished(outcome.environment(), outcome.revision().commit(), outcome.result(), outcome.summary(),
                context);
    }

    /** A finished reconcile as history recorded it: the same status its outcome gave. */
    public CommitStatus finished(String environment, String commit, Outcome.Result result, String summary,
                                 StatusContext context) {
        return new CommitStatus(commit, context(context, environment), state(result), summary,
                targetUrl(environment, commit));
    }

    static CommitStatus.State state(Outcome.Result result) {
        return switch (result) {
            case SUCCESS -> CommitStatus.State.SUCCESS;
            case FAILURE, INVALID -> CommitStatus.State.FAILURE;
            case REFUSED -> CommitStatus.State.ERROR;
        };
    }

    private String targetUrl(String environment, String commit) {
        return targetUrlTemplate == null ? null : targetUrlTemplate.replace("{environment}",
                URLEncoder.encode(environment, StandardCharsets.UTF_8).replace("+", "%20"))
                .replace("{commit}", commit);
    }
}
