package io.plumbline.engine.review;

import io.plumbline.engine.history.History;
import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.ImageTags;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RefusedException;
import io.plumbline.model.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Promotion: the image tags one environment runs now, written into another environment's file, and nothing else.
 *
 * <p>What "runs now, healthy" means: the source environment's newest reconcile on record succeeded and was
 * healthy, in {@code auto} mode, and its file at the branch head still declares the images of that reconcile's
 * commit. History is the record of what Plumbline applied and saw become healthy; observing live workloads
 * instead would tie promotion to one provider and could not tell an image that passed its health checks from one
 * that was changed by hand.
 */
public final class Promotion {
    private final EnvironmentLoader loader;
    private final History history;

    public Promotion(EnvironmentLoader loader, History history) {
        this.loader = loader;
        this.history = history;
    }

    /** Files of the repository at a commit. */
    @FunctionalInterface
    public interface Commits {
        RepoFiles at(String commit) throws IOException;
    }

    /** One tag to change: {@code container} is an application's name or {@code <application>/<sidecar>}. */
    public record TagChange(String container, String from, String to) {
    }

    /**
     * The target's file with its tags changed; {@code changes} is empty when it already runs the same tags.
     *
     * @param text the whole new content of {@code file}
     */
    public record Result(String from, String to, String file, String text, List<TagChange> changes,
                         String sourceCommit) {
        public String message() {
            StringBuilder m = new StringBuilder("Promote " + String.join(", ", changes.stream()
                    .map(c -> c.container() + " " + c.to()).toList()) + " from " + from + " to " + to + "\n\n");
            changes.forEach(c -> m.append(c.container()).append(": ").append(c.from()).append(" -> ")
                    .append(c.to()).append('\n'));
            return m.append("\n").append(from).append(" ran these tags healthy at ").append(sourceCommit)
                    .append(".\n").toString();
        }
    }

    /**
     * @param app only this application (and its sidecars), or every application both environments declare
     * @throws RefusedException when the source is not healthy on the tags it declares, or names are unknown
     */
    public Result plan(RepoFiles head, Commits commits, String from, String to, Optional<String> app)
            throws IOException {
        LoadedEnvironment target = named(head, to);
        LoadedEnvironment source = named(head, from);
        HistoryEntry last = history.latest(from).orElseThrow(() -> new RefusedException(
                from + " has no reconcile on record; promote only what has run healthy"));
        if (!last.result().equals("success") || !"healthy".equals(last.health())) {
            throw new RefusedException(from + " is not healthy: its last reconcile at " + shortSha(last.commit())
                    + " was " + last.result() + ", health " + last.health()
                    + (last.error().isEmpty() ? "" : " (" + last.error() + ")"));
        }
        LoadedEnvironment ran = loader.load(commits.at(last.commit()), last.file());
        if (!ran.environment().spec().sync().mode().equals("auto")) {
            throw new RefusedException(from + " is in " + ran.environment().spec().sync().mode()
                    + " mode: its last reconcile applied nothing");
        }
        Map<String, ImageTags.Site> running = byContainer(ran.file(), text(commits.at(last.commit()), ran.file()));
        Map<String, ImageTags.Site> declared = byContainer(source.file(), text(head, source.file()));
        if (!declared.keySet().equals(running.keySet()) || declared.entrySet().stream()
                .anyMatch(e -> !e.getValue().image().equals(running.get(e.getKey()).image()))) {
            throw new RefusedException(from + " declares images at " + shortSha(head.revision().commit())
                    + " that it has not run healthy yet (last reconcile " + shortSha(last.commit()) + ")");
        }
        if (app.isPresent() && running.keySet().stream().noneMatch(c -> inApp(c, app.get()))) {
            throw new RefusedException(from + " has no application named " + app.get());
        }
        String targetText = text(head, target.file());
        Map<ImageTags.Site, String> retag = new LinkedHashMap<>();
        List<TagChange> changes = new ArrayList<>();
        for (ImageTags.Site site : ImageTags.find(target.file(), targetText)) {
            ImageTags.Site theirs = running.get(site.container());
            boolean chosen = app.map(a -> inApp(site.container(), a)).orElse(true);
            if (theirs == null || !chosen || !theirs.image().repository().equals(site.image().repository())
                    || theirs.image().tag().isEmpty() || theirs.image().tag().equals(site.image().tag())) {
                continue;
            }
            retag.put(site, theirs.image().tag());
            changes.add(new TagChange(site.container(), site.image().effectiveTag(), theirs.image().tag()));
        }
        return new Result(from, to, target.file(), ImageTags.retag(targetText, retag), changes, last.commit());
    }

    /** A container of the application: its main container, or one of its sidecars. */
    private static boolean inApp(String container, String app) {
        return container.equals(app) || container.startsWith(app + "/");
    }

    private LoadedEnvironment named(RepoFiles files, String name) throws IOException {
        return loader.loadAll(files).environments().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new RefusedException("no valid environment named " + name + " at "
                        + shortSha(files.revision().commit())));
    }

    private static Map<String, ImageTags.Site> byContainer(String file, String text) {
        Map<String, ImageTags.Site> out = new LinkedHashMap<>();
        ImageTags.find(file, text).forEach(s -> out.put(s.container(), s));
        return out;
    }

    private static String text(RepoFiles files, String path) throws IOException {
        return new String(files.read(path), StandardCharsets.UTF_8);
    }

    private static String shortSha(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
