package dev.pearl.examples.checkpoint;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training checkpoint: an ordered list of named float32/float64 tensors (parameters, optimizer
 * state) and a small string-to-string metadata map (iteration, λ, random state, optimizer name).
 * Files are written atomically — a reader sees either the previous checkpoint or the new one,
 * never a mixture — and carry a checksum, so damage is reported instead of silently loaded.
 *
 * <p>Tensors of several groups can share one checkpoint by prefixing names, e.g. "theta/w1" and
 * "cg/w1"; {@link Builder#addAll(String, Params)} and {@link #params(String)} do this.
 */
public final class Checkpoint {
    public static final String FILE_NAME = "checkpoint.bin";

    private final Params tensors;
    private final Map<String, String> metadata;

    public Checkpoint(Params tensors, Map<String, String> metadata) {
        this.tensors = tensors;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All tensors in the order they were added. */
    public Params tensors() {
        return tensors;
    }

    /** The metadata in insertion order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A metadata value; an error naming the key and the keys present when it is missing. */
    public String meta(String key) {
        String v = metadata.get(key);
        if (v == null) throw new IllegalArgumentException("checkpoint has no metadata '" + key + "' (has " + metadata.keySet() + ")");
        return v;
    }

    /** The tensors named "prefix/…", with the prefix removed, in their stored order. */
    public Params params(String prefix) {
        String p = prefix + "/";
        Params.Builder b = Params.builder();
        int found = 0;
        for (int i = 0; i < tensors.size(); i++) {
            String name = tensors.name(i);
            if (name.startsWith(p)) {
                b.add(name.substring(p.length()), tensors.get(i));
                found++;
            }
        }
        if (found == 0) throw new IllegalArgumentException("checkpoint has no tensors under '" + p + "' (has " + tensors.names() + ")");
        return b.build();
    }

    /** Writes this checkpoint to file atomically, replacing any earlier one. */
    public void write(Path file) throws IOException {
        CheckpointWriter.write(file, this);
    }

    /** Reads a checkpoint onto the default backend. */
    public static Checkpoint read(Path file) throws IOException {
        return read(file, Backends.defaultBackend());
    }

    /** Reads a checkpoint, creating its tensors on backend. */
    public static Checkpoint read(Path file, Backend backend) throws IOException {
        return CheckpointReader.read(file, backend);
    }

    /** Collects tensors and metadata in order; tensor names must be unique. */
    public static final class Builder {
        private final Params.Builder tensors = Params.builder();
        private final LinkedHashMap<String, String> metadata = new LinkedHashMap<>();

        public Builder put(String key, String value) {
            if (key == null || value == null) throw new IllegalArgumentException("metadata key and value must not be null");
            metadata.put(key, value);
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        /** Stored with {@link Double#toString(double)}, which parses back to the same double. */
        public Builder put(String key, double value) {
            return put(key, Double.toString(value));
        }

        public Builder add(String name, Tensor t) {
            tensors.add(name, t);
            return this;
        }

        /** Adds every tensor of params as "prefix/name". */
        public Builder addAll(String prefix, Params params) {
            for (int i = 0; i < params.size(); i++) tensors.add(prefix + "/" + params.name(i), params.get(i));
            return this;
        }

        public Checkpoint build() {
            return new Checkpoint(tensors.build(), metadata);
        }
    }
}
