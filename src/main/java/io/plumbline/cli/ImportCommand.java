package io.plumbline.cli;

import io.plumbline.app.Importers;
import io.plumbline.importer.EnvironmentFile;
import io.plumbline.importer.ImportOutput;
import io.plumbline.importer.ImportReport;
import io.plumbline.importer.ImportedPart;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plumbline import}: writes an environment file, and the files it names, from what already runs. Only reads
 * the targets; overwrites no file without {@code --force}; never writes a secret's value.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write an environment file from live state: Kubernetes namespaces, a haproxy.cfg, an AWS "
                + "region and scope. Every object is marked for adoption; what is left out is reported on standard "
                + "error (and in --report). Only reads the targets. Exit 0 written, 1 failure, 2 invalid input "
                + "(including a file that exists, without --force).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Mixin
    TargetOptions targets = new TargetOptions();

    @Option(names = "--name", required = true, description = "The environment's metadata.name")
    String name;

    @Option(names = "--repo", defaultValue = ".", description = "The repository folder to write into (default: .)")
    Path repo;

    @Option(names = "--out", description = "The environment file, inside --repo (default: environments/NAME.yaml)")
    String out;

    @Option(names = "--force", description = "Overwrite files that exist")
    boolean force;

    @Option(names = "--report", description = "Also write the report of what was imported and left out to this file")
    Path report;

    @Option(names = "--namespace", description = "A Kubernetes namespace to import (repeatable)")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--haproxy-config", description = "The haproxy.cfg to import (its path on the proxy host; read "
            + "under --haproxy-root when given)")
    String haproxyConfig;

    @Option(names = "--haproxy-master-socket", defaultValue = "/run/haproxy/master.sock",
            description = "The master CLI socket haproxy runs with (-S), which the file cannot say (default: "
                    + "/run/haproxy/master.sock)")
    String masterSocket;

    @Mixin
    AwsImportOptions aws = new AwsImportOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            err.println("plumbline: --name must be a DNS label (lower case letters, digits, '-'): " + name);
            return Main.INVALID;
        }
        if (namespaces.isEmpty() && haproxyConfig == null && !aws.asked()) {
            err.println("plumbline: nothing to import: give --namespace, --haproxy-config or --aws-region");
            return Main.INVALID;
        }
        if (aws.badTag() != null) {
            err.println("plumbline: --tag wants KEY=VALUE: " + aws.badTag());
            return Main.INVALID;
        }
        String file = out == null ? "environments/" + name + ".yaml" : out;
        ImportOutput output = new ImportOutput(repo, force);
        // Refuse before reading anything: an import that cannot be written should cost no calls.
        if (!force && Files.exists(repo.resolve(file))) {
            err.println("plumbline: " + file + " exists already; import overwrites nothing without --force");
            return Main.INVALID;
        }
        List<ImportedPart> parts = new ArrayList<>();
        List<String> from = new ArrayList<>();
        if (aws.asked()) {
            parts.add(aws.read(targets.settings(), name));
            from.add("aws " + aws.describe());
        }
        if (!namespaces.isEmpty()) {
            parts.add(Importers.kubernetes(targets.settings(), namespaces, name));
            from.add("kubernetes namespaces " + String.join(", ", namespaces));
        }
        if (haproxyConfig != null) {
            parts.add(Importers.haproxy(targets.settings(), haproxyConfig, masterSocket));
            from.add("haproxy " + haproxyConfig);
        }
        Map<String, String> files = ImportOutput.all(file, EnvironmentFile.text(name, from, parts), parts);
        try {
            output.write(files);
        } catch (FileAlreadyExistsException e) {
            err.println("plumbline: " + e.getFile() + " " + e.getReason());
            return Main.INVALID;
        }
        String text = ImportReport.text(file, files.keySet().stream().filter(f -> !f.equals(file)).toList(), parts);
        err.print(text);
        err.flush();
        if (report != null) {
            Files.writeString(report, text);
        }
        spec.commandLine().getOut().println(file);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
