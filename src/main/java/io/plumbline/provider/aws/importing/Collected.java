package io.plumbline.provider.aws.importing;

import io.plumbline.importer.LeftOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the readers of one import gather besides the section: counts per kind, files, what they left out. */
final class Collected {
    final Map<String, Integer> counts = new TreeMap<>();
    final Map<String, String> files = new TreeMap<>();
    final List<LeftOut> leftOut = new ArrayList<>();

    void count(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    void leave(String what, String why) {
        leftOut.add(new LeftOut(what, why));
    }
}
