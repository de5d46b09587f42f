package io.plumbline.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.plumbline.app.ServiceRole;
import io.plumbline.engine.history.History;
import io.plumbline.engine.review.Promotion;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.RefusedException;
import io.plumbline.source.BranchNames;
import io.plumbline.source.GitFetchException;
import io.plumbline.source.GitSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/promotions} with {@code {"from": "staging", "to": "production", "app": "frontend",
 * "branch": "promote/frontend"}} ({@code app} and {@code branch} optional): pushes a commit that sets the target's
 * image tags to what the source runs healthy now, on the environment branch or on a new branch for a pull request.
 * Only the service answers it: a proxy agent's history covers the HAProxy of its host alone, not what an
 * environment runs.
 */
@Controller("/api/promotions")
@Requires(property = "plumbline.role", notEquals = ServiceRole.HAPROXY_AGENT)
public class PromotionController {
    private final GitSource git;
    private final Promotion promotion;

    public PromotionController(GitSource git, EnvironmentLoader loader, History history) {
        this.git = git;
        this.promotion = new Promotion(loader, history);
    }

    /** 201 with the pushed commit; 200 nothing to promote; 400 a bad request (a branch git refuses); 409 refused; 422 a file cannot be edited; 502 push failed. */
    @Post
    public HttpResponse<Map<String, Object>> promote(@Body Map<String, String> request) {
        String from = request.get("from");
        String to = request.get("to");
        if (from == null || to == null || from.equals(to)) {
            return HttpResponse.<Map<String, Object>>badRequest().body(Map.of("error",
                    "name two different environments: {\"from\": \"staging\", \"to\": \"production\"}"));
        }
        Optional<String> badBranch = Optional.ofNullable(request.get("branch")).flatMap(BranchNames::problem);
        if (badBranch.isPresent()) {
            return HttpResponse.<Map<String, Object>>badRequest().body(Map.of("error", "branch: " + badBranch.get()));
        }
        Optional<String> head = git.head();
        if (head.isEmpty()) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "the repository has not been fetched yet"));
        }
        String branch = Optional.ofNullable(request.get("branch")).orElse(git.branch());
        try {
            Promotion.Result result = promotion.plan(git.at(head.get(), git.branch()), sha -> git.at(sha, ""),
                    from, to, Optional.ofNullable(request.get("app")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("changes", result.changes());
            if (result.changes().isEmpty()) {
                body.put("message", to + " already runs the tags " + from + " runs; nothing to promote");
                return HttpResponse.ok(body);
            }
            body.put("commit", git.publish(head.get(), result.file(), result.text(), result.message(), branch));
            body.put("branch", branch);
            body.put("file", result.file());
            return HttpResponse.created(body);
        } catch (RefusedException e) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.CONFLICT)
                    .body(Map.of("error", "refused: " + e.getMessage()));
        } catch (InvalidInputException e) {
            return HttpResponse.<Map<String, Object>>unprocessableEntity().body(Map.of("error",
                    e.problems().stream().map(Object::toString).toList()));
        } catch (GitFetchException | IOException e) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_GATEWAY)
                    .body(Map.of("error", e.getMessage()));
        }
    }
}
