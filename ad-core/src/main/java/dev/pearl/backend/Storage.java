package dev.pearl.backend;

/** A backend's handle to the elements of one tensor; opaque to everything but that backend. */
public interface Storage {
    /**
     * Number of elements held.
     *
     * @return the element count
     */
    int size();
}
