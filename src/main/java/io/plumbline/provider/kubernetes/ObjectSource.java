package io.plumbline.provider.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the observer reads objects from: the API server directly, or a watch cache.
 *
 * <p>The trees handed out are read-only for the caller: a watch cache hands out the trees it keeps for the next
 * reads (shared, unmodifiable: a change throws), so whoever needs to change one works on a copy
 * ({@link io.plumbline.render.kubernetes.Nodes#copy}).
 */
interface ObjectSource {
    /**
     * The objects of one kind in one namespace ({@code ""} for cluster-wide kinds) that {@code keep} accepts,
     * marked or not, so that an unmarked object with a declared name is seen (and not created over). {@code keep}
     * is asked about every object of the kind and namespace before anything is handed out, so the cost of a read
     * grows with what it keeps, not with what others own; it must only read the tree it is given.
     *
     * @throws UnknownKindException when the server does not serve the kind
     */
    List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
                                   Predicate<Map<String, Object>> keep);
}
