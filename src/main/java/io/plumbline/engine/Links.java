package io.plumbline.engine;

/** Where the service serves its records, for the links in commit statuses. */
public record Links(String publicUrl) {
    public Links {
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    public String history(String environment) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/api/environments/" + environment + "/history";
    }

    public String drift(String environment) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/api/environments/" + environment + "/drift";
    }

    public String plan(String commit) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/api/plans/" + commit;
    }
}
