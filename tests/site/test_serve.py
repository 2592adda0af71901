"""``handbook serve``: saving a YAML file regenerates the pages and reloads the open page in the browser."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from generator.serve import Preview

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def preview(new_project):
    project = new_project()
    messages = []
    server = Preview(project, port=free_port(), say=lambda *args, **kwargs: messages.append(" ".join(args)))
    ready = threading.Event()
    thread = threading.Thread(target=server.serve, kwargs={"ready": ready}, daemon=True)
    thread.start()
    assert ready.wait(30)
    server.messages = messages
    yield server
    server.stop()
    thread.join(10)


def test_saving_a_drill_reloads_the_open_page(preview, page):
    page.goto(preview.url + "drills/easy-run/", wait_until="load")
    assert page.locator("h1").inner_text().startswith("Easy run")
    drill = preview.root / "drills" / "easy-run.yaml"
    started = time.perf_counter()
    drill.write_text(drill.read_text().replace("name: Easy run", "name: Easy jog"))
    page.wait_for_function("document.querySelector('h1').textContent.startsWith('Easy jog')", timeout=15000)
    assert time.perf_counter() - started < 5
    assert not page.problems


def test_a_content_error_is_reported_and_the_last_good_pages_stay(preview, page):
    page.goto(preview.url + "drills/easy-run/", wait_until="load")
    drill = preview.root / "drills" / "easy-run.yaml"
    drill.write_text("id: easy-run\nname: [broken\n")
    deadline = time.time() + 10
    while not any("E004" in m for m in preview.messages) and time.time() < deadline:
        time.sleep(0.1)
    assert any("drills/easy-run.yaml:3:1: E004" in m for m in preview.messages)
    page.reload()
    assert page.locator("h1").inner_text().startswith("Easy run")
