package dev.pearl.examples.checkpoint;

import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a checkpoint so that a crash at any moment leaves either the old file or the complete new
 * one: the data goes to a temporary file in the same directory, is forced to disk, and only then
 * renamed over the target in one atomic step.
 */
final class CheckpointWriter {
    private static final int CHUNK = 1 << 16;

    private CheckpointWriter() {
    }

    static void write(Path file, Checkpoint checkpoint) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writeContents(channel, checkpoint);
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            forceDirectory(dir);
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    private static void writeContents(FileChannel channel, Checkpoint checkpoint) throws IOException {
        // The header's length and checksum are known only at the end: reserve it, then fill it in.
        channel.position(CheckpointFormat.HEADER_BYTES);
        CRC32 crc = new CRC32();
        // Not closed: closing would close the channel, which the header write below still needs.
        CountingOutputStream counted = new CountingOutputStream(Channels.newOutputStream(channel));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(counted, crc), CHUNK));
        writePayload(out, checkpoint);
        out.flush();

        ByteBuffer header = ByteBuffer.allocate(CheckpointFormat.HEADER_BYTES);
        header.put(CheckpointFormat.MAGIC).putInt(CheckpointFormat.VERSION).putLong(counted.count).putInt((int) crc.getValue());
        header.flip();
        channel.position(0);
        while (header.hasRemaining()) channel.write(header);
    }

    private static void writePayload(DataOutputStream out, Checkpoint checkpoint) throws IOException {
        Map<String, String> metadata = checkpoint.metadata();
        out.writeInt(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        var tensors = checkpoint.tensors();
        out.writeInt(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            writeString(out, tensors.name(i));
            out.writeByte(t.dtype() == DType.FLOAT32 ? CheckpointFormat.FLOAT32 : CheckpointFormat.FLOAT64);
            int[] dims = t.shape().dims();
            out.writeByte(dims.length);
            for (int d : dims) out.writeInt(d);
            if (t.dtype() == DType.FLOAT32) writeFloats(out, t.toFloatArray());
            else writeDoubles(out, t.toDoubleArray());
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeFloats(OutputStream out, float[] v) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < v.length; ) {
            buf.clear();
            int n = Math.min(v.length - i, CHUNK / Float.BYTES);
            buf.asFloatBuffer().put(v, i, n);
            out.write(buf.array(), 0, n * Float.BYTES);
            i += n;
        }
    }

    private static void writeDoubles(OutputStream out, double[] v) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < v.length; ) {
            buf.clear();
            int n = Math.min(v.length - i, CHUNK / Double.BYTES);
            buf.asDoubleBuffer().put(v, i, n);
            out.write(buf.array(), 0, n * Double.BYTES);
            i += n;
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is harmless. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file's own data is already on disk; only the rename's durability is at stake.
        }
    }

    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
