package io.plumbline.importer;

/**
 * Something live that the written file does not hold, and why: a kind the typed form has no field for, a Secret's
 * value, an object that goes with another. The import's report lists them so that nothing is dropped unsaid.
 *
 * @param what the object, as a person would name it ({@code Secret example/db-password}, {@code haproxy: userlist admins})
 * @param why  why it is not in the file, and what to do about it if anything
 */
public record LeftOut(String what, String why) {
    @Override
    public String toString() {
        return what + ": " + why;
    }
}
