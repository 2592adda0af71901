"""The subcommands of ``handbook``: each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args)``.

``run`` returns the exit code: 0 all good, 1 problems found in the content,
2 usage or internal failure.
"""

from . import build, check, print, serve

OK, CONTENT_ERRORS, FAILURE = 0, 1, 2

COMMANDS = (check, build, serve, print)
