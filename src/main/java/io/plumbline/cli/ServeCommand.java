package io.plumbline.cli;

import io.micronaut.runtime.Micronaut;
import io.plumbline.app.ServiceRole;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plumbline serve}: the long-running service (HTTP, polling, reconciles). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: poll the repository, reconcile, serve /health and /prometheus.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--repo", description = "Git URL or path of the configuration repository (plumbline.git.url)")
    String repo;

    @Option(names = "--branch", description = "The environment branch (plumbline.git.branch, default main)")
    String branch;

    @Option(names = "--port", description = "HTTP port (micronaut.server.port, default 8080)")
    Integer port;

    @Option(names = "--config", description = "An extra configuration file (application.yml or .properties)")
    String config;

    @Option(names = "--role", description = "central (the default) or haproxy-agent: on a proxy host, reconcile only "
            + "the HAProxy of the environments naming --host (plumbline.role)")
    String role;

    @Option(names = "--host", description = "With --role haproxy-agent: this proxy host's id, as environments name it "
            + "in spec.haproxy.hosts (plumbline.agent.host)")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (repo == null && config == null && System.getenv("PLUMBLINE_GIT_URL") == null) {
            spec.commandLine().getErr().println("plumbline: no repository to watch: pass --repo URL, set "
                    + "PLUMBLINE_GIT_URL, or give plumbline.git.url in a --config file");
            return Main.INVALID;
        }
        // The host may also come from a --config file: the role and host are judged together when the service starts.
        if (role != null && !role.equals(ServiceRole.CENTRAL) && !role.equals(ServiceRole.HAPROXY_AGENT)) {
            spec.commandLine().getErr().println("plumbline: unknown role '" + role + "': " + ServiceRole.CENTRAL
                    + " or " + ServiceRole.HAPROXY_AGENT);
            return Main.INVALID;
        }
        if (host != null && !ServiceRole.validHost(host)) {
            spec.commandLine().getErr().println("plumbline: " + ServiceRole.HOST_RULE + "; got '" + host + "'");
            return Main.INVALID;
        }
        Map<String, Object> properties = new HashMap<>();
        if (role != null) {
            properties.put("plumbline.role", role);
        }
        if (host != null) {
            properties.put("plumbline.agent.host", host);
        }
        if (repo != null) {
            properties.put("plumbline.git.url", repo);
        }
        if (branch != null) {
            properties.put("plumbline.git.branch", branch);
        }
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (config != null) {
            System.setProperty("micronaut.config.files", config);
        }
        // Micronaut registers its own shutdown hook, which stops the context (and so the engine) on SIGTERM;
        // closing the context from a second hook would deadlock with it.
        // No environment deduction: it probes the stack, files and (for clouds) the network on every start, and
        // nothing here depends on a deduced environment. No bootstrap context either: to decide whether one is
        // needed, Micronaut loads the class of every bean to look for a bootstrap property source (there is none).
        Micronaut.build(new String[0]).mainClass(Main.class).properties(properties).banner(false)
                .deduceEnvironment(false).deduceCloudEnvironment(false).bootstrapEnvironment(false).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
        return Main.OK;
    }
}
