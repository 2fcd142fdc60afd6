package dev.pearl.gpu;

/**
 * Counts of what crossed between host and device: staged tensor uploads and downloads (calls and
 * bytes actually moved, i.e. whole staging arrays), arena set-up and growth copies, and kernel
 * launches. Read with {@link OpenClBackend#transfers()}; subtract two snapshots to measure a span.
 */
public record TransferStats(long uploads, long uploadBytes, long downloads, long downloadBytes,
                            long arenaCopies, long arenaCopyBytes, long launches) {

    /** The counts accumulated between {@code earlier} and this snapshot. */
    public TransferStats minus(TransferStats earlier) {
        return new TransferStats(uploads - earlier.uploads, uploadBytes - earlier.uploadBytes,
                downloads - earlier.downloads, downloadBytes - earlier.downloadBytes,
                arenaCopies - earlier.arenaCopies, arenaCopyBytes - earlier.arenaCopyBytes,
                launches - earlier.launches);
    }

    /** Host-device copies of any kind. */
    public long copies() {
        return uploads + downloads + arenaCopies;
    }

    @Override
    public String toString() {
        return uploads + " uploads (" + uploadBytes + " B), " + downloads + " downloads (" + downloadBytes + " B), "
                + arenaCopies + " arena copies (" + arenaCopyBytes + " B), " + launches + " launches";
    }

    /** Mutable counters behind the snapshots; guarded by the device lock. */
    static final class Counter {
        private long uploads, uploadBytes, downloads, downloadBytes, arenaCopies, arenaCopyBytes, launches;

        void upload(long bytes) {
            uploads++;
            uploadBytes += bytes;
        }

        void download(long bytes) {
            downloads++;
            downloadBytes += bytes;
        }

        void arenaCopy(long bytes) {
            arenaCopies++;
            arenaCopyBytes += bytes;
        }

        void launch() {
            launches++;
        }

        TransferStats snapshot() {
            return new TransferStats(uploads, uploadBytes, downloads, downloadBytes, arenaCopies, arenaCopyBytes, launches);
        }
    }
}
