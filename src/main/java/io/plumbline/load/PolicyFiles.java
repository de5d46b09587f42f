package io.plumbline.load;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Printable;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.UnreadableFileException;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.IamRole;
import io.plumbline.model.spec.aws.PolicySource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the IAM policy documents an environment names by path. The schema has already refused absolute paths
 * and {@code ..}; here each file must exist at the revision as a regular file, be no larger than IAM accepts, and
 * parse as a policy document under the schema's {@code policyDocument}. A missing or unreadable file is a problem
 * at the {@code file:} that names it; a bad document is a problem at its own line and column.
 */
final class PolicyFiles {
    /** IAM's limit for a role's inline policies (10,240 characters); trust and managed policies are smaller. */
    static final int MAX_BYTES = 10_240;
    private static final String ROLES = "/spec/aws/iam/roles/";

    private final SchemaValidator schema;

    PolicyFiles(SchemaValidator schema) {
        this.schema = schema;
    }

    /** The text of every policy file the environment names, by path; problems go to {@code checks}. */
    Map<String, String> read(RepoFiles files, AwsSpec aws, Checks checks) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < aws.iam().roles().size(); i++) {
            IamRole role = aws.iam().roles().get(i);
            add(named, role.assumeRolePolicy(), ROLES + i + "/assumeRolePolicy/file");
            for (int j = 0; j < role.policies().size(); j++) {
                add(named, role.policies().get(j).source(), ROLES + i + "/policies/" + j + "/file");
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        named.forEach((path, pointer) -> {
            String text = text(files, path, pointer, checks);
            if (text != null) {
                texts.put(path, text);
            }
        });
        return texts;
    }

    private static void add(Map<String, String> named, PolicySource source, String pointer) {
        if (source.file() != null) {
            named.putIfAbsent(source.file(), pointer);
        }
    }

    private String text(RepoFiles files, String path, String pointer, Checks checks) {
        byte[] bytes;
        try {
            bytes = files.read(path);
        } catch (NoSuchFileException e) {
            checks.at(pointer, "no file '" + path + "' in the repository at this revision");
            return null;
        } catch (UnreadableFileException e) {
            checks.at(pointer, "the file '" + path + "' cannot be read: " + Printable.escape(e.reason()));
            return null;
        } catch (IOException e) {
            checks.at(pointer, "the file '" + path + "' cannot be read: " + e.getClass().getSimpleName());
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            checks.at(pointer, String.format("the file '%s' is %,d bytes; an IAM policy document is at most %,d",
                    path, bytes.length, MAX_BYTES));
            return null;
        }
        try {
            String text = YamlReader.decode(path, bytes);
            YamlDocument doc = JsonPositions.read(path, text);
            var problems = schema.validatePolicy(doc);
            checks.problems().addAll(problems);
            return problems.isEmpty() ? text : null;
        } catch (InvalidInputException e) {
            checks.problems().addAll(e.problems());
            return null;
        }
    }
}
