"""Keeps output/ in step with the content without emptying it before each build.

Pelican can empty output/ before every build (DELETE_OUTPUT_DIRECTORY), which for a large
archive means deleting and creating tens of thousands of files on each rebuild. With that off,
this plugin removes afterwards the pages the previous build wrote and this build did not (a
deleted or renamed article, a place or tag that no longer has articles), so a rebuild leaves
the same files as a build into an empty folder. The list of written files is kept in the
build's cache folder; plugins that write files themselves (the search index) keep their own
folders in step.
"""
from .plugin import register

__all__ = ["register"]
