"""Ranges, changes from the previous period and all/any groups: checked like any rule, one message at the line."""

from __future__ import annotations

import pytest

from generator.problems import Fix

RULE = 'rule: {measure: pain-during, operator: ">", value: 5, within: {days: 3}}'
MINI = "protocols/mini.yaml"


def use_rule(project, text: str) -> None:
    """The warning sign's rule replaced by ``text``, looking back 4 weeks (E225/E226 are tested on their own)."""
    project.edit(MINI, RULE, f"rule: {{within: {{days: 28}}, {text[1:]}")


@pytest.mark.parametrize("text", [
    "{measure: pain-during, between: [3, 5]}",
    '{measure: pain-during, change: weeks, operator: ">", value: 0}',
    "{measure: pain-during, change: days, between: [-2, 2]}",
    '{all: [{measure: pain-during, between: [3, 5]}, {measure: hops-pain-free, operator: "==", value: false}]}',
    '{any: [{measure: step-down, operator: ">=", value: fair}, {all: [{measure: pain-during, operator: ">", value: 5},'
    ' {measure: pain-during, change: sessions, operator: ">", value: 1}]}]}',
])
def test_each_new_form_is_accepted(project, text):
    use_rule(project, text)
    assert project.problems() == []


def test_group_criterion_is_accepted(project):
    project.edit(MINI, '      - measure: pain-during\n        operator: "<="\n        value: 2\n',
                 '      - all:\n          - {measure: pain-during, operator: "<=", value: 2}\n'
                 '          - {measure: hops-pain-free, operator: "==", value: true}\n')
    assert project.problems() == []


@pytest.mark.parametrize("text,words", [
    ("{measure: pain-during, between: [3, 12]}", ["runs from 0 to 10, so 12 cannot be reached", "range"]),
    ("{measure: hops-pain-free, between: [0, 1]}", ["not measured as a number, so it has no range"]),
    ('{measure: hops-pain-free, change: weeks, operator: "==", value: true}', ["no change from one period"]),
    ('{measure: pain-during, change: weeks, operator: ">", value: 11}', ["cannot change by 11"]),
])
def test_value_that_does_not_fit_is_e210(project, text, words):
    use_rule(project, text)
    problem = project.only("E210")
    assert len(project.problems()) == 1 and problem.line == project.line_of(MINI, "rule: {")
    assert all(word in problem.message for word in words), problem.message


def test_range_the_wrong_way_round_is_e212_with_the_swap(project):
    use_rule(project, "{measure: pain-during, between: [5, 3]}")
    problem = project.only("E212")
    assert "write the lower number first: [3, 5]" in problem.message
    text = (project.root / MINI).read_text()
    project.write(MINI, problem.fix.apply(text))
    assert project.problems() == []


@pytest.mark.parametrize("text,field", [
    ('{measure: pain-during, between: [3, 5], operator: ">", value: 5}', "operator"),
    ('{measure: pain-during, change: weeks, operator: ">", value: 0, sustained: {count: 2, period: weeks}}',
     "sustained"),
    ('{all: [{measure: pain-during, between: [3, 5]}, {measure: pain-during, operator: ">", value: 5}], '
     'measure: pain-during}', "measure"),
    ('{all: [{measure: pain-during, between: [3, 5]}, {measure: pain-during, operator: ">", value: 5}], '
     'any: [{measure: pain-during, between: [3, 5]}, {measure: pain-during, operator: ">", value: 5}]}', "any"),
])
def test_two_forms_at_once_is_one_e215_at_the_field(project, text, field):
    use_rule(project, text)
    problem = project.only("E215")
    assert len(project.problems()) == 1
    line = (project.root / MINI).read_text().splitlines()[problem.line - 1]
    assert line[problem.column - 1:].startswith(field)


def test_unknown_measure_inside_a_group_is_e202_with_the_fix(project):
    use_rule(project, '{any: [{measure: pain-durin, operator: ">", value: 5}, {measure: step-down, operator: "==", '
                      'value: poor}]}')
    problem = project.only("E202")
    assert "did you mean 'pain-during'?" in problem.message and isinstance(problem.fix, Fix)
    project.write(MINI, problem.fix.apply((project.root / MINI).read_text()))
    assert project.problems() == []


@pytest.mark.parametrize("text,words", [
    ("{measure: pain-during}", ["required field 'operator' is missing"]),
    ('{measure: pain-during, operator: ">"}', ["required field 'value' is missing"]),
    ('{all: [{measure: pain-during, between: [3, 5]}]}', ["needs at least 2 items"]),
    ("{measure: pain-during, between: [3]}", ["needs at least 2 items"]),
])
def test_incomplete_rule_is_one_schema_message(project, text, words):
    use_rule(project, text)
    found = project.problems()
    assert len(found) == 1 and all(word in found[0].message for word in words), found
