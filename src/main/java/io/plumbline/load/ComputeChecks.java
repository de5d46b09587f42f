package io.plumbline.load;

import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.StepScaling;
import java.util.Map;

/** What the schema cannot say about launch templates, instances and step scaling: names unique, steps in order. */
final class ComputeChecks {
    private static final String AT = "/spec/aws";

    private ComputeChecks() {
    }

    static void check(AwsSpec aws, Checks checks) {
        Map<String, String> templates = Checks.names();
        for (int i = 0; i < aws.compute().launchTemplates().size(); i++) {
            checks.unique(templates, aws.compute().launchTemplates().get(i).name(),
                    AT + "/compute/launchTemplates/" + i + "/name", "launch template");
        }
        Map<String, String> instances = Checks.names();
        for (int i = 0; i < aws.compute().instances().size(); i++) {
            checks.unique(instances, aws.compute().instances().get(i).name(), AT + "/compute/instances/" + i + "/name",
                    "instance");
        }
        for (int i = 0; i < aws.autoscaling().groups().size(); i++) {
            stepScaling(aws.autoscaling().groups().get(i), AT + "/autoscaling/groups/" + i, checks);
        }
    }

    /** Step policies share one name space with target-tracking ones; each step's bounds are in order. */
    private static void stepScaling(AutoScalingGroup g, String at, Checks checks) {
        Map<String, String> policies = Checks.names();
        for (int j = 0; j < g.targetTracking().size(); j++) {
            policies.put(g.targetTracking().get(j).name(), at + "/targetTracking/" + j + "/name");
        }
        for (int j = 0; j < g.stepScaling().size(); j++) {
            StepScaling s = g.stepScaling().get(j);
            String sat = at + "/stepScaling/" + j;
            checks.unique(policies, s.name(), sat + "/name", "scaling policy");
            for (int k = 0; k < s.steps().size(); k++) {
                StepScaling.Step step = s.steps().get(k);
                if (step.lower() != null && step.upper() != null && step.upper() <= step.lower()) {
                    checks.at(sat + "/steps/" + k + "/upper", "upper " + step.upper() + " is not above lower "
                            + step.lower());
                }
            }
        }
    }
}
