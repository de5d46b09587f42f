package io.plumbline.provider.haproxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Submits the stats page's admin form, as an operator does from the browser. */
final class StatsPage {
    private StatsPage() {
    }

    static void setState(URI page, String backend, String server, String state)
            throws IOException, InterruptedException {
        HttpRequest form = HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("s=" + server + "&action=" + state + "&b=" + backend))
                .build();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(form, HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("location").orElse("");
        if (response.statusCode() != 303 || !location.contains("st=DONE")) {
            throw new IllegalStateException("stats page refused the change: " + response.statusCode() + " " + location);
        }
    }
}
