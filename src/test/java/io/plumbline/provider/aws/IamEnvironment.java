package io.plumbline.provider.aws;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM part of the example's hopper environment, loaded by the real loader from a repository holding its policy
 * files, for the account moto emulates. Edits are made to the file's text before each load.
 */
final class IamEnvironment {
    static final String FILE = "environments/hopper.yaml";
    static final List<String> POLICIES = List.of("iam/k8s-master.json", "iam/k8s-node.json", "iam/vpc-cni.json");
    /** {@code iam:} under {@code aws:}, with every line after it that is indented deeper, blank or a comment. */
    private static final Pattern IAM_SECTION = Pattern.compile("(?m)^    iam:\n(^(     |[ ]*#|[ ]*$).*\n)*");
    private String text;

    IamEnvironment() {
        try {
            String example = Files.readString(Path.of("example-repo", FILE));
            // Only the IAM part: the other sections of hopper belong to other tests.
            int aws = example.indexOf("  aws:\n");
            Matcher iam = IAM_SECTION.matcher(example);
            if (aws < 0 || !iam.find()) {
                throw new IllegalStateException(FILE + " has no spec.aws.iam section");
            }
            text = example.substring(0, aws) + "  aws:\n    region: us-west-2\n    accountId: \"" + MotoServer.ACCOUNT
                    + "\"\n" + iam.group();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one piece of the file's text, which must be there. */
    IamEnvironment edit(String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("not in the file: " + from);
        }
        text = text.replace(from, to);
        return this;
    }

    String text() {
        return text;
    }

    LoadedEnvironment load() {
        return load("test commit");
    }

    LoadedEnvironment load(String commitMessage) {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            for (String p : POLICIES) {
                files.put(p, Files.readAllBytes(Path.of("example-repo", p)));
            }
            files.put(FILE, text.getBytes(StandardCharsets.UTF_8));
            LoadedEnvironment env = new EnvironmentLoader().load(new MemoryFiles(files), FILE);
            return new LoadedEnvironment(env.file(), env.environment(), env.manifests(),
                    new Revision("0123456789abcdef", "main", commitMessage), env.files());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
