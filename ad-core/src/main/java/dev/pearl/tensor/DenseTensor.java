package dev.pearl.tensor;

import dev.pearl.backend.Storage;

/** A concrete tensor: shape, dtype and the storage its backend holds. */
public final class DenseTensor extends Tensor {
    private final Backend backend;
    private final Storage storage;
    private final Shape shape;
    private final DType dtype;

    /**
     * Wraps a backend's storage; used by backends, which allocate the storage.
     *
     * @param backend the backend that owns storage
     * @param storage the elements, in row-major order
     * @param shape the shape, whose size equals storage.size()
     * @param dtype the element type held
     * @throws IllegalArgumentException if storage and shape differ in size
     */
    public DenseTensor(Backend backend, Storage storage, Shape shape, DType dtype) {
        if (storage.size() != shape.size())
            throw new IllegalArgumentException("storage of " + storage.size() + " elements cannot hold shape " + shape);
        this.backend = backend;
        this.storage = storage;
        this.shape = shape;
        this.dtype = dtype;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public DenseTensor concrete() {
        return this;
    }

    /**
     * The elements, for the owning backend.
     *
     * @return the storage this tensor was made with
     */
    public Storage storage() {
        return storage;
    }

    /**
     * Same elements viewed with another shape of equal size (no copy: tensors are immutable).
     *
     * @param newShape a shape of the same size
     * @return a new tensor sharing this one's storage
     * @throws IllegalArgumentException if the sizes differ
     */
    public DenseTensor withShape(Shape newShape) {
        return new DenseTensor(backend, storage, newShape, dtype);
    }
}
