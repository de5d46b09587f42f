package io.plumbline.provider;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.SecretValues;

/**
 * Resolves an environment's secret references (AWS Secrets Manager, SSM Parameter Store, SOPS files) into values held
 * in memory, for the apply path alone: the plan that is applied, and the drift check. A pull request's plan is made
 * by a pipeline without one ({@link #NONE}), so it never decrypts, and never calls KMS, Secrets Manager or SSM.
 */
public interface SecretResolver {
    /** Resolves nothing: the references keep their fingerprints. */
    SecretResolver NONE = env -> env.secrets();

    /**
     * Every reference of {@code env} resolved, or an exception naming the one that failed (and nothing is applied).
     *
     * @throws io.plumbline.model.InvalidInputException a SOPS file that cannot be trusted: tampered, truncated, or
     *                                                  encrypted to keys this service does not hold, at file:line
     * @throws ProviderException                        a source that could not be read (retryable when it may pass)
     */
    SecretValues resolve(LoadedEnvironment env);
}
