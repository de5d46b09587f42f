package io.plumbline.source;

import io.plumbline.model.RefusedException;
import java.io.IOException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Refuses a commit that is not signed by an allowed key. In process: SSH signatures with JGit's verifier and an
 * allowed-signers file given in memory (never in the clone's config); OpenPGP signatures with
 * {@link OpenPgpSignatures} against an exported keyring. Thread-safe.
 */
public final class SignatureCheck {
    /** Lets every commit through. */
    public static final SignatureCheck NONE = new SignatureCheck(null, SignaturePolicy.NONE);

    private final Cache repository;
    private final SignaturePolicy policy;
    private final OpenPgpSignatures openPgp;

    /** The clone the commits are read from, opened when the first commit is checked. */
    interface Cache {
        Repository open() throws IOException;
    }

    SignatureCheck(Cache repository, SignaturePolicy policy) {
        this.repository = repository;
        this.policy = policy;
        this.openPgp = policy.mode() == SignaturePolicy.Mode.GPG ? new OpenPgpSignatures(policy.keys()) : null;
    }

    /** @throws RefusedException naming the commit and why, when it is unsigned or not signed by an allowed key */
    public void verify(String commit) {
        if (policy.mode() == SignaturePolicy.Mode.NONE) {
            return;
        }
        String shortCommit = commit.substring(0, Math.min(12, commit.length()));
        RevCommit parsed;
        try (RevWalk walk = new RevWalk(repository.open())) {
            parsed = walk.parseCommit(ObjectId.fromString(commit));
        } catch (IOException | IllegalArgumentException e) {
            throw new RefusedException("commit " + shortCommit + " cannot be read to check its signature");
        }
        byte[] signature = parsed.getRawGpgSignature();
        if (signature == null) {
            throw new RefusedException("commit " + shortCommit + " is not signed; plumbline.git.verify requires "
                    + (policy.mode() == SignaturePolicy.Mode.SSH ? "an SSH" : "an OpenPGP")
                    + " signature by an allowed key");
        }
        String problem = policy.mode() == SignaturePolicy.Mode.SSH ? ssh(parsed)
                : openPgp.problem(CommitPayload.of(parsed.getRawBuffer()), signature);
        if (problem != null) {
            throw new RefusedException("commit " + shortCommit + " " + problem);
        }
    }

    /** Null when good, else why not. */
    private String ssh(RevCommit commit) {
        Config config = new Config();
        config.setString("gpg", null, "format", "ssh");
        config.setString("gpg", "ssh", "allowedSignersFile", policy.keys().toAbsolutePath().toString());
        try {
            SignatureVerification result = SignatureVerifiers.verify(repository.open(), new GpgConfig(config), commit);
            if (result == null) {
                return "carries a signature that is not an SSH signature";
            }
            return result.verified() && !result.expired() ? null
                    : "is not signed by an allowed SSH key" + (result.message() == null ? "" : ": " + result.message());
        } catch (IOException | RuntimeException e) {
            return "has an SSH signature that cannot be checked: " + e.getMessage();
        }
    }
}
