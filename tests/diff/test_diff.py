"""One change of each kind between two revisions: the sentence a clinician reads and the bump it needs."""

from __future__ import annotations

import pytest

from generator.review.diff import needed_bump


@pytest.mark.parametrize("old, new, sentence, bump", [
    ('value: 2\n        text: Pain at most 2/10', 'value: 3\n        text: Pain at most 3/10',
     "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 3/10 (loosened)", "major"),
    ('value: 2\n        text: Pain at most 2/10', 'value: 1\n        text: Pain at most 1/10',
     "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 1/10 (tightened)", "minor"),
    ('operator: "<="\n        value: 2', 'operator: "<="\n        value: 2\n        sustained: {count: 3, period: days}',
     "Phase 1 exit: Pain during activity ≤ 2/10 → ≤ 2/10 for 3 consecutive days (tightened)", "minor"),
])
def test_thresholds(repository, old, new, sentence, bump):
    repository.edit(old, new)
    change = repository.clinical()
    assert (change.text, change.bump, change.kind) == (sentence, bump, "clinical")


def test_criterion_added_and_removed(repository):
    repository.edit("    drills:\n      - drill: clamshell-band\n",
                    "    drills:\n      - drill: clamshell-band\n    exit_criteria:\n      - measure: hops-pain-free\n"
                    "        operator: \"==\"\n        value: true\n        within: {days: 14}\n"
                    "        text: Ten hops without pain.\n")
    change = repository.only()
    assert (change.text, change.bump) == ("Phase 2 exit: new criterion: Hops without pain: yes, in the last 14 days (tightened)", "minor")
    repository.commit("gate for phase 2")
    repository.edit("    exit_criteria:\n      - measure: hops-pain-free\n        operator: \"==\"\n        value: true\n"
                    "        within: {days: 14}\n        text: Ten hops without pain.\n", "")
    change = repository.only()
    assert (change.text, change.bump) == ("Phase 2 exit: criterion removed: Hops without pain: yes, in the last 14 days (loosened)", "major")


def test_drill_added_removed_moved_and_dose(repository):
    repository.edit("      - drill: clamshell-band\n", "      - drill: clamshell-band\n      - drill: easy-walk\n")
    assert (repository.only().text, repository.only().bump) == ("Phase 2: drill added: Brisk walk on the flat, 20-30\u00a0min, 5×/week",
                                                                 "minor")
    repository.git("checkout", "--", ".")
    repository.edit("      - drill: clamshell\n      - drill: easy-walk", "      - drill: easy-walk")
    repository.edit("      - drill: clamshell-band\n", "      - drill: clamshell-band\n      - drill: clamshell\n")
    change = repository.only()
    assert change.text.startswith("Phase 2: Clamshell moved here from phase 1 (Settle symptoms), dose 3 × 10-15 reps")
    assert change.bump == "minor"
    repository.git("checkout", "--", ".")
    repository.edit("      - drill: clamshell\n      - drill: easy-walk", "      - drill: easy-walk")
    assert (repository.only().text, repository.only().bump) == ("Phase 1: drill removed: Clamshell", "minor")
    repository.git("checkout", "--", ".")
    repository.edit("dosage: {per_week: 3}", "dosage: {per_week: 5}")
    assert (repository.only().text, repository.only().bump) == (
        "Phase 1: Brisk walk on the flat dose 20-30\u00a0min, 3×/week → 20-30\u00a0min, 5×/week "
        "(more: more days a week)", "minor")


def test_warning_signs(repository):
    # a red flag softened to amber: severity and action change together (E227 keeps them agreeing)
    repository.edit("    severity: red\n    action: stop-and-contact-clinician", "    severity: amber\n    action: step-back")
    found = {(change.text, change.bump) for change in repository.changes()}
    assert ("Red flag 'Pain above 5/10': severity red → amber (softened)", "major") in found
    assert any("(softened)" in text and "step" in text.lower() and bump == "major" for text, bump in found), found
    repository.git("checkout", "--", ".")
    repository.edit('operator: ">", value: 5,', 'operator: ">", value: 6,')
    repository.edit("name: Pain above 5/10", "name: Pain above 6/10")
    assert (repository.clinical().text, repository.clinical().bump) == (
        "Red flag 'Pain above 5/10': applies when Pain during activity > 5/10 → > 6/10 (loosened: it shows later)",
        "major")
    repository.git("checkout", "--", ".")
    repository.edit('operator: ">", value: 5,', 'operator: ">", value: 4,')
    repository.edit("name: Pain above 5/10", "name: Pain above 4/10")
    assert repository.clinical().bump == "minor" and "(tightened: it shows sooner)" in repository.clinical().text
    repository.git("checkout", "--", ".")
    repository.edit("phases:\n", "  - id: night-pain\n    name: Pain at night\n    description: Pain wakes you up.\n"
                                 "    severity: red\n    action: stop-and-contact-clinician\nphases:\n")
    repository.edit("    warning_signs: [pain-high]\n    assessments", "    warning_signs: [pain-high, night-pain]\n"
                                                                       "    assessments")
    texts = {(c.text, c.bump) for c in repository.changes()}
    assert texts == {("Red flag 'Pain at night': added: stop and contact your clinician", "minor"),
                     ("Phase 1: warning sign 'Pain at night' now applies", "minor")}
    repository.commit("night pain")
    repository.edit("    warning_signs: [pain-high, night-pain]\n", "    warning_signs: [pain-high]\n")
    assert (repository.only().text, repository.only().bump) == (
        "Phase 1: warning sign 'Pain at night' no longer applies", "major")


def test_measures_assessments_references_evidence(repository):
    repository.edit("    unit: /10\n", "    unit: /100\n")
    assert (repository.only().text, repository.only().bump) == ("Measure 'Pain during activity': unit /10 → /100", "minor")
    repository.git("checkout", "--", ".")
    repository.edit("    scoring: good, fair or poor.\n", "    scoring: good, fair or poor.\n    who: clinician\n")
    assert (repository.only().text, repository.only().bump) == ("Assessment 'Step-down test': done by none → clinician",
                                                                 "minor")
    repository.git("checkout", "--", ".")
    repository.edit("        references: [thomee-1997]\n", "        references: [thomee-1997, fredericson-2000]\n")
    change = repository.only()
    assert change.text == "Phase 1 exit, 'Pain during activity ≤ 2/10': now cites Fredericson et al., 2000"
    assert change.bump == "minor"
    repository.git("checkout", "--", ".")
    repository.edit("    source: Phys Ther. 1997;77(12):1690-1703\n",
                    "    source: Phys Ther. 1997;77(12):1690-1703\n    evidence: {level: randomised-trial}\n")
    assert (repository.only().text, repository.only().bump) == ("Reference 'Thomeé, 1997': evidence none → randomised trial",
                                                                 "minor")


def test_wording_is_editorial_with_a_word_diff(repository):
    repository.edit("text: Pain at most 2/10 while walking.", "text: Pain no higher than 2/10 while walking.")
    change = repository.only()
    assert change.text == "Phase 1 exit, 'Pain during activity ≤ 2/10': text reworded"
    assert (change.kind, change.bump) == ("editorial", "patch")
    assert change.words == (("=", "Pain"), ("-", "at most"), ("+", "no higher than"), ("=", "2/10 while walking."))


@pytest.mark.parametrize("old, new, sentence", [
    ("title: Settle symptoms\n", "title: Settle symptoms\n    keywords: [ice]\n", "Phase 1: search word added: ice"),
    ("    name: Pain above 5/10\n", "    name: Pain above 5/10\n    keywords: [sharp pain, flare-up]\n",
     None),
])
def test_search_words_are_editorial(repository, old, new, sentence):
    repository.edit(old, new)
    changes = repository.changes()
    assert changes and {(c.kind, c.bump) for c in changes} == {("editorial", "patch")}
    assert sentence is None or [c.text for c in changes] == [sentence]


def test_sessions_and_phase_structure(repository):
    repository.edit("    drills:\n      - drill: clamshell-band\n",
                    "    drills:\n      - drill: clamshell-band\n    return_to_run:\n      progression_rule: Move on when"
                    " pain stays at 2/10.\n      sessions:\n        - {run_minutes: 1, walk_minutes: 4, repeats: 5,"
                    " surface: grass, total_minutes: 25}\n")
    repository.commit("walk-run")
    repository.edit("run_minutes: 1, walk_minutes: 4", "run_minutes: 2, walk_minutes: 3")
    assert (repository.only().text, repository.only().bump) == (
        "Phase 2 return to running, stage 1: 5 × (run 1 min, walk 4 min), 25 min in all on grass → "
        "5 × (run 2 min, walk 3 min), 25 min in all on grass (more: longer runs, shorter walk breaks)", "minor")
    repository.git("checkout", "--", ".")
    repository.edit("      - drill: clamshell-band\n", "      - drill: clamshell-band\n    exit_criteria:\n"
                    "      - {measure: hops-pain-free, operator: \"==\", value: true, within: {days: 14}, text: Ten hops without pain.}\n")
    path = repository.root / "protocols/mini.yaml"
    text = path.read_text()
    first, second, end = text.index("  - id: settle"), text.index("  - id: load"), text.index("references:\n  - id: f")
    path.write_text(text[:first] + text[second:end] + text[first:second] + text[end:])
    assert ("Phases: restructured: Settle symptoms → Load now reads Load → Settle symptoms", "major") in \
        {(c.text, c.bump) for c in repository.changes()}
    repository.git("checkout", "--", ".")
    path.write_text(text[:second].replace("  - id: load", "") + text[end:])
    assert (repository.only().text, repository.only().bump) == ("Phase 2: removed (phases restructured)", "major")


def test_needed_bump_is_the_largest(repository):
    repository.edit("text: Pain at most 2/10 while walking.", "text: Pain no higher than 3/10 while walking.")
    repository.edit("value: 2\n        text", "value: 3\n        text")
    assert needed_bump(repository.changes(), "mini") == "major"


def test_drill_library_change_counts_for_the_protocols_using_it(repository):
    repository.edit("  reps: 10-15\n", "  reps: 12-15\n", "drills/clamshell.yaml")
    change = repository.only()
    assert (change.protocol, change.affects, change.bump) == (None, ("mini",), "minor")
    assert change.text == ("Drill 'Clamshell': default dose 3 × 10-15 reps, each side → 3 × 12-15 reps, each side "
                           "(more: more reps)")


def test_a_phase_whose_criteria_are_all_replaced_by_a_group(repository):
    repository.edit('      - measure: pain-during\n        operator: "<="\n        value: 2\n',
                    '      - all:\n          - {measure: pain-during, operator: "<=", value: 2}\n'
                    '          - {measure: hops-pain-free, operator: "==", value: true}\n')
    texts = sorted(change.text for change in repository.changes())
    assert any("new criterion: In the last 7 days, Pain during activity ≤ 2/10; and Hops without pain: yes" in text
               for text in texts), texts
    assert any("criterion removed: Pain during activity ≤ 2/10" in text for text in texts), texts


def test_a_base_made_before_a_check_existed_can_still_be_compared(repository):
    # the base lacks a look-back, which the checker of today reports (E225), but it reads and links
    repository.edit("value: 5, within: {days: 3}}", "value: 5}")
    repository.commit("before look-backs")
    repository.edit("value: 5}", "value: 5, within: {days: 3}}")
    [change] = repository.changes()
    assert "in the last 3 days" in change.text and change.bump == "major", change.text


def test_a_session_reworded_is_one_editorial_change_said_once(repository):
    repository.edit("    warning_signs: [pain-high]\n    assessments: [step-down-test]\n",
                    "    sessions:\n      - {id: walk, title: Walk, kind: cross-training, minutes: 30, days: [tue, thu, sat],"
                    " drills: [easy-walk], note: Walk at an easy pace., evidence: {level: clinical-consensus,"
                    " note: Common practice.}}\n    warning_signs: [pain-high]\n    assessments: [step-down-test]\n")
    repository.commit("a week")
    repository.edit("note: Walk at an easy pace.", "note: Walk at a gentle pace.")
    change = repository.only()
    assert (change.text, change.bump, change.kind) == ("Phase 1 week, session 'Walk': note reworded", "patch", "editorial")
    repository.git("checkout", "--", ".")
    repository.edit("days: [tue, thu, sat]", "days: [tue, fri, sun]")
    change = repository.only()
    assert change.text == "Phase 1 week, session 'Walk': days Tue, Thu, Sat → Tue, Fri, Sun" and change.bump == "minor"


def test_a_changed_pose_is_said_angle_by_angle(repository):
    repository.edit("right: {hip: {flexion: 45, abduction: 30, rotation: 20}, knee: 90",
                    "right: {hip: {flexion: 45, abduction: 45, rotation: 20}, knee: 90", "drills/clamshell-band.yaml")
    change = repository.only()
    assert change.text == "Drill 'Clamshell with band': figure, end position: right leg out to the side 30° → 45°"
    assert (change.bump, change.affects) == ("patch", ("mini",))


def test_a_figure_added_to_a_drill(repository):
    text = (repository.root / "drills/clamshell-band.yaml").read_text()
    figure = text[text.index("figure:"):]
    repository.edit(figure, "", "drills/clamshell-band.yaml")
    repository.commit("without the figure")
    repository.edit("regression: clamshell\n", "regression: clamshell\n" + figure, "drills/clamshell-band.yaml")
    assert repository.only().text == "Drill 'Clamshell with band': figure added"
