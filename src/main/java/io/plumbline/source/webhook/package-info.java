/**
 * Webhook deliveries from Git hosts, read into {@link io.plumbline.source.webhook.WebhookEvent}s.
 *
 * <p>One delivery, as an endpoint handles it:
 * <ol>
 *   <li>{@link io.plumbline.source.webhook.RateLimiter#acquire} per host kind or remote address; refused: 429
 *       with {@code Retry-After};</li>
 *   <li>{@link io.plumbline.source.webhook.WebhookReceiver#checkDeclaredLength} on {@code Content-Length},
 *       before the body is read;</li>
 *   <li>{@link io.plumbline.source.webhook.WebhookReceiver#receive} with the headers, the raw body and the
 *       hook's secret. A {@link io.plumbline.source.webhook.WebhookRejectedException} carries the status to
 *       answer (400, 401, 409, 413) and a message safe to return; every event, even an ignored one, is answered
 *       with 2xx so that the host does not retry it;</li>
 *   <li>{@link io.plumbline.source.webhook.Replays#accept} for a signed delivery: one accepted before is
 *       refused (409).</li>
 * </ol>
 * Nothing here logs. Messages and reasons never hold a secret or a signature; rejections name fields and
 * positions rather than quoting the payload.
 */
package io.plumbline.source.webhook;
