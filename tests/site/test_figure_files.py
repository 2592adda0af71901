"""The drills' small figures as files of the site: one per drill, drawn from the figure's data alone (the same data
gives the same bytes, another pose another file, a renamed drill the same file), shown by an ``<img>`` whose text is
escaped, and named in the published data for Today."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

from generator.model import load_handbook
from generator.site.figure_files import figure_files, figure_path
from generator.site.render import environment

REPO = Path(__file__).resolve().parents[2]


def test_each_drill_has_one_file_that_follows_its_figure_data_and_nothing_else():
    handbook = load_handbook(REPO)
    files = figure_files(handbook)
    assert sorted(files) == sorted(f"figures/{d.id}.svg" for d in handbook.drills.values() if d.figure)
    assert len(files) == len(handbook.drills)
    clamshell = handbook.drills["clamshell"]
    text = files[figure_path(clamshell)]
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'aria-hidden="true"' in text
    assert "Clamshell" not in text and "currentColor" in text  # the page gives its words; its colour is the page's
    renamed = dataclasses.replace(clamshell, name="Clam", steps=["Other words."])
    moved = copy.deepcopy(clamshell.figure)
    moved["end"]["right"]["hip"]["abduction"] += 10
    posed = dataclasses.replace(clamshell, figure=moved)
    assert figure_files(dataclasses.replace(handbook, drills={"clamshell": renamed}))[figure_path(clamshell)] == text
    assert figure_files(dataclasses.replace(handbook, drills={"clamshell": posed}))[figure_path(clamshell)] != text
    assert figure_files(load_handbook(REPO)) == files  # drawn again: the same bytes


def test_the_img_of_a_figure_escapes_its_text_and_links_from_the_page():
    handbook = load_handbook(REPO)
    hostile = dataclasses.replace(handbook.drills["clamshell"], name='<script>"x" | y</script>')
    html = environment().from_string("{{ drill_figure(drill) }}").render(drill=hostile,
                                                                        page_path="itbs-runners/load.md")
    assert html.startswith('<img class="hb-fig" src="../../figures/clamshell.svg" alt="&lt;script&gt;&#34;x&#34; ')
    assert "<script>" not in html and "|" not in html and "&#124;" in html
    assert 'width="80" height="48"' in html


def test_the_published_data_names_each_drills_figure_and_its_text(real_site):
    project, site_dir = real_site
    handbook = load_handbook(project)
    for protocol in handbook.protocols:
        data = json.loads((site_dir / "data" / f"{protocol.id}.json").read_text(encoding="utf-8"))
        assert sorted(data["figures"]) == sorted(d["id"] for d in data["drills"])
        for drill_id, entry in data["figures"].items():
            assert (site_dir / entry["src"]).is_file()
            assert entry["alt"].startswith(handbook.drills[drill_id].name + ": ")
