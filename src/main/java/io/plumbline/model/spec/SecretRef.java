package io.plumbline.model.spec;

/**
 * Where a secret value lives, never the value: an AWS Secrets Manager secret or SSM parameter
 * ({@code aws: secretsmanager|ssm}, {@code name}, and for a secret holding JSON the {@code key} of one field), or a
 * value of a SOPS-encrypted file in the repository ({@code sops: path}, {@code key}: its path in the file, with dots
 * between the levels).
 *
 * @param region the AWS region of the secret or parameter; the environment's {@code spec.aws.region} when absent
 */
public record SecretRef(String aws, String sops, String name, String key, String region) {
    public static final String SECRETS_MANAGER = "secretsmanager";
    public static final String SSM = "ssm";

    public boolean isSops() {
        return sops != null;
    }

    /** What the reference names, for plans and errors: the source and the name, never a value. */
    public String describe() {
        if (isSops()) {
            return "sops " + sops + " " + key;
        }
        return aws + " " + name + (key == null ? "" : " " + key) + (region == null ? "" : " in " + region);
    }

    /** The key's levels in a SOPS file. */
    public String[] path() {
        return key.split("\\.", -1);
    }
}
