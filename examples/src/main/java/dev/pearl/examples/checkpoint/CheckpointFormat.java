package dev.pearl.examples.checkpoint;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a checkpoint file, all numbers big-endian:
 * <pre>
 * offset  0  8 bytes  magic "PEARLCKP"
 * offset  8  int32    format version
 * offset 12  int64    payload length in bytes
 * offset 20  int32    CRC32 of the payload
 * offset 24  payload:
 *            int32 metadata entry count, then per entry: string key, string value
 *            int32 tensor count, then per tensor: string name, int8 dtype code, int8 rank,
 *                  int32 dims[rank], values (4-byte floats or 8-byte doubles, row-major)
 * </pre>
 * A string is an int32 byte count followed by UTF-8 bytes. The length and checksum in the header
 * let a reader tell a truncated or damaged file from a good one before trusting any of it.
 */
final class CheckpointFormat {
    static final byte[] MAGIC = "PEARLCKP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int VERSION_OFFSET = 8;
    static final int LENGTH_OFFSET = 12;
    static final int CRC_OFFSET = 20;
    static final int HEADER_BYTES = 24;
    static final byte FLOAT32 = 1;
    static final byte FLOAT64 = 2;

    private CheckpointFormat() {
    }
}
