"""Reviewing a change of content (review stage).

In: two revisions of the project (:mod:`.revisions`). Out: what changed, in clinicians' words
(:mod:`.diff`, :mod:`.wording`, :mod:`.changes`), written for a reviewer (:mod:`.report`), and the checks that
need two revisions or the published site: the version raised enough (:mod:`.versions`), the site address
(:mod:`.publishing`).
"""
