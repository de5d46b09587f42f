package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReadFailureTest {
    private static final String LIST = "Operation: [list]  for kind: [Deployment]  with name: [null]  in namespace:"
            + " [example]  failed.";

    @Test
    void aConnectionThatFailedSaysSoAndNamesTheRead() {
        KubernetesClientException e = new KubernetesClientException(LIST, new IOException("Connection reset"));

        assertThat(ReadFailure.describe(e)).isEqualTo("no answer (IOException: Connection reset); Operation: [list]"
                + " for kind: [Deployment] with name: [null] in namespace: [example]");
    }

    @Test
    void anAnswerOfTheServerIsNamedWithItsMessage() {
        KubernetesClientException e = new KubernetesClientException(LIST, 500, new StatusBuilder().withCode(500)
                .withMessage("an error on the server").build());

        assertThat(ReadFailure.describe(e)).startsWith("HTTP 500: an error on the server; Operation: [list]");
    }

    @Test
    void aFailureThatNamesNoReadIsItsAnswerAlone() {
        assertThat(ReadFailure.describe(new KubernetesClientException("gone"))).isEqualTo(
                "no answer (the connection failed)");
    }
}
