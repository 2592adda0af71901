"""Bad YAML files: each class of broken input gets a clear problem at the right place."""

import time

from generator.source import MAX_BYTES

DRILL = "drills/side-plank.yaml"


def test_mini_project_is_clean(project):
    assert project.problems() == []


def test_duplicate_key_is_an_error_not_silently_dropped(project):
    project.use_bad("duplicate-key.yaml", DRILL)
    problem = project.only("E006")
    assert (problem.file, problem.line, problem.column) == (DRILL, 8, 3)
    assert "'sets' appears twice" in problem.message and "line 6" in problem.message


def test_bare_no_read_as_boolean_gets_a_hint_to_quote(project):
    project.use_bad("yes-no.yaml", DRILL)
    problem = project.only("E103")
    assert (problem.line, problem.column) == (13, 5)
    assert problem.message == ("item 2 of 'cues' must be text, not false: YAML reads the bare word 'no' as false; "
                               "put it in quotes: \"no\"")


def test_bare_on_in_a_choice_field_is_explained(project):
    project.edit("drills/clamshell.yaml", "side: each", "side: on")
    assert "(found true: YAML reads the bare word 'on' as true)" in project.only("E104").message


def test_unquoted_version_number_gets_a_hint_to_quote(project):
    project.edit("protocols/mini.yaml", 'version: "1.0.0"', "version: 1.0")
    problem = project.only("E103")
    assert problem.line == project.line_of("protocols/mini.yaml", "version:")
    assert "must be text" in problem.message and 'put it in quotes: "1.0"' in problem.message


def test_yaml_sexagesimal_number_is_quoted_as_written(project):
    project.edit("drills/clamshell.yaml", "name: Clamshell", "name: 1:30")
    problem = project.only("E103")
    assert problem.message == "'name' must be text, not 90; put it in quotes: \"1:30\""


def test_billion_laughs_is_rejected_quickly(project):
    project.use_bad("billion-laughs.yaml", "drills/laughs.yaml")
    start = time.perf_counter()
    problem = project.only("E007")
    assert time.perf_counter() - start < 2
    assert problem.file == "drills/laughs.yaml"
    assert "anchors" in problem.message and "aliases" in problem.message


def test_recursive_alias_is_rejected(project):
    project.use_bad("recursive-alias.yaml", "drills/loop.yaml")
    assert "never ends" in project.only("E007").message


def test_non_utf8_bytes_point_at_the_byte(project):
    project.use_bad("latin1.yaml", "drills/clamshell.yaml")
    problem = project.only("E001")
    assert (problem.line, problem.column) == (3, 13)
    assert "0xe9" in problem.message and "UTF-8" in problem.message


def test_empty_file(project):
    project.use_bad("empty.yaml", DRILL)
    problem = project.only("E002")
    assert problem.file == DRILL and "empty" in problem.message


def test_tab_indentation(project):
    project.use_bad("tabs.yaml", DRILL)
    problem = project.only("E005")
    assert (problem.line, problem.column) == (4, 1)
    assert "replace the tab with spaces" in problem.message


def test_file_over_size_cap(project):
    project.write(DRILL, "id: side-plank\n" + "# padding\n" * (MAX_BYTES // 10 + 1))
    problem = project.only("E003")
    assert "over the limit" in problem.message


def test_yaml_syntax_error_explains_the_colon(project):
    project.use_bad("syntax.yaml", DRILL)
    problem = project.only("E004")
    assert problem.line == 2
    assert "put the whole text in quotes" in problem.message


def test_python_tags_are_refused_and_never_run(project):
    project.use_bad("python-tag.yaml", DRILL)
    problem = project.only("E008")
    assert problem.line == 2 and "python/object" in problem.message


def test_top_level_must_be_a_mapping(project):
    project.use_bad("top-level-list.yaml", DRILL)
    assert "not a list" in project.only("E009").message


def test_wrong_extension(project):
    project.write("drills/side-plank.yml", "id: side-plank\n")
    assert "side-plank.yaml" in project.only("E211").message
