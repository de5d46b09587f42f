package io.plumbline.provider.aws;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before each test, moto reset and seeded as the team's existing account ({@link AwsBaseline}, unless
 * {@link #empty}), with the provider under test (sharing no read between plans unless made with
 * {@link #emptySharingReads}) and a second set of clients that plays the team's hands; both
 * closed after the test.
 */
final class SeededAccount implements BeforeEachCallback, AfterEachCallback {
    private final MotoServer moto;
    private final boolean seed;
    private final Duration sharedReads;
    private AwsProvider provider;
    private AwsClients hand;
    private AwsBaseline.Seeded seeded;

    SeededAccount(MotoServer moto) {
        this(moto, true, Duration.ZERO);
    }

    private SeededAccount(MotoServer moto, boolean seed, Duration sharedReads) {
        this.moto = moto;
        this.seed = seed;
        this.sharedReads = sharedReads;
    }

    /**
     * An account with nothing of the team's in it (only the region's default VPC). Its provider shares no read between
     * plans, so that a change made by hand is seen by the very next plan, as the tests of drift expect.
     */
    static SeededAccount empty(MotoServer moto) {
        return new SeededAccount(moto, false, Duration.ZERO);
    }

    /**
     * As {@link #empty}, with a provider that shares account-wide reads between environments as the service does, for
     * longer than any test takes, so that what a test counts does not depend on the speed of the machine.
     */
    static SeededAccount emptySharingReads(MotoServer moto) {
        return new SeededAccount(moto, false, Duration.ofMinutes(10));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        moto.reset();
        provider = new AwsProvider(moto.connection(), sharedReads);
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
