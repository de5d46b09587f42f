package io.plumbline.provider.aws;

import io.plumbline.importer.ImportedPart;
import io.plumbline.importer.LeftOut;
import io.plumbline.provider.aws.importing.AccountImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Reads an AWS account's region and scope into the {@code spec.aws} section through the same clients the provider
 * uses, with every call counted in {@code calls} (an import sends only Describe, List and Get calls, which a test
 * checks). Knows nothing of what to read: {@link AccountImport} does.
 */
public final class AwsImport {
    private AwsImport() {
    }

    public static ImportedPart read(AwsConnection connection, AwsImportScope scope, String environment,
                                    CallCounter calls) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(connection.attemptTimeout())
                .socketTimeout(connection.attemptTimeout()).build();
        try (AwsClients clients = new AwsClients(connection, http, calls, new Throttles(s -> { }), SharedReads.OFF,
                scope.region(), null, environment)) {
            AccountImport account = new AccountImport(clients, scope);
            Map<String, Object> section = account.read();
            Map<String, Integer> counts = new TreeMap<>(account.counts());
            List<LeftOut> left = new ArrayList<>(account.leftOut());
            return new ImportedPart("aws", "read from region " + scope.region() + account.describe(), section,
                    account.files(), counts, left);
        } finally {
            http.close();
        }
    }
}
