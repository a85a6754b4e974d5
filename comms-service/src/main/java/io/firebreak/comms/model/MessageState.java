package io.firebreak.comms.model;

/** A drafted message: waiting for an approver's override of its free text (customer audience), ready to send, or sent. */
public enum MessageState {
    AWAITING_OVERRIDE, READY, SENT
}
