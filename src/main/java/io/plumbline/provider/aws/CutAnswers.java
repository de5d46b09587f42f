package io.plumbline.provider.aws;

import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Refuses an answer whose connection closed before its headers said how long its body is. AWS frames every answer
 * with {@code Content-Length} or chunked encoding; a connection cut inside the headers leaves neither, and the HTTP
 * client then takes the status line it did read and an empty body, which the SDK parses as an empty result: no
 * VPCs, no instances, no account. Taken for "absent", that would create a second copy of everything. A cut body is
 * caught by the HTTP client itself (fewer bytes than announced); this catches the cut the client cannot see. The
 * attempt fails as an I/O error, which the SDK retries.
 */
final class CutAnswers implements ExecutionInterceptor {
    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        // 204 and 304 have no body by definition, so no length either
        boolean framed = response.statusCode() == 204 || response.statusCode() == 304
                || response.firstMatchingHeader("Content-Length").isPresent()
                || response.firstMatchingHeader("Transfer-Encoding").isPresent();
        if (!framed) {
            throw SdkClientException.builder().message("the answer (HTTP " + response.statusCode()
                    + ") was cut before its headers ended: it says neither its length nor its encoding")
                    .cause(new IOException("answer without Content-Length or Transfer-Encoding")).build();
        }
        return response;
    }
}
