package org.powexchange.people;

public enum Category {
    MILITARY, CIVILIAN
}
