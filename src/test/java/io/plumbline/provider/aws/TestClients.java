package io.plumbline.provider.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** SDK clients for test setup and hand edits, counted apart from the provider's own calls. */
public final class TestClients {
    private TestClients() {
    }

    public static AwsClients create(AwsConnection connection) {
        return new AwsClients(connection, UrlConnectionHttpClient.create(), new CallCounter(), SharedReads.OFF,
                "us-west-2", null, "by-hand");
    }
}
