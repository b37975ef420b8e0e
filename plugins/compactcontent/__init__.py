"""Every article's HTML is held compressed from the end of reading to the end of the build.

Pelican keeps every article, with its HTML, from reading to the last page written: at
100,000 articles of real size that HTML alone is about 2 GB of Python strings (a Chinese
text is two bytes a character), held through the search index, the build's largest step.
The pages and plugins that read an article's HTML read it from `article.content` (or
`_content`) a few times each, mostly while its page is written: this plugin keeps it as
zlib-compressed UTF-8 (about a third of the size) and inflates it on each reading. Pelican's
own copies go too: the reader cache's (written to disk before) and the memo of
`get_content`, emptied after every file written so it never holds more than a page's worth.
"""
from .plugin import register

__all__ = ["register"]
