package io.plumbline.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the provider that planned a change knows it to be, in its own terms, so that whoever reads the plan (the
 * reviewer's list of destructive changes, the drift report) reads these facts and never matches a provider's words.
 *
 * @param rule         the object is a rule inside a container (a security-group rule, a rule group): deleting it
 *                     removes a rule rather than an object of its own
 * @param drift        the object was added outside Plumbline to something Plumbline manages, and is kept: a
 *                     difference from what is declared, though not one Plumbline writes
 * @param certificates the paths of the differing fields that name the certificate a listener serves
 * @param capacities   the paths of the differing fields that hold a capacity (instances, replicas), each with the
 *                     name plans give it ({@code spec.replicas} → {@code replicas})
 */
public record ChangeFacts(boolean rule, boolean drift, Set<String> certificates, Map<String, String> capacities) {
    public static final ChangeFacts NONE = new ChangeFacts(false, false, Set.of(), Map.of());

    public ChangeFacts {
        certificates = Set.copyOf(certificates);
        capacities = Map.copyOf(capacities);
    }

    public ChangeFacts asRule() {
        return new ChangeFacts(true, drift, certificates, capacities);
    }

    public ChangeFacts asDrift() {
        return new ChangeFacts(rule, true, certificates, capacities);
    }

    public ChangeFacts withCertificate(String path) {
        Set<String> all = new HashSet<>(certificates);
        all.add(path);
        return new ChangeFacts(rule, drift, all, capacities);
    }

    public ChangeFacts withCapacity(String path, String name) {
        Map<String, String> all = new HashMap<>(capacities);
        all.put(path, name);
        return new ChangeFacts(rule, drift, certificates, all);
    }
}
