"""The scale benchmark (`invoke bench`): a synthetic archive of N articles, built and searched.

corpus    deterministic synthetic archive (front matter as in DESIGN.md) from the seed texts
build     full build and one-edit rebuild in a child process: wall time, peak memory, sizes
serve     a 127.0.0.1 static server with gzip, as a real host would send the files
browser   first-query bytes and times in headless Chromium, for our search and for Pagefind
pagefind  Pagefind over the same built site, with a page that uses its JS API
report    the table of figures and the ours/Pagefind ratios
"""
