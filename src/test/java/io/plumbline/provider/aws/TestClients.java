package io.plumbline.provider.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** SDK clients for test setup and hand edits, counted apart from the provider's own calls. */
public final class TestClients {
    private TestClients() {
    }

    public static AwsClients create(AwsConnection connection) {
        return counted(connection, new CallCounter());
    }

    /** Clients whose every call {@code counter} records, for tests that drive one kind without the provider. */
    public static AwsClients counted(AwsConnection connection, CallCounter counter) {
        return new AwsClients(connection, UrlConnectionHttpClient.create(), counter, new Throttles(s -> { }), SharedReads.OFF, "us-west-2",
                null, "by-hand");
    }
}
