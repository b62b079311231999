package org.powexchange.people;

/** Which list a person belongs to: ours to bring home, or theirs we release. */
public enum Side {
    BRING_HOME, RELEASE
}
