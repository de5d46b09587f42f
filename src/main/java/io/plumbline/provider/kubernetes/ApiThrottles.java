package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Counts the API server's throttling answers (429 Too Many Requests). fabric8 retries them itself (after the
 * server's {@code Retry-After}, with backoff, as it retries 5xx answers and broken connections), so a throttled
 * call that finally succeeds leaves no other trace. A retry is safe for every call Plumbline makes: reads, server-side
 * apply patches (the same patch twice is the same object) and deletes conditioned on the object's uid and version.
 */
public final class ApiThrottles implements Interceptor {
    /** The name fabric8 keeps this interceptor under. */
    public static final String NAME = "plumbline-throttles";
    private final Consumer<String> onThrottle;

    /** @param onThrottle told the resource ({@code configmaps}, {@code deployments}) of each throttled call */
    public ApiThrottles(Consumer<String> onThrottle) {
        this.onThrottle = onThrottle;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response.code() == 429) {
            onThrottle.accept(resource(request.uri().getPath()));
        }
    }

    /**
     * The resource a request path names: {@code /api/v1/namespaces/a/configmaps/b} is {@code configmaps};
     * {@code /apis/apps/v1/deployments} is {@code deployments}; a namespace itself is {@code namespaces}.
     */
    static String resource(String path) {
        String[] parts = path.replaceAll("^/+", "").split("/");
        // /api/v1/... or /apis/group/v1/...
        int first = parts.length > 0 && parts[0].equals("apis") ? 3 : 2;
        if (parts.length <= first) {
            return "discovery";
        }
        if (parts[first].equals("namespaces") && parts.length > first + 2) {
            return parts[first + 2];
        }
        return parts[first];
    }
}
