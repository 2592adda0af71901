"""A revision's archive is extracted into its folder and nothing outside it, with or without tarfile's 'data'
filter (Python 3.11.4 and later have it; Debian 12's 3.11.2 does not)."""

from __future__ import annotations

import io
import tarfile

import pytest

from generator.review.revisions import NotContent, RevisionError, _extract_data, load_revision


def archive(*members: tuple[str, bytes | str | None]) -> tarfile.TarFile:
    """A tar archive of (name, content) members: bytes for a file, None for a folder, text for a symbolic link."""
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        for name, content in members:
            member = tarfile.TarInfo(name)
            if content is None:
                member.type, member.mode = tarfile.DIRTYPE, 0o775
                tar.addfile(member)
            elif isinstance(content, str):
                member.type, member.linkname = tarfile.SYMTYPE, content
                tar.addfile(member)
            else:
                member.size, member.mode = len(content), 0o664
                tar.addfile(member, io.BytesIO(content))
    data.seek(0)
    return tarfile.open(fileobj=data)


@pytest.fixture(params=["data filter", "without it"])
def python(request, monkeypatch):
    if request.param == "without it":
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    return request.param


def test_files_folders_and_links_inside_are_extracted(python, tmp_path):
    _extract_data(archive(("drills", None), ("drills/a.yaml", b"id: a\n"), ("drills/b.yaml", "a.yaml")), tmp_path)
    assert (tmp_path / "drills" / "a.yaml").read_bytes() == b"id: a\n"
    assert (tmp_path / "drills" / "b.yaml").is_symlink()
    assert (tmp_path / "drills" / "b.yaml").read_bytes() == b"id: a\n"


@pytest.mark.parametrize("members", [
    [("../outside.yaml", b"x")],
    [("drills/../../outside.yaml", b"x")],
    [("drills", None), ("drills/passwd.yaml", "/etc/passwd")],
    [("drills", None), ("drills/up.yaml", "../../outside.yaml")],
    [("drills", ".."), ("drills/outside.yaml", b"x")],
], ids=["parent", "parent inside a path", "absolute link", "link outside", "through a link"])
def test_nothing_lands_outside_the_folder(python, tmp_path, members):
    folder = tmp_path / "revision"
    folder.mkdir()
    with pytest.raises(NotContent):
        _extract_data(archive(*members), folder)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["revision"]


def test_an_absolute_name_is_read_inside_the_folder(python, tmp_path):
    _extract_data(archive(("/drills/a.yaml", b"id: a\n")), tmp_path)
    assert (tmp_path / "drills" / "a.yaml").read_bytes() == b"id: a\n"


def test_a_device_is_refused(python, tmp_path):
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        member = tarfile.TarInfo("drills/null")
        member.type = tarfile.CHRTYPE
        tar.addfile(member)
    data.seek(0)
    with pytest.raises(NotContent):
        _extract_data(tarfile.open(fileobj=data), tmp_path)
    assert not (tmp_path / "drills" / "null").exists()


def test_a_revision_with_a_link_out_of_the_project_is_named_not_compared(python, repository):
    (repository.root / "drills" / "secret.yaml").symlink_to("/etc/passwd")
    repository.commit("a link out")
    with pytest.raises(RevisionError, match=r" holds drills/secret\.yaml, which is not content"):
        load_revision(repository.root, "HEAD")
