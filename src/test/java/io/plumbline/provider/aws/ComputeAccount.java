package io.plumbline.provider.aws;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before each test, the {@link SeededAccount} with what the compute part of an environment stands on and next to,
 * made by hand ({@link HandCompute#prepare}); the provider and the team's clients closed after the test.
 */
final class ComputeAccount implements BeforeEachCallback, AfterEachCallback {
    private final MotoServer moto;
    private final SeededAccount account;
    private String foreign;

    ComputeAccount(MotoServer moto) {
        this.moto = moto;
        this.account = new SeededAccount(moto);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        account.beforeEach(context);
        foreign = HandCompute.prepare(moto, account.hand());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        account.afterEach(context);
    }

    AwsProvider provider() {
        return account.provider();
    }

    /** Clients that change the account by hand, as a person (or another tool) would. */
    AwsClients hand() {
        return account.hand();
    }

    AwsBaseline.Seeded seeded() {
        return account.seeded();
    }

    /** Whether the team's own instance, template, group and nodegroup are as they were. */
    boolean foreignUntouched() {
        return HandCompute.foreignUntouched(account.hand(), foreign);
    }
}
