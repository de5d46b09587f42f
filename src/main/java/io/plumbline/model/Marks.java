package io.plumbline.model;

/** The ownership marks Plumbline puts on everything it creates (see ARCHITECTURE.md). */
public final class Marks {
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "plumbline";
    public static final String ENVIRONMENT_ANNOTATION = "plumbline.io/environment";
    public static final String AWS_ENVIRONMENT_TAG = "plumbline:environment";
    public static final String AWS_MANAGED_TAG = "plumbline:managed";
    public static final String HAPROXY_HEADER = "# managed by plumbline";
    public static final String CLUSTER_TAG_PREFIX = "kubernetes.io/cluster/";
    public static final String SHARED = "shared";

    private Marks() {
    }
}
