package io.plumbline.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;

/** Objects a team made by hand with kubectl, for the import's round trip, and a reader to import them as. */
public final class HandMadeObjects {
    private HandMadeObjects() {
    }

    /** The shop's namespace: a Deployment using a Secret, its Service, Ingress and HPA, a ConfigMap; waits for its ReplicaSet. */
    public static void create(KubernetesClient kube, String namespace) {
        load(kube, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s, labels: {team: shop}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %1$s, labels: {app: web}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          ports: [{containerPort: 8080}]
                          env:
                            - {name: MODE, value: shop}
                            - name: DB_PASSWORD
                              valueFrom: {secretKeyRef: {name: db-password, key: password}}
                          readinessProbe: {httpGet: {path: /health, port: 8080}, periodSeconds: 5}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec:
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: 8080}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: %1$s}
                spec:
                  rules:
                    - host: shop.example.com
                      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: %1$s}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 5
                  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: %1$s}
                data: {LOG_LEVEL: info, "app.properties": "a=1\\nb=2\\n"}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: db-password, namespace: %1$s}
                stringData: {password: hunter2}
                """.formatted(namespace));
        await().atMost(Duration.ofSeconds(60)).until(() -> kube.apps().replicaSets().inNamespace(namespace).list()
                .getItems().size() == 1);
    }

    /** A service account (in {@code <namespace>-ro}) that may get and list everything, and nothing else. */
    public static Path readOnlyServiceAccount(ControlPlane plane, String namespace) {
        String ns = namespace + "-ro";
        load(plane.client(), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: importer, namespace: %1$s}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: %1$s-reader}
                rules: [{apiGroups: ["*"], resources: ["*"], verbs: [get, list]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: %1$s-reader}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %1$s-reader}
                subjects: [{kind: ServiceAccount, name: importer, namespace: %1$s}]
                """.formatted(ns));
        return plane.kubeconfigAs(ns, "importer");
    }

    private static void load(KubernetesClient kube, String yaml) {
        for (HasMetadata object : kube.load(new java.io.ByteArrayInputStream(yaml.getBytes())).items()) {
            kube.resource(object).create();
        }
    }
}
