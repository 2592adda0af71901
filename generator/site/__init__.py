"""The handbook site (render stage).

In: the model. Out: the Markdown pages (:mod:`.render`, :mod:`.pages`, templates in ``generator/templates``) and
the data the site's scripts read, for MkDocs Material to build. Where printables sit in the site and the links
to them: :mod:`.print_links`.
"""
