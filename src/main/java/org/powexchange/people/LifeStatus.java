package org.powexchange.people;

/** What the evidence says of a person: only the confirmed living go on the list to bring home. */
public enum LifeStatus {
    CONFIRMED_ALIVE, UNCONFIRMED, DECEASED
}
