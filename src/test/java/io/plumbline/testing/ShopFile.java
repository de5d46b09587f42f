package io.plumbline.testing;

/** The environment file of the secrets tests: one application, {@code api} in namespace {@code shop}. */
public final class ShopFile {
    private ShopFile() {
    }

    /** The file, with {@code env} (YAML lines of name: value) as the application's environment. */
    public static String withEnv(String env) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: shop}
                spec:
                  kubernetes:
                    namespaces: [shop]
                    applications:
                      - name: api
                        namespace: shop
                        image: registry.example/api:1.0
                        port: 8080
                        env:
                """ + env.indent(10);
    }
}
