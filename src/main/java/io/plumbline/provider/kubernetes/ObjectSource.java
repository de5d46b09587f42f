package io.plumbline.provider.kubernetes;

import java.util.List;
import java.util.Map;

/** Where the observer reads objects from: the API server directly, or a watch cache. */
interface ObjectSource {
    /**
     * Every object of one kind in one namespace ({@code ""} for cluster-wide kinds), marked or not, so that an
     * unmarked object with a declared name is seen (and not created over).
     *
     * @throws UnknownKindException when the server does not serve the kind
     */
    List<Map<String, Object>> list(String apiVersion, String kind, String namespace);
}
