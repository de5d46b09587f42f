package io.plumbline.provider.kubernetes;

import java.util.List;
import java.util.Map;

/** Where the observer reads Plumbline's objects from: the API server directly, or a watch cache. */
interface OwnedObjects {
    /** Plumbline's objects of one kind in one namespace ({@code ""} for cluster-wide kinds). */
    List<Map<String, Object>> listOwned(String apiVersion, String kind, String namespace);
}
