package io.plumbline.engine.drift;

/**
 * One difference between the last applied commit and what is live.
 *
 * @param field  the differing field, or {@code (missing)} / {@code (not declared)} for whole objects
 * @param wanted what the commit says, as text
 * @param found  what is live, as text
 * @param firstSeen when this difference was first seen (ISO-8601)
 */
public record DriftEntry(String provider, String resource, String field, String wanted, String found,
                         String firstSeen) {
}
