"""Reading content (load stage).

In: a project folder. Out: each YAML file read safely with the position of every value
(:mod:`.source`, :mod:`.syntax`), validated against the JSON Schemas (:mod:`.schemas`), collected as
:class:`~.load.Content`. Also the plain-data knowledge every later stage shares: the Markdown subset of long
texts (:mod:`.prose`), the days of a week (:mod:`.week`) and version numbers (:mod:`.version_numbers`).
"""
