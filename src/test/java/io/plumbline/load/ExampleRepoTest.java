package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.source.DirectoryFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled example repository is what new users copy: it must always validate, completely. */
class ExampleRepoTest {
    @Test
    void everyEnvironmentOfTheExampleRepositoryLoads() throws Exception {
        LoadResult result = new EnvironmentLoader()
                .loadAll(new DirectoryFiles(Path.of("example-repo"), Revision.WORKING_TREE));

        assertThat(result.allProblems()).isEmpty();
        assertThat(result.environments()).extracting(LoadedEnvironment::name)
                .containsExactlyInAnyOrder("production", "staging", "hopper");
        LoadedEnvironment production = result.environments().stream()
                .filter(e -> e.name().equals("production")).findFirst().orElseThrow();
        var spec = production.environment().spec();
        assertThat(spec.aws().accountId()).isEqualTo("033870383707");
        assertThat(spec.kubernetes().applications()).extracting(a -> a.name())
                .containsExactly("frontend", "thoughts-backend", "users-backend");
        assertThat(spec.kubernetes().applications().get(0).autoscale().cpuPercent()).isEqualTo(10);
        assertThat(spec.haproxy().backends().get(0).servers()).extracting(s -> s.state())
                .containsExactly("ready", "maint");
        assertThat(production.manifests()).singleElement()
                .satisfies(m -> assertThat(m.file()).isEqualTo("manifests/production/frontend-pdb.yaml"));
        LoadedEnvironment hopper = result.environments().stream()
                .filter(e -> e.name().equals("hopper")).findFirst().orElseThrow();
        assertThat(hopper.environment().spec().aws().iam().instanceProfiles()).extracting(p -> p.name())
                .containsExactly("K8sMaster", "K8sNode");
        assertThat(hopper.files()).containsOnlyKeys("iam/k8s-master.json", "iam/k8s-node.json", "iam/vpc-cni.json",
                "userdata/node.sh");
    }

    @Test
    void hopperDeclaresItsNetworkAndGroups() throws Exception {
        LoadResult result = new EnvironmentLoader()
                .loadAll(new DirectoryFiles(Path.of("example-repo"), Revision.WORKING_TREE));
        var aws = result.environments().stream().filter(e -> e.name().equals("hopper")).findFirst().orElseThrow()
                .environment().spec().aws();

        var vpc = aws.network().vpcs().get(0);
        assertThat(vpc.cidr()).isEqualTo("10.0.0.0/16");
        assertThat(vpc.tags()).containsEntry("kubernetes.io/cluster/hopper", "shared");
        assertThat(vpc.subnets()).extracting(s -> s.name() + " " + s.isPublic())
                .containsExactly("hopper-private false", "hopper-public true");
        assertThat(aws.securityGroups()).extracting(g -> g.name())
                .containsExactly("ssh-bastion", "k8s-ami", "k8s-master", "k8s-nodes");
    }

    @Test
    void hopperReadsItsWorkersUserDataFromTheRepository() throws Exception {
        LoadedEnvironment hopper = new EnvironmentLoader().load(new DirectoryFiles(Path.of("example-repo"),
                Revision.WORKING_TREE), "environments/hopper.yaml");

        assertThat(hopper.environment().spec().aws().compute().launchTemplates()).singleElement()
                .satisfies(t -> assertThat(t.userData().file()).isEqualTo("userdata/node.sh"));
        assertThat(hopper.files().get("userdata/node.sh")).startsWith("#!/bin/bash").contains("kubeadm join");
    }

    @Test
    void environmentNamesMustBeUniqueAcrossFiles() throws Exception {
        LoadResult result = new EnvironmentLoader().load(new DirectoryFiles(Path.of("example-repo"),
                Revision.WORKING_TREE), java.util.List.of("environments/production.yaml", "environments/production.yaml"));

        assertThat(result.allProblems()).extracting(Object::toString).containsExactly(
                "environments/production.yaml:1:1: /metadata/name: environment 'production' is also declared in "
                        + "environments/production.yaml");
    }
}
