"""Build log for editors: when an error stops the build (`--fatal errors`), the error already
says `path:line: problem`; Pelican's traceback of the stop itself is left out."""
from .plugin import register

__all__ = ["register"]
