"""The gazetteer: China's divisions (province → city → district → street) and their communities.

Read from data/gazetteer/ (see scripts/build_gazetteer.py). Used by the importer to resolve
places named in a document and by the site to give every place a stable ASCII slug (its code).
"""
from .table import Division, Gazetteer, LEVELS
from .tree import grow

__all__ = ["Division", "Gazetteer", "LEVELS", "grow"]
