package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Problem;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile or impossible values in the compute part of hopper's environment are refused at their field, with a line
 * and column, before anything is written; the user-data file must be a small text file inside the repository.
 */
class ComputeSchemaTest {
    private static final String FILE = "environments/hopper.yaml";
    private static final String USER_DATA = "userdata/node.sh";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "user data outside the repository | {file: userdata/node.sh} | {file: ../../etc/passwd} | /spec/aws/compute/launchTemplates/0/userData/file",
        "user data at an absolute path | {file: userdata/node.sh} | {file: /etc/passwd} | /spec/aws/compute/launchTemplates/0/userData/file",
        "user data that is not in the commit | {file: userdata/node.sh} | {file: userdata/none.sh} | /spec/aws/compute/launchTemplates/0/userData/file",
        "user data that is too large | {file: userdata/node.sh} | {file: userdata/huge.sh} | /spec/aws/compute/launchTemplates/0/userData/file",
        "user data that is not text | {file: userdata/node.sh} | {file: userdata/binary.sh} | /spec/aws/compute/launchTemplates/0/userData/file",
        "an image by id and by name at once | owner: \"099720109477\"} | owner: \"099720109477\", id: ami-12345678} | /spec/aws/compute/launchTemplates/0/image",
        "an image name without an owner | , owner: \"099720109477\"} | } | /spec/aws/compute/launchTemplates/0/image",
        "an instance type that is not one | instanceType: t2.micro | instanceType: t2.micro; rm -rf / | /spec/aws/compute/instances/0/instanceType",
        "a private address that is not IPv4 | privateIp: 10.0.0.10 | privateIp: 10.0.0.300 | /spec/aws/compute/instances/1/privateIp",
        "a tag key Plumbline reserves | {key: Name, value: hopper-k8s-node | {key: \"plumbline:managed\", value: \"true\" | /spec/aws/autoscaling/groups/0/tags/0/key",
        "a template name with a newline | name: k8s-node-1.10.3-t2-medium | name: \"k8s-node\\nx\" | /spec/aws/compute/launchTemplates/0/name",
        "a group made from a template without subnets | subnets: [hopper-private] | zones: [us-west-2a] | /spec/aws/autoscaling/groups/0",
        "two instances of one name | name: hopper-master | name: hopper-bastion | /spec/aws/compute/instances/1/name",
    })
    void isRefusedAtItsField(String what, String from, String to, String pointer) throws IOException {
        List<Problem> problems = load(Files.readString(Path.of("example-repo", FILE)).replace(from, to));

        assertThat(problems).as(what).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isGreaterThan(1);
        });
        assertThat(problems).as(what).anySatisfy(p -> assertThat(p.pointer()).startsWith(pointer));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a step whose upper bound is not above its lower | {lower: 10, upper: 10, adjustment: 1} | /spec/aws/autoscaling/groups/0/stepScaling/0/steps/0/upper",
        "a step without an adjustment | {lower: 0} | /spec/aws/autoscaling/groups/0/stepScaling/0/steps/0",
    })
    void aBadStepIsRefusedAtItsField(String what, String step, String pointer) throws IOException {
        String yaml = Files.readString(Path.of("example-repo", FILE)).replace(
                "            - {key: k8s.io/cluster-autoscaler/enabled, value: \"1\", propagateAtLaunch: true}\n",
                "            - {key: k8s.io/cluster-autoscaler/enabled, value: \"1\", propagateAtLaunch: true}\n"
                        + "          stepScaling:\n            - name: cpu-high\n              adjustmentType: ChangeInCapacity\n"
                        + "              steps: [" + step + "]\n              alarm: {metric: CPUUtilization, "
                        + "statistic: Average, threshold: 70, comparison: GreaterThanThreshold, periodSeconds: 300, "
                        + "evaluationPeriods: 2}\n");

        assertThat(load(yaml)).as(what).anySatisfy(p -> assertThat(p.pointer()).startsWith(pointer));
    }

    private static List<Problem> load(String yaml) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(FILE, yaml.getBytes(StandardCharsets.UTF_8));
        files.put(USER_DATA, Files.readAllBytes(Path.of("example-repo", USER_DATA)));
        files.put("userdata/huge.sh", "#".repeat(UserDataFiles.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8));
        files.put("userdata/binary.sh", new byte[] {(byte) 0x1f, (byte) 0x8b, (byte) 0xff, (byte) 0xfe});
        return new EnvironmentLoader().loadAll(new MemoryFiles(files)).allProblems();
    }
}
