package dev.pearl.examples.checkpoint;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.zip.CRC32;

/**
 * Reads a checkpoint, checking the header, the length and the checksum before trusting any of the
 * contents, so that a truncated or damaged file is reported with the offset where it goes wrong.
 */
final class CheckpointReader {
    private final Path file;
    private final ByteBuffer bytes;

    private CheckpointReader(Path file, ByteBuffer bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    static Checkpoint read(Path file, Backend backend) throws IOException {
        byte[] all = Files.readAllBytes(file);
        CheckpointReader r = new CheckpointReader(file, ByteBuffer.wrap(all));
        r.checkHeader();
        return r.readPayload(backend);
    }

    private void checkHeader() throws CorruptCheckpointException {
        int size = bytes.limit();
        byte[] magic = Arrays.copyOf(bytes.array(), Math.min(size, CheckpointFormat.MAGIC.length));
        if (!Arrays.equals(magic, 0, magic.length, CheckpointFormat.MAGIC, 0, magic.length))
            throw error(0, "expected the magic bytes \"PEARLCKP\" of a Pearl checkpoint, found "
                    + (size == 0 ? "an empty file" : "0x" + HexFormat.of().formatHex(magic)));
        if (size < CheckpointFormat.HEADER_BYTES)
            throw error(size, "truncated: expected a " + CheckpointFormat.HEADER_BYTES + "-byte header, but the file ends");
        int version = bytes.getInt(CheckpointFormat.VERSION_OFFSET);
        if (version != CheckpointFormat.VERSION)
            throw error(CheckpointFormat.VERSION_OFFSET, "expected format version " + CheckpointFormat.VERSION + ", found " + version);
        long length = bytes.getLong(CheckpointFormat.LENGTH_OFFSET);
        long end = CheckpointFormat.HEADER_BYTES + length;
        if (length < 0)
            throw error(CheckpointFormat.LENGTH_OFFSET, "expected a non-negative payload length, found " + length);
        if (size < end)
            throw error(size, "truncated: the header says the data runs to offset " + end + ", but the file ends");
        if (size > end)
            throw error(end, "expected the end of the file (the header says the data ends here), found " + (size - end) + " more bytes");
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), CheckpointFormat.HEADER_BYTES, (int) length);
        int stored = bytes.getInt(CheckpointFormat.CRC_OFFSET);
        if ((int) crc.getValue() != stored)
            throw error(CheckpointFormat.HEADER_BYTES, String.format(
                    "checksum mismatch: bytes %d to %d have CRC32 %08x, but the header (offset %d) records %08x; the file is damaged",
                    CheckpointFormat.HEADER_BYTES, end, (int) crc.getValue(), CheckpointFormat.CRC_OFFSET, stored));
        bytes.position(CheckpointFormat.HEADER_BYTES);
    }

    private Checkpoint readPayload(Backend backend) throws CorruptCheckpointException {
        int entries = readCount("metadata entry count");
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) metadata.put(readString("metadata key"), readString("metadata value"));
        int count = readCount("tensor count");
        Params.Builder tensors = Params.builder();
        for (int i = 0; i < count; i++) {
            String name = readString("tensor name");
            int at = bytes.position();
            byte code = need(2, "dtype and rank of tensor '" + name + "'").get();
            DType dtype = code == CheckpointFormat.FLOAT32 ? DType.FLOAT32 : code == CheckpointFormat.FLOAT64 ? DType.FLOAT64 : null;
            if (dtype == null) throw error(at, "expected dtype code 1 (float32) or 2 (float64) for tensor '" + name + "', found " + code);
            int rank = bytes.get();
            if (rank < 0 || rank > Shape.MAX_RANK)
                throw error(at + 1, "expected a rank from 0 to " + Shape.MAX_RANK + " for tensor '" + name + "', found " + rank);
            int[] dims = new int[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = readCount("dimension " + d + " of tensor '" + name + "'");
                size *= dims[d];
                if (size > Integer.MAX_VALUE)
                    throw error(bytes.position() - 4, "tensor '" + name + "' has more values than fit in one array");
            }
            long valueBytes = size * dtype.bytes();
            if (valueBytes > bytes.remaining())
                throw error(bytes.position(), "expected " + size + " " + dtype + " values of tensor '" + name + "', but only "
                        + bytes.remaining() + " bytes remain");
            Shape shape = Shape.of(dims);
            if (dtype == DType.FLOAT32) {
                float[] v = new float[(int) size];
                bytes.asFloatBuffer().get(v);
                tensors.add(name, backend.fromArray(v, shape, dtype));
            } else {
                double[] v = new double[(int) size];
                bytes.asDoubleBuffer().get(v);
                tensors.add(name, backend.fromArray(v, shape, dtype));
            }
            bytes.position(bytes.position() + (int) valueBytes);
        }
        if (bytes.hasRemaining())
            throw error(bytes.position(), "expected the end of the data after " + count + " tensors, found " + bytes.remaining() + " more bytes");
        return new Checkpoint(tensors.build(), metadata);
    }

    private int readCount(String what) throws CorruptCheckpointException {
        int at = bytes.position();
        int v = need(4, what).getInt();
        if (v < 0) throw error(at, "expected a non-negative " + what + ", found " + v);
        return v;
    }

    private String readString(String what) throws CorruptCheckpointException {
        int length = readCount("byte length of " + what);
        byte[] b = new byte[length];
        need(length, what).get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private ByteBuffer need(int n, String what) throws CorruptCheckpointException {
        if (bytes.remaining() < n)
            throw error(bytes.position(), "truncated: expected " + n + " bytes of " + what + ", but only " + bytes.remaining() + " remain");
        return bytes;
    }

    private CorruptCheckpointException error(long offset, String problem) {
        return new CorruptCheckpointException(file, offset, problem);
    }
}
