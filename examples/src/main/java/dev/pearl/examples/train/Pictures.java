package dev.pearl.examples.train;

import dev.pearl.Params;

import java.io.IOException;

/** A run's pictures: redrawn now and then while it trains ({@link #refresh}) and once at its end ({@link #draw}). */
interface Pictures {
    /** Draws when the last drawing is old enough. */
    void refresh(Params theta) throws IOException;

    void draw(Params theta) throws IOException;
}
