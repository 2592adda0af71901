"""A build never replaces the project's own files: only a new or empty folder, or an earlier build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build.site_dir import MARK, UnsafeSiteDir, check_site_dir, mark, staging_folder

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def root(tmp_path) -> Path:
    project = tmp_path / "project"
    for folder in ("drills", "protocols", "schemas", "generator", "site_src", ".git", "tests"):
        (project / folder).mkdir(parents=True)
        (project / folder / "keep.txt").write_text("source")
    (project / "mkdocs.yml").write_text("site_name: t\n")
    return project


@pytest.mark.parametrize("where", [".", "..", "drills", "drills/sub", "schemas", "generator", ".git", "site_src",
                                   "tests/out", "drills/../protocols"])
def test_refuses_the_project_and_its_source_folders(root, where):
    with pytest.raises(UnsafeSiteDir):
        check_site_dir(root, root / where)
    assert all((root / f / "keep.txt").read_text() == "source" for f in ("drills", "protocols", "schemas", ".git"))


def test_refuses_a_folder_holding_other_files_and_a_file(root, tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "letter.txt").write_text("mine")
    with pytest.raises(UnsafeSiteDir, match="not a handbook build"):
        check_site_dir(root, tmp_path / "documents")
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(UnsafeSiteDir, match="not a folder"):
        check_site_dir(root, tmp_path / "notes.txt")


def test_refuses_a_link_that_leads_into_the_project(root, tmp_path):
    (tmp_path / "innocent").symlink_to(root / "drills")
    with pytest.raises(UnsafeSiteDir):
        check_site_dir(root, tmp_path / "innocent")


def test_accepts_a_new_an_empty_or_an_earlier_build_folder(root, tmp_path):
    assert check_site_dir(root, root / "site") == (root / "site").resolve()
    (tmp_path / "empty").mkdir()
    check_site_dir(root, tmp_path / "empty")
    earlier = tmp_path / "public"
    earlier.mkdir()
    (earlier / "index.html").write_text("old site")
    mark(earlier)
    check_site_dir(root, earlier)


def test_a_killed_build_leaves_nothing_behind_on_the_next_run(tmp_path):
    leftover = staging_folder(tmp_path / "site")
    (leftover / "index.html").write_text("half a site")
    someone_elses = tmp_path / ".site-notes"
    someone_elses.mkdir()
    staging = staging_folder(tmp_path / "site")
    assert not leftover.exists() and someone_elses.exists() and (staging / MARK).is_file()


def test_the_command_refuses_without_touching_anything(tmp_path):
    project = tmp_path / "project"
    for name in ("drills", "protocols", "schemas"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    before = sorted(p.name for p in (project / "drills").iterdir())
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build", "--site-dir",
                             str(project / "drills")], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'drills' folder" in result.stderr
    assert sorted(p.name for p in (project / "drills").iterdir()) == before
