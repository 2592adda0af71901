"""The changes :mod:`generator.review.diff` finds, said the way a clinician would, each with the bump it needs."""

from __future__ import annotations

import difflib
from dataclasses import replace

from ..content.week import SESSION_PARTS
from ..figures.words import figure_changes
from ..model import ACTIONS, SEVERITY_ORDER, Phase, Rule
from ..model.sessions import RunSession
from .changes import MAJOR, MINOR, PATCH, SECTIONS, Change, Side
from .doses import dose_direction, stage_direction
from .plans import days_change, drills_change, minutes_change
from .stages import number

#: fields whose value is prose: any edit of them is wording.
#: lists of a session that are its plan (weekdays, drill ids), said as one change, not as lines reworded.
PLAN_LISTS = {"days", "warm_up", "drills", "optional", "cool_down"}
PROSE = {"title", "name", "summary", "description", "advice", "how", "purpose", "scoring", "schedule", "text",
         "note", "progression_rule", "condition", "authors", "source", "doi", "url"}
#: lists whose items are safety instructions: removing one loosens the plan.
SAFETY_LISTS = {"avoid", "stop_if"}
#: lists that help readers find a page and change nothing of the plan.
EDITORIAL_LISTS = {"keywords"}
LABELS = {"keywords": "search word", "allowed": "allowed activity", "avoid": "activity to avoid", "stop_if": "stop sign", "goals": "goal",
          "common_errors": "common error", "cues": "cue", "steps": "step", "instructions": "instruction",
          "typical_duration": "typical duration", "per_week": "times a week", "who": "done by"}
KINDS = {"measures": "Measure", "assessments": "Assessment", "education": "Education", "references": "Reference"}
#: what kind of item a changed path lies in, as the JSON output names it.
ITEM_TYPES = {"protocol": "protocol", "measures": "measure", "assessments": "assessment",
              "warning_signs": "warning-sign", "education": "education", "references": "reference",
              "drills": "phase-drill", "exit_criteria": "exit-criterion", "run_sessions": "walk-run-stage",
              "sessions": "session", "activities": "phase-activities", "return_to_run": "return-to-run"}
#: the fields of an exit criterion and of a walk-run session that together make what it asks for.
RULE_FIELDS = {"measure", "operator", "value", "sustained", "within", "activity", "increase", "by_activity", "all", "any"}
SESSION_FIELDS = {"run_minutes", "walk_minutes", "repeats", "surface", "total_minutes"}


def word_diff(old: str, new: str, context: int = 4) -> tuple[tuple[str, str], ...]:
    """The words that changed between two texts, with ``context`` unchanged words around each change."""
    a, b = str(old or "").split(), str(new or "").split()
    parts: list[tuple[str, str]] = []
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            words = a[i1:i2]
            head = words[:context] if number else []
            tail = words[-context:] if number < len(codes) - 1 else []
            if len(words) <= len(head) + len(tail) or (number and number < len(codes) - 1 and len(words) <= 2 * context):
                parts.append(("=", " ".join(words)))
            else:
                parts.append(("=", " ".join([*head, "…", *tail]).strip()))
            continue
        if i2 > i1:
            parts.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("+", " ".join(b[j1:j2])))
    return tuple(parts)


def shown(value) -> str:
    """A raw value in words."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{label(k)} {shown(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) or "none"
    return "none" if value is None else str(value)


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def rule_direction(old: Rule, new: Rule) -> str:
    """'same', 'wider' (more values satisfy the new rule), 'narrower', or 'different' (no simple order).

    Rules on different measures, or of forms without one measure and threshold, are 'different'.
    """
    if getattr(old, "value", None) is None or getattr(new, "value", None) is None or old.measure.id != new.measure.id:
        return "different"
    points = _points(old) | _points(new)
    before = {p for p in points if _holds(old, p)}
    after = {p for p in points if _holds(new, p)}
    values = "same" if before == after else "wider" if before < after else "narrower" if after < before else "different"
    if (old.within, old.activity, old.increase, old.by_activity) != (new.within, new.activity, new.increase, new.by_activity):
        return "different"
    return _combine(values, _sustained_direction(old, new))


def _points(rule: Rule) -> set:
    if rule.measure.kind == "categorical":
        return set(rule.measure.values)
    if rule.measure.kind == "boolean" or isinstance(rule.value, bool):
        return {True, False}
    value = float(rule.value)
    return {value + step for step in (-1, -0.5, 0, 0.5, 1)}


def _holds(rule: Rule, point) -> bool:
    try:
        return rule.holds(point)
    except (ValueError, TypeError):
        return False


def _sustained_direction(old: Rule, new: Rule) -> str:
    """A rule that must hold for longer is satisfied by fewer histories: 'narrower'."""
    periods = {s.period for s in (old.sustained, new.sustained) if s}
    if len(periods) > 1:
        return "different"
    before, after = (s.count if s else 1 for s in (old.sustained, new.sustained))
    return "same" if before == after else "narrower" if after > before else "wider"


def _combine(first: str, second: str) -> str:
    if first == "same" or first == second:
        return second
    return first if second == "same" else "different"


def _rules_text(old: Rule, new: Rule) -> str:
    """'Pain ≤ 2/10 → ≤ 3/10': the measure's name said once when both rules start with it."""
    same_look_back = getattr(old, "within", None) == getattr(new, "within", None)
    old_text, new_text = old.text(not same_look_back), new.text(not same_look_back)
    name = getattr(getattr(old, "measure", None), "name", None)
    if name and old_text.startswith(name) and new_text.startswith(name):
        return f"{name}{old_text[len(name):]} →{new_text[len(name):]}"
    return f"{old_text} → {new_text}"


class Wording:
    """Sentences for the changes of one protocol (or, with ``protocol_id`` None, of the drill library)."""

    def __init__(self, old: Side, new: Side, protocol_id: str | None, renames: dict[str, str] | None = None):
        self.old, self.new, self.id = old, new, protocol_id
        #: new id → old id of each renamed drill.
        self.old_ids = {new_id: old_id for old_id, new_id in (renames or {}).items()}

    # -- helpers ------------------------------------------------------------------------------------------------

    def _change(self, place: str, what: str, bump: str, phase: str | None = None, words=(), affects=None,
                cls: str | None = None, **data) -> Change:
        """A change; ``data`` may give its item_type, item, field, old and new values."""
        cls = cls or ("reworded" if bump == PATCH and words else "changed")
        return Change(self.id, phase, place, what, bump, tuple(words),
                      tuple(affects or ((self.id,) if self.id else ())), change_class=cls, **data)

    def _old_drill(self, drill_id: str):
        """The drill as the old side knows it (under its old id when it was renamed)."""
        return self.old.handbook.drills.get(self.old_ids.get(drill_id, drill_id))

    def _drill_name(self, drill_id: str) -> str:
        drill = self.new.handbook.drills.get(drill_id) or self._old_drill(drill_id)
        return drill.name if drill else drill_id

    def _side_phase(self, phase_id: str) -> Phase | None:
        return self.new.phase(self.id, phase_id) or self.old.phase(self.id, phase_id)

    def _phase_place(self, phase_id: str) -> str:
        return f"Phase {self._side_phase(phase_id).number}"

    def _ref_name(self, ref_id: str) -> str:
        ref = self.new.handbook.references.get(ref_id) or self.old.handbook.references.get(ref_id)
        return ref.short if ref else ref_id

    @staticmethod
    def _dig(values: dict, path: tuple):
        for key in path:
            if not isinstance(values, dict) or key not in values:
                return None
            values = values[key]
        return values

    # -- whole protocols and phases -----------------------------------------------------------------------------

    def whole_protocol(self) -> Change:
        if self.id in self.new.protocols:
            protocol = self.new.protocol(self.id)
            return self._change(f"Protocol '{protocol.title}'", f"added (version {protocol.version})", MINOR,
                                cls="added", item_type="protocol", item=self.id)
        protocol = self.old.protocol(self.id)
        return self._change(f"Protocol '{protocol.title}'", "removed", MAJOR, cls="removed", item_type="protocol",
                            item=self.id)

    def phase_order(self) -> list[Change]:
        old = [p for p in self.old.protocol(self.id).phases if self.new.phase(self.id, p.id)]
        new = [p for p in self.new.protocol(self.id).phases if self.old.phase(self.id, p.id)]
        if [p.id for p in old] == [p.id for p in new]:
            return []
        order = " → ".join
        return [self._change("Phases", f"restructured: {order(p.title for p in old)} now reads "
                                       f"{order(p.title for p in new)}", MAJOR, cls="restructured",
                             item_type="protocol", item=self.id, field="phases", old=[p.id for p in old],
                             new=[p.id for p in new])]

    # -- one changed item ---------------------------------------------------------------------------------------

    def item(self, item: tuple, names: set) -> list[Change]:
        """The changes of one item (a criterion, a session, a warning sign …), each with the item's ids."""
        before = self._dig(self.old.protocols[self.id], item)
        after = self._dig(self.new.protocols[self.id], item)
        if len(item) == 2 and item[0] == "phases":
            kind, key = "phase", item[1]
        elif len(item) >= 3 and item[0] == "phases":
            kind, key = ITEM_TYPES[item[2]], (number(item[3]) if item[2] == "run_sessions" else item[3]) \
                if len(item) > 3 else item[1]
        else:
            kind, key = ITEM_TYPES[item[0]], item[1] if len(item) > 1 else self.id
        changes = self._item(item, before, after, names)
        if kind == "phase":  # as the content writes it, not as the comparison keys it
            before, after = (self._written_phase(side, key) if value is not None else None
                             for side, value in ((self.old, before), (self.new, after)))
        whole = {"old": before, "new": after} if before is None or after is None else {}
        return [replace(c, item_type=c.item_type or kind, item=c.item or key, **(whole if c.field is None else {}))
                for c in changes]

    def _written_phase(self, side: Side, phase_id: str) -> dict | None:
        return next((p for p in side.protocol(self.id).data["phases"] if p["id"] == phase_id), None)

    def _item(self, item: tuple, before, after, names: set) -> list[Change]:
        if item[0] == "protocol":
            return self._fields("Protocol", before, after, names)
        if item[0] == "warning_signs":
            return self._sign(item[1], before, after, names)
        if item[0] in SECTIONS:
            return self._section_item(item, before, after, names)
        if len(item) == 2:
            return self._phase(item[1], before, after, names)
        return self._phase_part(item, before, after, names)

    def _section_item(self, item: tuple, before, after, names: set) -> list[Change]:
        kind, key = item
        value = after or before
        place = f"{KINDS[kind]} '{self._ref_name(key) if kind == 'references' else value.get('name') or value.get('title')}'"
        if before is None or after is None:
            return [self._change(place, "added" if before is None else "removed", MINOR,
                                 cls="added" if before is None else "removed")]
        return self._fields(place, before, after, names)

    def _sign(self, key: str, before, after, names: set) -> list[Change]:
        sign = before or after
        severity = {"red": "Red flag"}.get(sign["severity"], f"{sign['severity'].capitalize()} sign")
        place = f"{severity} '{sign['name']}'"
        if before is None:
            return [self._change(place, f"added: {ACTIONS[after['action']].lower()}", MINOR, cls="added")]
        if after is None:
            return [self._change(place, "removed", MAJOR, cls="removed")]
        special = {"severity": self._severity, "action": self._action,
                   "rule": lambda place, old, new, phase: self._sign_rule(place, key, phase)}
        return self._fields(place, before, after, names, special)

    def _severity(self, place, before, after, phase=None) -> Change:
        softer = SEVERITY_ORDER.index(after) > SEVERITY_ORDER.index(before)
        return self._change(place, f"severity {before} → {after} ({'softened' if softer else 'raised'})",
                            MAJOR if softer else MINOR, phase, cls="softened" if softer else "strengthened")

    def _action(self, place, before, after, phase=None) -> Change:
        weaker = list(ACTIONS).index(after) < list(ACTIONS).index(before)
        return self._change(place, f"action '{ACTIONS[before]}' → '{ACTIONS[after]}' "
                                   f"({'softened' if weaker else 'stronger'})", MAJOR if weaker else MINOR, phase,
                            cls="softened" if weaker else "strengthened")

    def _sign_rule(self, place: str, key: str, phase=None) -> Change:
        rules = [next((s.rule for s in side.protocol(self.id).warning_signs if s.id == key), None)
                 for side in (self.old, self.new)]
        if not all(rules):
            return self._change(place, f"rule {'added' if rules[1] else 'removed'}", MINOR if rules[1] else MAJOR, phase,
                                cls="added" if rules[1] else "removed")
        verdict = {"wider": ("tightened: it shows sooner", MINOR, "tightened"),
                   "narrower": ("loosened: it shows later", MAJOR, "loosened"),
                   "different": ("changed", MAJOR, "changed"),
                   "same": ("written differently", PATCH, "reworded")}[rule_direction(*rules)]
        return self._change(place, f"applies when {_rules_text(*rules)} ({verdict[0]})", verdict[1], phase,
                            cls=verdict[2])

    # -- phases ---------------------------------------------------------------------------------------------------

    def _phase(self, phase_id: str, before, after, names: set) -> list[Change]:
        place = self._phase_place(phase_id)
        if before is None or after is None:
            return [self._change(place, f"{'added' if before is None else 'removed'} (phases restructured)", MAJOR,
                                 phase_id, cls="added" if before is None else "removed")]
        special = {"typical_duration": self._duration, "warning_signs": self._phase_signs,
                   "assessments": self._phase_assessments}
        return self._fields(place, before, after, names, special, phase_id)

    def _duration(self, place, before, after, phase=None) -> Change:
        def weeks(d):
            return f"{d['min_weeks']}-{d['max_weeks']} weeks"
        return self._change(place, f"typical duration {weeks(before)} → {weeks(after)}", MINOR, phase)

    def _phase_signs(self, place, before, after, phase=None) -> list[Change]:
        signs = {s["id"]: s for side in (self.old, self.new) for s in side.protocols[self.id]["warning_signs"].values()}
        changes = [self._change(place, f"warning sign '{signs[s]['name']}' no longer applies", MAJOR, phase,
                                cls="removed") for s in before if s not in after]
        return changes + [self._change(place, f"warning sign '{signs[s]['name']}' now applies", MINOR, phase,
                                       cls="added") for s in after if s not in before]

    def _phase_assessments(self, place, before, after, phase=None) -> list[Change]:
        tests = {a["id"]: a for side in (self.old, self.new) for a in side.protocols[self.id]["assessments"].values()}
        return [self._change(place, f"assessment '{tests[a]['name']}' {verb}", MINOR, phase,
                             cls="removed" if verb == "dropped" else "added")
                for items, others, verb in ((before, after, "dropped"), (after, before, "added"))
                for a in items if a not in others]

    def _phase_part(self, item: tuple, before, after, names: set) -> list[Change]:
        phase_id, part = item[1], item[2]
        phase = self._side_phase(phase_id)
        if part == "exit_criteria":
            return self._criterion(phase, item[3], before, after, names)
        if part == "drills":
            return self._prescription(phase, item[3], before, after, names)
        if part == "run_sessions":
            return self._session(phase, item[3], before, after, names)
        place = self._phase_place(phase_id)
        special = None
        if part == "education":
            place = f"{place}, education '{(after or before)['title']}'"
        elif part == "sessions":
            place = f"{place} week, session '{(after or before)['title']}'"
            special = self._session_plan()
        elif part == "return_to_run":
            place = f"{place}, return to running"
        if before is None or after is None:
            return [self._change(place, "added" if before is None else "removed", MINOR, phase_id,
                                 cls="added" if before is None else "removed")]
        return self._fields(place, before, after, names, special, phase=phase_id)

    def _session_plan(self) -> dict:
        """Handlers for a weekly session's days, length and lists of drills: each says only what moved."""
        def said(words_and_class):
            def handler(place, old, new, phase=None) -> Change:
                what, cls = words_and_class(old, new)
                return self._change(place, what, MINOR, phase, cls=cls)
            return handler

        handlers = {"days": said(lambda old, new: days_change(old or [], new or [])),
                    "minutes": said(minutes_change)}
        for part in SESSION_PARTS:
            handlers[part] = said(lambda old, new, part=part: drills_change(part, old or [], new or [],
                                                                              self._drill_name))
        return handlers

    def _criterion(self, phase: Phase, key: str, before, after, names: set) -> list[Change]:
        place = f"Phase {phase.number} exit"
        found = {}
        for label_, side, data in (("old", self.old, before), ("new", self.new, after)):
            p = side.phase(self.id, phase.id)
            if data is not None and p:
                keys = side.protocols[self.id]["phases"][phase.id]["exit_criteria"]
                found[label_] = dict(zip(keys, p.exit_criteria))[key]
        if before is None:
            return [self._change(place, f"new criterion: {found['new'].threshold} (tightened)", MINOR, phase.id,
                                 cls="added")]
        if after is None:
            return [self._change(place, f"criterion removed: {found['old'].threshold} (loosened)", MAJOR, phase.id,
                                 cls="removed")]
        changes = []
        if names & RULE_FIELDS:
            old, new = found["old"].rule, found["new"].rule
            verdict = {"wider": ("loosened", MAJOR, "loosened"), "narrower": ("tightened", MINOR, "tightened"),
                       "different": ("changed", MAJOR, "changed"),
                       "same": ("written differently", PATCH, "reworded")}[rule_direction(old, new)]
            changed = sorted(names & RULE_FIELDS)
            field, values = (changed[0], (before.get(changed[0]), after.get(changed[0]))) if len(changed) == 1 else \
                ("rule", tuple({k: v for k, v in side.items() if k in RULE_FIELDS} for side in (before, after)))
            changes.append(self._change(place, f"{_rules_text(old, new)} ({verdict[0]})", verdict[1], phase.id,
                                        cls=verdict[2], field=field, old=values[0], new=values[1]))
        place = f"{place}, '{found['new'].rule.text(with_look_back=False)}'"
        return changes + self._fields(place, before, after, names - RULE_FIELDS, phase=phase.id)

    def _prescription(self, phase: Phase, drill_id: str, before, after, names: set) -> list[Change]:
        place = f"Phase {phase.number}"
        old_id = self.old_ids.get(drill_id, drill_id)
        old_phase, new_phase = self.old.phase(self.id, phase.id), self.new.phase(self.id, phase.id)
        name = self._drill_name(drill_id)
        if after is None:
            if self._moved_to(drill_id, phase.id):
                return []
            return [self._change(place, f"drill removed: {name}", MINOR, phase.id, cls="removed")]
        dose = _dose(new_phase, drill_id)
        if before is None:
            source = self._moved_from(drill_id, phase.id)
            if source:
                way = dose_direction(_dosage(source, old_id), _dosage(new_phase, drill_id))
                return [self._change(place, f"{name} moved here from phase {source.number} ({source.title}), "
                                            f"dose {_dose(source, old_id)} → {dose}{way.words}", MINOR, phase.id,
                                     cls="moved", field="phase", old=source.id, new=phase.id)]
            return [self._change(place, f"drill added: {name}, {dose}", MINOR, phase.id, cls="added")]
        changes = []
        if "dosage" in names:
            old_dose, new_dose = _dosage(old_phase, old_id), _dosage(new_phase, drill_id)
            way = dose_direction(old_dose, new_dose)
            changes.append(self._change(place, f"{name} dose {_dose(old_phase, old_id)} → {dose}{way.words}",
                                        MINOR, phase.id, cls=way.way if way.way != "same" else "changed",
                                        field="dosage", old=old_dose, new=new_dose))
        return changes + self._fields(f"{place}, {name}", before, after, names - {"dosage"}, phase=phase.id)

    def _moved_to(self, drill_id: str, phase_id: str) -> Phase | None:
        old_id = self.old_ids.get(drill_id, drill_id)
        return next((p for p in self.new.protocol(self.id).phases if p.id != phase_id
                     and _prescribes(p, drill_id) and not _prescribes(self.old.phase(self.id, p.id), old_id)), None)

    def _moved_from(self, drill_id: str, phase_id: str) -> Phase | None:
        old_id = self.old_ids.get(drill_id, drill_id)
        return next((p for p in self.old.protocol(self.id).phases if p.id != phase_id
                     and _prescribes(p, old_id) and not _prescribes(self.new.phase(self.id, p.id), drill_id)), None)

    def _session(self, phase: Phase, key: str, before, after, names: set) -> list[Change]:
        """A walk-run stage (keyed as :mod:`generator.review.stages` aligns them) added, removed or changed."""
        place = f"Phase {phase.number} return to running, stage {number(key)}"
        if before is None or after is None:
            added = before is None
            return [self._change(place, f"added: {_stage_text(after)}" if added else
                                 f"removed: {_stage_text(before)}", MINOR, phase.id, cls="added" if added else "removed")]
        changes = []
        if names & SESSION_FIELDS:
            way = stage_direction(before, after)
            values = tuple({k: v for k, v in side.items() if k in SESSION_FIELDS} for side in (before, after))
            changes.append(self._change(place, f"{_stage_text(before)} → {_stage_text(after)}{way.words}", MINOR,
                                        phase.id, cls=way.way if way.way != "same" else "changed", field="stage",
                                        old=values[0], new=values[1]))
        return changes + self._fields(place, before, after, names - SESSION_FIELDS, phase=phase.id)

    # -- the drill library ----------------------------------------------------------------------------------------

    def library_drill(self, drill_id: str, names: set) -> list[Change]:
        before, after = self.old.drills.get(drill_id), self.new.drills.get(drill_id)
        drills = [d for d in (self.old.handbook.drills.get(drill_id), self.new.handbook.drills.get(drill_id)) if d]
        affects = sorted({use.protocol.id for d in drills for use in d.used_in})
        place = f"Drill '{(after or before)['name']}'"
        ids = {"item_type": "drill", "item": drill_id}
        if before is None or after is None:
            added = before is None
            return [self._change(place, "added to the library" if added else "removed from the library",
                                 MINOR, affects=affects, cls="added" if added else "removed", old=before, new=after,
                                 **ids)]
        doses = [self._old_drill(drill_id).dosage.text(), self.new.handbook.drills[drill_id].dosage.text()]

        def dosage(place, old, new, phase) -> Change:
            way = dose_direction(old, new)
            return self._change(place, f"default dose {doses[0]} → {doses[1]}{way.words}", MINOR,
                                cls=way.way if way.way != "same" else "changed")
        def figure(place, old, new, phase) -> list[Change]:
            return [self._change(place, line if line.startswith("figure") else f"figure, {line}", PATCH)
                    for line in figure_changes(old, new)]
        return [replace(c, protocol=None, phase=None, affects=tuple(affects), **ids)
                for c in self._fields(place, before, after, names, {"dosage": dosage, "figure": figure})]

    def renamed_drill(self, old_id: str, new_id: str) -> Change:
        """A drill whose id changed and nothing else: its pages move, every use of it follows."""
        drill = self.new.handbook.drills[new_id]
        affects = sorted({use.protocol.id for use in drill.used_in})
        return self._change(f"Drill '{drill.name}'", f"renamed: id {old_id} → {new_id}, every use updated", PATCH,
                            affects=affects, cls="renamed", item_type="drill", item=new_id, field="id", old=old_id,
                            new=new_id)

    # -- fields of any item ---------------------------------------------------------------------------------------

    def _fields(self, place: str, before: dict, after: dict, names: set, special=None, phase=None) -> list[Change]:
        """The changes of the fields ``names`` of an item, each with its field and the field's old and new values."""
        changes = []
        for name in sorted(n for n in names if n is not None):
            old, new = before.get(name), after.get(name)
            handler = (special or {}).get(name)
            if handler:
                made = handler(place, old, new, phase)
                made = made if isinstance(made, list) else [made]
            elif name == "references":
                made = self._citations(place, old or [], new or [], phase)
            elif name == "evidence":
                made = self._evidence(place, old, new, phase)
            elif name in PROSE:
                made = [self._change(place, f"{label(name)} reworded", PATCH, phase, word_diff(old, new))]
            elif isinstance(old or new, list) and all(isinstance(v, str) for v in (old or []) + (new or [])) \
                    and name not in PLAN_LISTS:
                made = self._text_list(place, name, old or [], new or [], phase)
            else:
                made = [self._change(place, f"{label(name)} {shown(old)} → {shown(new)}", MINOR, phase)]
            changes += [c if c.field else replace(c, field=name, old=old, new=new) for c in made]
        return changes

    def _citations(self, place, before: list, after: list, phase) -> list[Change]:
        added = [self._ref_name(r) for r in after if r not in before]
        dropped = [self._ref_name(r) for r in before if r not in after]
        parts = ([f"now cites {', '.join(added)}"] if added else []) + \
                ([f"no longer cites {', '.join(dropped)}"] if dropped else [])
        cls = "changed" if added and dropped else "added" if added else "removed"
        return [self._change(place, "; ".join(parts), MINOR, phase, cls=cls)] if parts else []

    def _evidence(self, place, before, after, phase) -> list[Change]:
        def level(e):
            return e["level"].replace("-", " ") if e else "none"
        changes = []
        if level(before) != level(after):
            changes.append(self._change(place, f"evidence {level(before)} → {level(after)}", MINOR, phase))
        notes = ((before or {}).get("note"), (after or {}).get("note"))
        if notes[0] != notes[1]:
            changes.append(self._change(place, "evidence note reworded", PATCH, phase, word_diff(*notes)))
        return changes

    def _text_list(self, place, name: str, before: list, after: list, phase) -> list[Change]:
        changes = []
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace" and i2 - i1 == j2 - j1:
                changes += [self._change(place, f"{label(name)} reworded", PATCH, phase, word_diff(a, b))
                            for a, b in zip(before[i1:i2], after[j1:j2])]
                continue
            added = PATCH if name in EDITORIAL_LISTS else MINOR
            removed = MAJOR if name in SAFETY_LISTS else added
            changes += [self._change(place, f"{label(name)} removed: {text}", removed, phase, cls="removed")
                        for text in before[i1:i2]]
            changes += [self._change(place, f"{label(name)} added: {text}", added, phase, cls="added")
                        for text in after[j1:j2]]
        return changes


def _prescribes(phase: Phase | None, drill_id: str) -> bool:
    return bool(phase) and any(p.drill.id == drill_id for p in phase.prescriptions)


def _dose(phase: Phase, drill_id: str) -> str:
    return next(p.dosage.text() for p in phase.prescriptions if p.drill.id == drill_id)


def _dosage(phase: Phase, drill_id: str) -> dict:
    """The dose a phase prescribes for a drill (its default with the phase's own on top), as data."""
    return next(p.dosage.as_dict() for p in phase.prescriptions if p.drill.id == drill_id)


def _stage_text(stage: dict) -> str:
    session = RunSession(**stage)
    return f"{session.text()}, {session.total_minutes:g} min in all on {session.surface.replace('-', ' ')}"
