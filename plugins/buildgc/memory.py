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
