package io.plumbline.provider.aws;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before each test, moto reset and seeded as the team's existing account ({@link AwsBaseline}, unless
 * {@link #empty}), with the provider under test and a second set of clients that plays the team's hands; both
 * closed after the test.
 */
final class SeededAccount implements BeforeEachCallback, AfterEachCallback {
    private final MotoServer moto;
    private final boolean seed;
    private AwsProvider provider;
    private AwsClients hand;
    private AwsBaseline.Seeded seeded;

    SeededAccount(MotoServer moto) {
        this(moto, true);
    }

    private SeededAccount(MotoServer moto, boolean seed) {
        this.moto = moto;
        this.seed = seed;
    }

    /** An account with nothing of the team's in it (only the region's default VPC). */
    static SeededAccount empty(MotoServer moto) {
        return new SeededAccount(moto, false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        moto.reset();
        provider = new AwsProvider(moto.connection());
        hand = TestClients.create(moto.connection());
        seeded = seed ? AwsBaseline.seed(hand) : null;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        provider.close();
        hand.close();
    }

    AwsProvider provider() {
        return provider;
    }

    /** Clients that change the account by hand, as a person (or another tool) would. */
    AwsClients hand() {
        return hand;
    }

    AwsBaseline.Seeded seeded() {
        return seeded;
    }
}
