package io.plumbline.engine.loop;

/**
 * Where the service's page shows its records, for the links in commit statuses. Every address is stable: it names
 * an environment and, for one reconcile, the commit ({@code /environments/production#<sha>}).
 */
public record Links(String publicUrl) {
    public Links {
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    /** The history entry of an environment at a commit (its newest reconcile of that commit). */
    public String entry(String environment, String commit) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/environments/" + environment + "#" + commit;
    }

    public String drift(String environment) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/environments/" + environment + "#drift";
    }

    public String plan(String commit) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/plans/" + commit;
    }
}
