"""``handbook serve``: saving a file rebuilds what it changed and reloads the open page in the browser."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from generator.build.serve import Preview


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(project, printables: bool):
    """A running preview of ``project`` while in the block; ``preview.messages`` holds what it said. It stops,
    printing included, on leaving."""
    messages = []
    server = Preview(project, port=free_port(), say=lambda *args, **kwargs: messages.append(" ".join(args)),
                     printables=printables)
    ready = threading.Event()
    thread = threading.Thread(target=server.serve, kwargs={"ready": ready}, daemon=True)
    thread.start()
    assert ready.wait(30)
    server.messages = messages
    try:
        yield server
    finally:
        server.stop()
        thread.join(60)
    assert not thread.is_alive()


@pytest.fixture
def preview(new_project):
    """A preview without printables (they have a test of their own: printing takes seconds)."""
    with running(new_project(), printables=False) as server:
        yield server


@pytest.fixture
def printing_preview(new_project):
    with running(new_project(), printables=True) as server:
        yield server


def saved(preview, path, old: str, new: str) -> str:
    """Replace ``old`` by ``new`` in a project file, wait for the preview's rebuild and return what it said."""
    heard = len(preview.messages)
    file = preview.root / path
    file.write_text(file.read_text().replace(old, new))
    deadline = time.time() + 20
    while time.time() < deadline:
        done = [m for m in preview.messages[heard:] if m.startswith("Rebuilt ")]
        if done:
            return done[0]
        time.sleep(0.05)
    raise AssertionError(f"no rebuild after saving {path}: {preview.messages[heard:]}")


def served(preview, path: str) -> str:
    with urllib.request.urlopen(preview.url + path, timeout=10) as response:
        return response.read().decode("utf-8")


def test_a_drill_edit_rebuilds_only_the_pages_that_show_it_and_keeps_search_current(preview):
    said = saved(preview, "drills/easy-run.yaml", "name: Easy run", "name: Easy jog")
    assert "whole site" not in said
    assert "<h1" in served(preview, "drills/easy-run/") and "Easy jog" in served(preview, "drills/easy-run/")
    assert "Easy jog" in served(preview, "test-protocol/return/")
    assert "Easy jog" in served(preview, "drills/category/running/")
    index = json.loads(served(preview, "search/search_index.json"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("drills/easy-run/")]
    assert "Easy jog" in titles and "Easy run" not in titles
    assert len({doc["location"] for doc in index["docs"]}) == len(index["docs"])


def test_a_new_title_in_the_navigation_rebuilds_every_page(preview):
    said = saved(preview, "protocols/test-protocol.yaml", "title: Back to training", "title: Full training")
    assert "whole site" in said
    assert "Full training" in served(preview, "test-protocol/settle/")


def test_a_hand_written_page_is_rebuilt_alone(preview):
    said = saved(preview, "site_src/clinicians/index.md", "# For clinicians: changing the handbook\n",
                 "# For clinicians: changing the handbook\n\nA line added in the preview.\n")
    assert "whole site" not in said
    assert "A line added in the preview." in served(preview, "clinicians/")


@pytest.mark.browser
def test_saving_a_drill_reloads_the_open_page(preview, page):
    page.goto(preview.url + "drills/easy-run/", wait_until="load")
    assert page.locator("h1").inner_text().startswith("Easy run")
    drill = preview.root / "drills" / "easy-run.yaml"
    started = time.perf_counter()
    drill.write_text(drill.read_text().replace("name: Easy run", "name: Easy jog"))
    page.wait_for_function("(document.querySelector('h1')?.textContent || '').startsWith('Easy jog')", timeout=15000)
    assert time.perf_counter() - started < 5
    assert not page.problems


@pytest.mark.browser
def test_a_content_error_is_reported_and_the_last_good_pages_stay(preview, page):
    page.goto(preview.url + "drills/easy-run/", wait_until="load")
    drill = preview.root / "drills" / "easy-run.yaml"
    drill.write_text("id: easy-run\nname: [broken\n")
    deadline = time.time() + 10
    while not any("E004" in m for m in preview.messages) and time.time() < deadline:
        time.sleep(0.1)
    assert any(re.search(r"drills/easy-run\.yaml:\d+:\d+: E004 ", m) for m in preview.messages)
    page.reload()
    assert page.locator("h1").inner_text().startswith("Easy run")


def fetched(preview, path: str, timeout: float = 60) -> bytes:
    """The file at ``path`` once the preview serves it."""
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(preview.url + path, timeout=10) as response:
                return response.read()
        except urllib.error.HTTPError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def test_the_print_links_of_a_phase_page_work_and_follow_an_edit(printing_preview):
    page = served(printing_preview, "test-protocol/settle/")
    links = sorted(set(re.findall(r'href="\.\./\.\./(print/[^"]+)"', page)))
    assert any(link.endswith("-a4.pdf") for link in links) and any(link.endswith(".html") for link in links)
    for link in links:
        body = fetched(printing_preview, link)
        assert body.startswith(b"%PDF-") if link.endswith(".pdf") else b"Settle symptoms" in body, link
    sheet = "print/test-protocol/settle.html"
    saved(printing_preview, "protocols/test-protocol.yaml", "title: Settle symptoms", "title: Settle the knee")
    deadline = time.time() + 60
    while b"Settle the knee" not in fetched(printing_preview, sheet):
        assert time.time() < deadline, "the printed checklist did not follow the edit"
        time.sleep(0.2)
