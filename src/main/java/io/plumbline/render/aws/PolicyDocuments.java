package io.plumbline.render.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * IAM policy documents in one canonical form, so that only a change IAM would act on shows as drift: keys sorted,
 * {@code Statement} always a list, and the fields IAM reads as sets ({@code Action}, {@code Resource}, principals,
 * condition values, and their {@code Not} forms) as sorted lists of strings, whether written as one string or a
 * list. Statements keep their order: IAM keeps it too, and a reordering is a real edit of the text.
 */
public final class PolicyDocuments {
    private static final Set<String> SETS = Set.of("Action", "NotAction", "Resource", "NotResource");
    private static final Set<String> PRINCIPALS = Set.of("Principal", "NotPrincipal");

    private PolicyDocuments() {
    }

    /** The trust policy that lets one service (such as {@code ec2.amazonaws.com}) assume a role. */
    public static Map<String, Object> trusting(String service) {
        return canonical(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", service), "Action", "sts:AssumeRole"))));
    }

    public static Map<String, Object> canonical(Map<String, ?> document) {
        Map<String, Object> out = new TreeMap<>();
        document.forEach((key, value) -> out.put(key, key.equals("Statement") ? statements(value) : sorted(value)));
        return out;
    }

    private static List<Object> statements(Object value) {
        List<Object> out = new ArrayList<>();
        for (Object s : value instanceof List<?> list ? list : List.of(value)) {
            out.add(s instanceof Map<?, ?> m ? statement(m) : s);
        }
        return out;
    }

    private static Map<String, Object> statement(Map<?, ?> statement) {
        Map<String, Object> out = new TreeMap<>();
        statement.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (SETS.contains(key)) {
                out.put(key, strings(v));
            } else if (PRINCIPALS.contains(key) && v instanceof Map<?, ?> byType) {
                out.put(key, setsByKey(byType));
            } else if (key.equals("Condition") && v instanceof Map<?, ?> operators) {
                Map<String, Object> conditions = new TreeMap<>();
                operators.forEach((op, keys) -> conditions.put(String.valueOf(op),
                        keys instanceof Map<?, ?> m ? setsByKey(m) : sorted(keys)));
                out.put(key, conditions);
            } else {
                out.put(key, sorted(v));
            }
        });
        return out;
    }

    private static Map<String, Object> setsByKey(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), strings(v)));
        return out;
    }

    /** One string or a list of values, as the sorted list of their distinct texts ({@code true} is "true"). */
    private static List<String> strings(Object value) {
        Collection<?> values = value instanceof Collection<?> c ? c : List.of(String.valueOf(value));
        Set<String> out = new TreeSet<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return List.copyOf(out);
    }

    /** Any other value with its mappings' keys sorted. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PolicyDocuments::sorted).toList();
        }
        return value;
    }
}
