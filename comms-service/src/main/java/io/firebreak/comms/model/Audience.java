package io.firebreak.comms.model;

/** Who a message is for. */
public enum Audience {
    EXECUTIVE, TECHNICAL, CUSTOMER
}
