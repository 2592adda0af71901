"""E227: a warning sign's severity and action agree: red stops and sends the athlete to the clinician, amber
changes the plan (hold, step back, go back a phase), green carries on.

The check cannot know which of the two the clinician meant, so it names both ways to
make them agree and changes neither.
"""

from __future__ import annotations

from typing import Iterator

from ...content.load import Content
from ...problems import Problem, error

#: the actions each severity may call for.
ACTIONS = {"red": {"stop-and-contact-clinician"}, "amber": {"hold", "step-back", "regress-one-phase"},
           "green": {"continue"}}
#: the severity each action belongs to, said as the fix of the other field.
SEVERITY_OF = {action: severity for severity, actions in ACTIONS.items() for action in actions}
WORDS = {"red": "red signs stop the athlete and send them to their clinician",
         "amber": "amber signs change the plan (hold, step back or go back one phase)",
         "green": "green signs mean the plan carries on"}


def check(content: Content) -> Iterator[Problem]:
    for source in content.valid_protocols():
        for i, sign in enumerate(source.data["warning_signs"]):
            severity, action = sign["severity"], sign["action"]
            if action in ACTIONS[severity]:
                continue
            choices = " or ".join(f"'action: {a}'" for a in sorted(ACTIONS[severity]))
            yield error("E227", source.file, source.value_position(("warning_signs", i, "action")),
                        f"the sign '{sign['name']}' is {severity} but its action is '{action}': {WORDS[severity]}; "
                        f"write {choices}, or, if '{action}' is meant, 'severity: {SEVERITY_OF[action]}'")
