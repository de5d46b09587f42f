package io.plumbline.load;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.LaunchTemplate;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the user-data files that launch templates name, at the revision being loaded and through the same
 * {@link RepoFiles} as the manifests: regular files inside the repository (the schema already refused absolute
 * paths and {@code ..}), UTF-8 text, small enough for AWS. A problem is placed at the field that names the file.
 */
final class UserDataFiles {
    /** AWS takes at most 16 KB of user data once base64-encoded: 12 KiB before. */
    static final int MAX_BYTES = 12 * 1024;

    private UserDataFiles() {
    }

    static Map<String, String> read(RepoFiles files, AwsSpec aws, Checks checks) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < aws.compute().launchTemplates().size(); i++) {
            LaunchTemplate t = aws.compute().launchTemplates().get(i);
            if (t.userData() == null || texts.containsKey(t.userData().file())) {
                continue;
            }
            String at = "/spec/aws/compute/launchTemplates/" + i + "/userData/file";
            String path = t.userData().file();
            try {
                byte[] bytes = Unreadable.read(files, path);
                if (bytes.length > MAX_BYTES) {
                    checks.at(at, "the user data file '" + path + "' has " + bytes.length + " bytes; AWS takes at most "
                            + MAX_BYTES);
                    continue;
                }
                texts.put(path, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
            } catch (InvalidInputException e) {
                e.problems().stream().map(Problem::message)
                        .forEach(m -> checks.at(at, "the user data file '" + path + "': " + m));
            } catch (CharacterCodingException e) {
                checks.at(at, "the user data file '" + path + "' is not UTF-8 text");
            }
        }
        return texts;
    }
}
