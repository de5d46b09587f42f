package io.plumbline.load;

import io.plumbline.model.ImageReference;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The images of an environment file's applications, found where they are written, so a tag can be changed in
 * the text itself: comments, order, quoting and every other byte of the file stay as they were.
 */
public final class ImageTags {
    private ImageTags() {
    }

    /**
     * One image as written.
     *
     * @param container the application's name for its main container, {@code <application>/<sidecar>} for a sidecar
     * @param tagStart  where the tag starts in the file's text (after the colon), or where {@code :tag} would go
     * @param tagEnd    where the tag ends in the file's text
     */
    public record Site(String container, ImageReference image, int tagStart, int tagEnd) {
    }

    /** Every application and sidecar image of a (valid) environment file. */
    public static List<Site> find(String file, String text) {
        List<Site> sites = new ArrayList<>();
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        Optional<Node> apps = child(root, "spec").flatMap(s -> child(s, "kubernetes"))
                .flatMap(k -> child(k, "applications"));
        if (apps.isEmpty() || !(apps.get() instanceof SequenceNode list)) {
            return sites;
        }
        for (Node app : list.getValue()) {
            String name = scalar(child(app, "name")).orElse("");
            child(app, "image").ifPresent(image -> sites.add(site(file, text, name, image)));
            if (child(app, "sidecars").orElse(null) instanceof SequenceNode sidecars) {
                for (Node sidecar : sidecars.getValue()) {
                    String container = name + "/" + scalar(child(sidecar, "name")).orElse("");
                    child(sidecar, "image").ifPresent(image -> sites.add(site(file, text, container, image)));
                }
            }
        }
        return sites;
    }

    /** The text with each site's tag replaced; nothing else in the text changes. */
    public static String retag(String text, Map<Site, String> tags) {
        List<Map.Entry<Site, String>> byPlace = new ArrayList<>(tags.entrySet());
        byPlace.sort((a, b) -> Integer.compare(b.getKey().tagStart(), a.getKey().tagStart()));
        StringBuilder out = new StringBuilder(text);
        for (Map.Entry<Site, String> e : byPlace) {
            Site site = e.getKey();
            String tag = site.image().tag().isEmpty() ? ":" + e.getValue() : e.getValue();
            out.replace(site.tagStart(), site.tagEnd(), tag);
        }
        return out.toString();
    }

    private static Site site(String file, String text, String container, Node node) {
        String value = scalar(Optional.of(node)).orElse("");
        int start = text.offsetByCodePoints(0, node.getStartMark().getIndex());
        int end = text.offsetByCodePoints(0, node.getEndMark().getIndex());
        int at = text.substring(start, end).indexOf(value);
        if (value.isEmpty() || at < 0) {
            throw new InvalidInputException(new Problem(file, node.getStartMark().getLine() + 1,
                    node.getStartMark().getColumn() + 1, "", "the image of " + container
                    + " is written with escapes; write it plainly to promote it"));
        }
        ImageReference image = ImageReference.parse(value);
        int digest = image.digest().isEmpty() ? value.length() : value.indexOf('@');
        int tagEnd = start + at + digest;
        int tagStart = image.tag().isEmpty() ? tagEnd : tagEnd - image.tag().length();
        return new Site(container, image, tagStart, tagEnd);
    }

    private static Optional<Node> child(Node node, String key) {
        if (!(node instanceof MappingNode map)) {
            return Optional.empty();
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> scalar(Optional<Node> node) {
        return node.filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }
}
