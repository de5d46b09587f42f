package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.provider.aws.AwsContext;
import java.util.function.BiConsumer;

/**
 * How a network kind applies one change. Creating and deleting are the kind's own; an update first puts the tags back
 * (when they drifted, or the object is being adopted), then changes the fields that differ. After any write the
 * kind's read is stale, so that the next read asks AWS again.
 */
final class NetworkWrite {
    /** A kind's write to the object of id {@code id}. */
    @FunctionalInterface
    interface Step {
        void write(AwsContext ctx, Change change, String id);
    }

    private final String read;
    private final String idField;

    /**
     * @param read    the read of {@link NetworkReads} the kind's objects come from
     * @param idField the field of the read body holding the object's id
     */
    NetworkWrite(String read, String idField) {
        this.read = read;
        this.idField = idField;
    }

    /** For a kind whose objects, once made, can differ only in their tags. */
    void apply(AwsContext ctx, Change change, BiConsumer<AwsContext, Change> create, Step delete) {
        apply(ctx, change, create, (c, ch, id) -> { }, delete);
    }

    /** @param fields after the tags, changes the other fields that differ ({@link Change#topFields()} names them) */
    void apply(AwsContext ctx, Change change, BiConsumer<AwsContext, Change> create, Step fields, Step delete) {
        switch (change.action()) {
            case CREATE -> create.accept(ctx, change);
            case UPDATE -> {
                String id = id(change);
                Ec2Tags.restore(ctx, change, id);
                fields.write(ctx, change, id);
            }
            case DELETE -> delete.write(ctx, change, id(change));
            default -> { }
        }
        NetworkReads.stale(ctx, read);
    }

    private String id(Change change) {
        return (String) change.actual().body().get(idField);
    }
}
