"""Building and serving the site (build stage).

In: a project. Out: the built site folder. :mod:`.pipeline` runs the steps (check and model, render pages and
data, copy npm packages (:mod:`.vendor`), MkDocs, printables, swap the folder in); :mod:`.fingerprint` skips a
build whose inputs did not change; :mod:`.site_dir` and :mod:`.output_file` keep builds and commands from
writing over content; :mod:`.serve` previews and rebuilds on change.
"""
