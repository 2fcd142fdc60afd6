package dev.pearl.testing;

import java.lang.ref.WeakReference;

/** Whether an object has become unreachable, as memory tests ask it. */
public final class Reachability {
    private Reachability() {
    }

    /**
     * The referent after up to 20 requested full collections, 5 ms apart: null once nothing else
     * holds it. A collection is only requested, so a referent still held says "not yet seen
     * collected", which the callers treat as held.
     *
     * @param ref a weak reference to the object in question
     * @param <T> its type
     * @return the referent, or null if it was collected
     */
    public static <T> T afterCollections(WeakReference<T> ref) {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ref.get();
    }
}
