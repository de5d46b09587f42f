package io.plumbline.provider.aws.ec2;

import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.Image;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsErrors;
import io.plumbline.provider.aws.Lookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Resolves what launch templates, instances, groups and nodegroups name (VPCs and subnets by {@code Name} tag,
 * security groups by name in their VPC, images by id or by newest name match) into AWS ids, and ids back into
 * those names, so observed objects read in the environment's words. Each read is made at most once per reconcile:
 * subnets come from the read the network kinds share ({@link Lookup#vpcSubnets}), images from one DescribeImages
 * (by name filter and owner).
 */
public final class ComputeRefs {
    private final AwsClients aws;
    private final AwsSpec spec;
    private final Lookup lookup;
    private List<software.amazon.awssdk.services.ec2.model.Image> images;

    public ComputeRefs(AwsClients aws, AwsSpec spec, Lookup lookup) {
        this.aws = aws;
        this.spec = spec;
        this.lookup = lookup;
    }

    public String vpcId(String vpcName) {
        Vpc vpc = lookup.vpcs().get(vpcName);
        if (vpc == null) {
            throw ProviderException.refused("aws: no VPC tagged Name=" + vpcName);
        }
        return vpc.vpcId();
    }

    public String subnetId(String vpcName, String subnetName) {
        String vpcId = vpcId(vpcName);
        return subnets().stream().filter(s -> s.vpcId().equals(vpcId) && Lookup.nameTag(s.tags()).equals(subnetName))
                .map(Subnet::subnetId).findFirst().orElseThrow(() -> ProviderException.refused("aws: no subnet tagged "
                        + "Name=" + subnetName + " in the VPC tagged Name=" + vpcName));
    }

    /** The {@code Name} tag of a subnet, or its id when it is not one of the VPCs named. */
    public String subnetName(String subnetId) {
        return subnets().stream().filter(s -> s.subnetId().equals(subnetId)).map(s -> Lookup.nameTag(s.tags()))
                .findFirst().orElse(subnetId);
    }

    public List<String> groupIds(String vpcName, List<String> names) {
        String vpcId = vpcId(vpcName);
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(lookup.securityGroups().stream().filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals(name))
                    .map(SecurityGroup::groupId).findFirst().orElseThrow(() -> ProviderException.refused(
                            "aws: no security group " + name + " in the VPC tagged Name=" + vpcName)));
        }
        return ids;
    }

    /** Security group names, sorted, for ids; an id of a group outside the VPCs named stays an id. */
    public List<String> groupNames(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        lookup.securityGroups().forEach(g -> names.put(g.groupId(), g.groupName()));
        return ids.stream().map(id -> names.getOrDefault(id, id)).sorted().toList();
    }

    /** The image id a declared image means now: the id itself, or the newest image matching name and owner. */
    public String imageId(Map<String, Object> declared) {
        if (declared.get("id") != null) {
            return (String) declared.get("id");
        }
        return newest(declared).orElseThrow(() -> ProviderException.refused("aws: no image named like "
                + declared.get("name") + " owned by " + declared.get("owner")));
    }

    /**
     * An observed image id in the words of the declaration: the declaration itself when the id is what it means
     * now, else {@code {id}}, so a newer image or a hand-made change is drift.
     */
    public Map<String, Object> imageAsDeclared(String actualId, Map<String, Object> declared) {
        if (declared != null && (declared.get("id") != null ? declared.get("id").equals(actualId)
                : newest(declared).map(actualId::equals).orElse(false))) {
            return declared;
        }
        return Map.of("id", actualId);
    }

    /** Newest by creation date; images made the same second go by name, highest first (names carry dates). */
    private java.util.Optional<String> newest(Map<String, Object> declared) {
        Pattern name = glob((String) declared.get("name"));
        String owner = (String) declared.get("owner");
        return images().stream().filter(i -> name.matcher(i.name()).matches() && owns(owner, i))
                .max(Comparator.comparing((software.amazon.awssdk.services.ec2.model.Image i) ->
                        Objects.toString(i.creationDate(), "")).thenComparing(i -> i.name()))
                .map(software.amazon.awssdk.services.ec2.model.Image::imageId);
    }

    private static boolean owns(String owner, software.amazon.awssdk.services.ec2.model.Image i) {
        return owner.equals(i.ownerId()) || owner.equals(i.imageOwnerAlias());
    }

    private List<software.amazon.awssdk.services.ec2.model.Image> images() {
        if (images == null) {
            Set<String> names = new TreeSet<>();
            Set<String> owners = new TreeSet<>();
            declaredImages().filter(i -> i.name() != null).forEach(i -> {
                names.add(i.name());
                owners.add(i.owner());
            });
            images = new ArrayList<>();
            if (!names.isEmpty()) {
                images.addAll(AwsErrors.call("reading images", () -> aws.ec2().describeImagesPaginator(r -> r
                        .owners(owners).filters(Lookup.filter("name", names))).images().stream().toList()));
            }
        }
        return images;
    }

    private Stream<Image> declaredImages() {
        return Stream.concat(spec.compute().launchTemplates().stream().map(t -> t.image()),
                spec.compute().instances().stream().map(i -> i.image())).filter(Objects::nonNull);
    }

    private List<Subnet> subnets() {
        return lookup.vpcSubnets();
    }

    /** A name filter with {@code *} and {@code ?} wildcards, as EC2 reads it. */
    static Pattern glob(String filter) {
        StringBuilder out = new StringBuilder();
        for (char c : filter.toCharArray()) {
            out.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(out.toString());
    }

    /** Tags as a sorted map without Plumbline's marks, AWS's own tags and {@code Name} (an instance's key). */
    public static Map<String, String> declaredTags(Map<String, String> tags) {
        Map<String, String> out = new java.util.TreeMap<>();
        tags.forEach((k, v) -> {
            if (!k.startsWith("plumbline:") && !k.startsWith("aws:") && !k.equals("Name")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
