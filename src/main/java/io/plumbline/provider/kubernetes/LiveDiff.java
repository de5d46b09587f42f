package io.plumbline.provider.kubernetes;

import io.plumbline.diff.TreeDiff;
import io.plumbline.model.FieldChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a desired object with the live one as server-side apply would merge them: only what the desired
 * side declares is compared, lists with a merge key entry by entry ({@link MergeKeys}), other lists whole; and
 * what Plumbline applied before (its managed fields) and no longer declares is a change too, since the server
 * removes it, unless the server then holds it at its default ({@link ServerDefaults}). A changed field that
 * another field manager owns is a take-over, named with that manager.
 *
 * @param fields    the fields that differ; {@code wanted} is null for a field that will be removed
 * @param takeovers one line per field taken from another manager: {@code `spec.replicas` from manager `x`}
 */
record LiveDiff(List<FieldChange> fields, List<String> takeovers) {

    /**
     * @param desired normalised desired body
     * @param live    normalised live body
     * @param ours    the fields Plumbline applied last time ({@link ManagedFields#appliedBy}), or null
     * @param others  the fields of every other manager ({@link ManagedFields#others})
     */
    static LiveDiff of(Map<String, Object> desired, Map<String, Object> live, Map<String, Object> ours,
                       Map<String, Map<String, Object>> others) {
        List<FieldChange> fields = new ArrayList<>();
        Set<String> takeovers = new LinkedHashSet<>();
        compare("", "", desired, live, others, fields, takeovers);
        if (ours != null) {
            removed("", ours, desired, live, fields);
        }
        return new LiveDiff(fields, List.copyOf(takeovers));
    }

    private static void compare(String path, String field, Object wanted, Object found,
                                Map<String, Map<String, Object>> owners, List<FieldChange> out, Set<String> takeovers) {
        if (wanted instanceof Map<?, ?> w && found instanceof Map<?, ?> f) {
            for (Map.Entry<?, ?> e : w.entrySet()) {
                String name = String.valueOf(e.getKey());
                compare(join(path, name), name, e.getValue(), f.get(name), descend(owners, name), out, takeovers);
            }
        } else if (wanted instanceof List<?> w && found instanceof List<?> f) {
            Optional<String> key = MergeKeys.of(field, w);
            if (key.isPresent() && w.stream().allMatch(x -> x instanceof Map<?, ?>)) {
                for (Object entry : w) {
                    Map<?, ?> mine = (Map<?, ?>) entry;
                    Map<?, ?> theirs = MergeKeys.find(f, key.get(), mine);
                    String child = path + MergeKeys.label(key.get(), mine);
                    if (theirs == null) {
                        out.add(new FieldChange(child, mine, null));
                    } else {
                        compare(child, "", mine, theirs, element(owners, theirs), out, takeovers);
                    }
                }
            } else if (w.size() == f.size()) {
                for (int i = 0; i < w.size(); i++) {
                    compare(path + "[" + i + "]", "", w.get(i), f.get(i), owners, out, takeovers);
                }
            } else {
                differs(path, wanted, found, owners, out, takeovers);
            }
        } else if (!TreeDiff.sameValue(wanted, found)) {
            differs(path, wanted, found, owners, out, takeovers);
        }
    }

    private static void differs(String path, Object wanted, Object found, Map<String, Map<String, Object>> owners,
                                List<FieldChange> out, Set<String> takeovers) {
        out.add(new FieldChange(path, wanted, found));
        if (found != null) {
            owners.keySet().forEach(m -> takeovers.add("`" + path + "` from manager `" + m + "`"));
        }
    }

    /** Fields Plumbline owns on the live object that the desired one no longer has. */
    private static void removed(String path, Map<String, Object> ours, Object desired, Object live,
                                List<FieldChange> out) {
        if (!(live instanceof Map<?, ?> l)) {
            return;
        }
        Map<?, ?> d = desired instanceof Map<?, ?> m ? m : Map.of();
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            if (!e.getKey().startsWith("f:")) {
                continue;
            }
            String name = e.getKey().substring(2);
            Object found = l.get(name);
            Object wanted = d.get(name);
            if (found == null) {
                continue;
            }
            String child = join(path, name);
            if (wanted == null) {
                if (!ServerDefaults.is(l, name, found)) {
                    out.add(new FieldChange(child, null, found));
                }
            } else if (e.getValue() instanceof Map<?, ?> sub && found instanceof Map<?, ?>) {
                removed(child, cast(sub), wanted, found, out);
            } else if (e.getValue() instanceof Map<?, ?> sub && found instanceof List<?> f && wanted instanceof List<?> w) {
                removedEntries(child, cast(sub), w, f, out);
            }
        }
    }

    private static void removedEntries(String path, Map<String, Object> ours, List<?> wanted, List<?> found,
                                       List<FieldChange> out) {
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            if (e.getKey().startsWith("k:")) {
                Map<String, Object> key = ManagedFields.key(e.getKey());
                Map<?, ?> theirs = entry(found, key);
                Map<?, ?> mine = entry(wanted, key);
                String child = path + "[" + key.entrySet().stream().filter(k -> !k.getKey().equals("protocol"))
                        .map(k -> k.getKey() + "=" + k.getValue()).collect(Collectors.joining(",")) + "]";
                if (theirs != null && mine == null) {
                    out.add(new FieldChange(child, null, theirs));
                } else if (theirs != null && e.getValue() instanceof Map<?, ?> sub) {
                    removed(child, cast(sub), mine, theirs, out);
                }
            } else if (e.getKey().startsWith("v:")) {
                Map<String, Object> value = ManagedFields.key("k:{\"v\":" + e.getKey().substring(2) + "}");
                Object member = value.get("v");
                if (found.contains(member) && !wanted.contains(member)) {
                    out.add(new FieldChange(path + "[" + member + "]", null, member));
                }
            }
        }
    }

    private static Map<?, ?> entry(List<?> list, Map<String, Object> key) {
        return list.stream().filter(x -> x instanceof Map<?, ?> m && ManagedFields.matches(key, m))
                .map(x -> (Map<?, ?>) x).findFirst().orElse(null);
    }

    private static Map<String, Map<String, Object>> descend(Map<String, Map<String, Object>> owners, String name) {
        if (owners.isEmpty()) {
            return owners;
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        owners.forEach((m, fields) -> {
            Map<String, Object> sub = ManagedFields.field(fields, name);
            if (sub != null) {
                out.put(m, sub);
            }
        });
        return out;
    }

    private static Map<String, Map<String, Object>> element(Map<String, Map<String, Object>> owners, Map<?, ?> live) {
        if (owners.isEmpty()) {
            return owners;
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        owners.forEach((m, fields) -> {
            Map<String, Object> sub = ManagedFields.entry(fields, live);
            if (sub != null) {
                out.put(m, sub);
            }
        });
        return out;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
