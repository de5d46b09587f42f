package io.plumbline.cli;

import io.plumbline.app.Importers;
import io.plumbline.app.ProviderSettings;
import io.plumbline.importer.ImportedPart;
import io.plumbline.provider.aws.AwsImportScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code plumbline import}'s AWS scope: a region, and a VPC, an EKS cluster, tags and hosted zones in it. */
final class AwsImportOptions {
    @Option(names = "--aws-region", description = "The AWS region to import from")
    String region;

    @Option(names = "--vpc", description = "A VPC id: it, its subnets, gateways, route tables, security groups and "
            + "the Auto Scaling groups in its subnets")
    String vpc;

    @Option(names = "--eks-cluster", description = "An EKS cluster name: its VPC, as --vpc")
    String eksCluster;

    @Option(names = "--tag", description = "KEY=VALUE a VPC (without --vpc), an IAM role or an Auto Scaling group "
            + "must carry (repeatable: all of them)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--zone", description = "A Route53 hosted zone whose records to import (repeatable)")
    List<String> zones = new ArrayList<>();

    boolean asked() {
        return region != null;
    }

    ImportedPart read(ProviderSettings settings, String environment) {
        return Importers.aws(settings, scope(), environment);
    }

    /** The first {@code --tag} that is not {@code KEY=VALUE}, or null. */
    String badTag() {
        return tags.stream().filter(t -> t.indexOf('=') <= 0).findFirst().orElse(null);
    }

    AwsImportScope scope() {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            wanted.put(tag.substring(0, eq), tag.substring(eq + 1));
        }
        return new AwsImportScope(region, vpc, eksCluster, wanted, zones);
    }

    String describe() {
        return "region " + region;
    }
}
