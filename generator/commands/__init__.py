"""The subcommands of ``handbook``: each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args)``.

``run`` returns the exit code: 0 all good, 1 problems found in the content,
2 usage or internal failure. A command that needs checked content lets
:class:`~generator.model.ContentError` rise; the CLI reports it. Heavy machinery
(MkDocs, WeasyPrint, deepdiff) is imported inside ``run``, so that every command
starts as quickly as ``check`` needs to.
"""

from . import build, check, diff, evaluate, export, print_checklist, serve

CONTENT_ERRORS, FAILURE = 1, 2

COMMANDS = (check, diff, build, serve, print_checklist, evaluate, export)
