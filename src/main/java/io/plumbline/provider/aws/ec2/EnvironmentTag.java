package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Marks;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.Lookup;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * EC2 objects found by the environment tag: read once for every environment of the account (the tag's key, any
 * value, shared through {@link Lookup#accountWide}), then each environment keeps those carrying its own marks
 * ({@link AwsMarks}). A read per environment would grow with the number of environments, though each finds only
 * its own.
 */
final class EnvironmentTag {
    /** Whatever carries the environment tag, for any environment. */
    static final Filter ANY_ENVIRONMENT = Lookup.filter("tag-key", List.of(Marks.AWS_ENVIRONMENT_TAG));

    private EnvironmentTag() {
    }
}
