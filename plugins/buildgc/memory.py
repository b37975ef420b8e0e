"""Memory the build has let go of, given back to the system before a step that needs a lot."""
import ctypes
import gc


def return_free_memory(collect_cycles: bool = False) -> None:
    """Hand memory Python freed back to the system (glibc's malloc_trim), after collecting
    the cycles not yet collected (`collect_cycles`: a rendered page leaves some, and the
    collector frees them only every so many new objects). Objects of a few kilobytes
    live in the C heap, which keeps what they freed; the big arrays that come next (numpy)
    are mapped anew and cannot reuse it, so without this a build's peak is their sum."""
    if collect_cycles:
        gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused later instead
        pass


# glibc's mallopt parameter; the value is what `man mallopt` gives.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 256 * 1024


def map_large_blocks() -> None:
    """Have every block of 256 kB or more mapped on its own, so that freeing it gives it back
    to the system at once. glibc raises this threshold each time such a block is freed (up to
    32 MB), after which the index's arrays of a batch come from the heap, where what they
    leave behind stays the build's until the heap's top is free: at 10,000 articles the
    heap grew by hundreds of megabytes of freed arrays. Setting it fixes it."""
    try:
        ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    except (OSError, AttributeError):  # not glibc
        pass
