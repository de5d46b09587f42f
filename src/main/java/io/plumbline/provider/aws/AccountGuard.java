package io.plumbline.provider.aws;

import io.plumbline.model.RefusedException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Nothing is written unless the credentials belong to the account the environment declares. */
final class AccountGuard {
    private AccountGuard() {
    }

    static void check(AwsContext ctx) {
        String declared = ctx.spec().accountId();
        if (declared == null) {
            throw new RefusedException("aws: environment " + ctx.environment()
                    + " declares no spec.aws.accountId; refusing to write to an unknown account");
        }
        GetCallerIdentityResponse me = AwsErrors.call("checking the caller identity",
                () -> ctx.aws().sts().getCallerIdentity());
        if (!declared.equals(me.account())) {
            throw new RefusedException("aws: environment " + ctx.environment() + " declares account " + declared
                    + " but the credentials belong to account " + me.account() + "; nothing was applied");
        }
    }
}
