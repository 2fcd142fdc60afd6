package dev.pearl.gpu;

/**
 * Counts of what crossed between host and device: staged tensor uploads and downloads (calls and
 * bytes actually moved, i.e. whole staging arrays), arena set-up and growth copies, and kernel
 * launches. Read with {@link OpenClBackend#transfers()}; subtract two snapshots to measure a span.
 *
 * @param uploads tensor uploads (host to device)
 * @param uploadBytes bytes moved by those uploads
 * @param downloads tensor downloads (device to host)
 * @param downloadBytes bytes moved by those downloads
 * @param arenaCopies arena set-up and growth copies
 * @param arenaCopyBytes bytes moved by those copies
 * @param launches kernel launches
 */
public record TransferStats(long uploads, long uploadBytes, long downloads, long downloadBytes,
                            long arenaCopies, long arenaCopyBytes, long launches) {

    /**
     * The counts accumulated between {@code earlier} and this snapshot.
     *
     * @param earlier an earlier snapshot of the same backend
     * @return the difference, count by count
     */
    public TransferStats minus(TransferStats earlier) {
        return new TransferStats(uploads - earlier.uploads, uploadBytes - earlier.uploadBytes,
                downloads - earlier.downloads, downloadBytes - earlier.downloadBytes,
                arenaCopies - earlier.arenaCopies, arenaCopyBytes - earlier.arenaCopyBytes,
                launches - earlier.launches);
    }

    /**
     * Host-device copies of any kind.
     *
     * @return uploads + downloads + arenaCopies
     */
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
