package io.plumbline.provider.aws;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.aws.AwsKinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The desired size of an Auto Scaling group or nodegroup is an initial value: once an autoscaler or a scheduled
 * action has moved it inside [min, max], the observed size is kept. Only a size outside the declared bounds is
 * corrected, to the declared value when it fits, else to the nearest bound.
 */
final class AutoscalerOwned {
    private static final Set<String> SIZED = Set.of(AwsKinds.AUTO_SCALING_GROUP, AwsKinds.NODEGROUP);

    private AutoscalerOwned() {
    }

    static List<Resource> settle(List<Resource> desired, List<Resource> actual) {
        Map<ResourceKey, Resource> found = actual.stream()
                .collect(Collectors.toMap(Resource::key, Function.identity(), (a, b) -> a));
        return desired.stream().map(d -> SIZED.contains(d.key().kind()) && found.containsKey(d.key())
                ? settle(d, found.get(d.key())) : d).toList();
    }

    private static Resource settle(Resource desired, Resource actual) {
        int min = number(desired.body().get("min"));
        int max = number(desired.body().get("max"));
        Object now = actual.body().get("desired");
        Object declared = desired.body().get("desired");
        int size;
        if (now != null && inside(number(now), min, max)) {
            size = number(now);
        } else if (declared != null && inside(number(declared), min, max)) {
            size = number(declared);
        } else {
            size = Math.max(min, Math.min(max, now == null ? min : number(now)));
        }
        Map<String, Object> body = new LinkedHashMap<>(desired.body());
        body.put("desired", size);
        return new Resource(desired.key(), body, desired.owned());
    }

    private static boolean inside(int value, int min, int max) {
        return value >= min && value <= max;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
