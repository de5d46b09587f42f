package io.plumbline.provider.aws.importing;

import io.plumbline.model.Marks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Names and tags as the environment file has them: Plumbline knows EC2 network objects by their {@code Name} tag,
 * so one without it (or with a name the file cannot hold) cannot be declared without Plumbline making a second
 * one; its further tags leave out AWS's ({@code aws:}) and Plumbline's own.
 */
final class Ec2Names {
    /** The schema's awsName: what a declared VPC, subnet, gateway, route table or group may be called. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9 _.:/=+@-]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9 _.:/=+@-]{0,256}");

    private Ec2Names() {
    }

    static <T> String name(List<T> tags, Function<T, String> key, Function<T, String> value) {
        return tags.stream().filter(t -> "Name".equals(key.apply(t))).map(value).findFirst().orElse(null);
    }

    static boolean declarable(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The tags the file writes: sorted, without Name, aws: and plumbline: tags; null when none are left. */
    static <T> Map<String, Object> tags(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, Object> out = new TreeMap<>();
        for (T t : tags) {
            String k = key.apply(t);
            if (!k.equals("Name") && !k.startsWith("aws:") && !k.startsWith("plumbline:") && TAG.matcher(k).matches()
                    && TAG_VALUE.matcher(value.apply(t)).matches()) {
                out.put(k, value.apply(t));
            }
        }
        return out.isEmpty() ? null : new LinkedHashMap<>(out);
    }

    /** Whether the tags carry Plumbline's marks of some environment (then that environment keeps them). */
    static <T> String owner(List<T> tags, Function<T, String> key, Function<T, String> value) {
        return tags.stream().filter(t -> Marks.AWS_ENVIRONMENT_TAG.equals(key.apply(t))).map(value).findFirst()
                .orElse(null);
    }

    /** Whether every one of {@code wanted} is among the tags. */
    static <T> boolean carries(List<T> tags, Function<T, String> key, Function<T, String> value,
                               Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(w -> tags.stream()
                .anyMatch(t -> w.getKey().equals(key.apply(t)) && w.getValue().equals(value.apply(t))));
    }
}
