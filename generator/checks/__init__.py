"""Checking content (validate stage).

In: the :class:`~generator.content.load.Content` of a project. Out: a :class:`~.run.CheckResult` listing every
problem at its file and line. Each check is a small module in :mod:`.rules` with a ``check(content)`` that
yields problems; :mod:`.report` writes them as text, JSON or GitHub annotations. A new check goes in
:mod:`.rules` and is registered there.
"""
