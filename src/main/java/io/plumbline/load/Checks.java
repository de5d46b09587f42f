package io.plumbline.load;

import io.plumbline.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects semantic problems of one document, placing each at the key or value a pointer names. */
final class Checks {
    private final YamlDocument doc;
    private final List<Problem> problems = new ArrayList<>();

    Checks(YamlDocument doc) {
        this.doc = doc;
    }

    void at(String pointer, String message) {
        Positions.At at = doc.positions().valueOf(pointer);
        problems.add(new Problem(doc.file(), at.line(), at.column(), pointer, message));
    }

    /** Reports {@code name} when it was already seen under {@code scope}; {@code seen} maps names to pointers. */
    void unique(Map<String, String> seen, String name, String pointer, String what) {
        String first = seen.putIfAbsent(name, pointer);
        if (first != null) {
            at(pointer, what + " '" + name + "' is declared twice (first at line "
                    + doc.positions().valueOf(first).line() + ")");
        }
    }

    static Map<String, String> names() {
        return new HashMap<>();
    }

    /** min ≤ desired ≤ max, for a group with the given fields at {@code pointer}. */
    void bounds(String pointer, Integer min, Integer max, Integer desired) {
        if (min != null && max != null && min > max) {
            at(pointer + "/min", "min " + min + " is greater than max " + max);
        }
        if (desired != null && min != null && desired < min) {
            at(pointer + "/desired", "desired " + desired + " is less than min " + min);
        }
        if (desired != null && max != null && desired > max) {
            at(pointer + "/desired", "desired " + desired + " is greater than max " + max);
        }
    }

    List<Problem> problems() {
        return problems;
    }
}
