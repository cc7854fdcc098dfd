"""A live JupyterLab for the tests and the review benchmark, driven by Playwright in Chromium.

``running_lab`` starts ``jupyter lab`` on 127.0.0.1 with a random free port and a random token,
its own config, settings and workspaces folders and a root folder that holds copies of the
project's ``notebooks/`` and ``data/`` (and a link to ``../shared`` where there is one), so the
repository is never written to. The server is stopped when the ``with`` block ends, also on
error. ``open_notebook`` and ``run_all`` do what a person does: open a notebook, Run > Run All
Cells, and wait until every cell has run.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: JupyterLab settings: every cell in the page (no windowing), no news or update checks.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: where it listens and the folder it serves."""

    url: str
    token: str
    root: Path

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/notebooks/{name}?reset&token={self.token}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _project_copy(base: Path, shared: Path | None) -> Path:
    project = base / "project"
    shutil.copytree(ROOT / "notebooks", project / "notebooks")
    shutil.copytree(ROOT / "data", project / "data")
    if shared is not None and shared.exists():
        (base / "shared").symlink_to(shared.resolve(), target_is_directory=True)
    return project


def _write_settings(folder: Path) -> None:
    for name, values in SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_up(url: str, token: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"jupyter lab did not answer within 90 s:\n{log.read_text()}")


@contextlib.contextmanager
def running_lab(base: Path, *, shared: Path | None = None) -> Iterator[Lab]:
    """Start JupyterLab serving a copy of the project under ``base``; stop it on exit."""
    project = _project_copy(base, shared)
    settings = base / "settings"
    _write_settings(settings)
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p
    )
    env["JUPYTER_CONFIG_DIR"] = str(base / "config")
    env["JUPYTER_RUNTIME_DIR"] = str(base / "runtime")
    env["IPYTHONDIR"] = str(base / "ipython")
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={project}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={base / 'workspaces'}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.extension_manager=readonly",
        "--allow-root",
    ]
    log = base / "jupyter.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, token, process, log)
        yield Lab(url=url, token=token, root=project)
    finally:
        process.send_signal(signal.SIGINT)  # jupyter asks to confirm on the first one
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Playwright's Chromium API over the system browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_notebook(page, lab: Lab, name: str) -> None:
    """Open a notebook and wait until its kernel is idle."""
    page.goto(lab.notebook_url(name))
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    _wait_for_idle(page)


def _wait_for_idle(page, timeout: float = 120_000) -> None:
    page.wait_for_function(_IDLE, timeout=timeout)


_IDLE = """() => {
    const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator[data-status]');
    const status = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
        .some(item => / \\| Idle$/.test(item.textContent.trim()));
    return status && !!indicator && indicator.getAttribute('data-status') === 'idle';
}"""


def run_all(page, timeout: float = 240_000) -> None:
    """Run > Run All Cells, then wait until the first cell has run and none is running.

    (A cell that raises stops the run: the cells after it keep an empty prompt.) When the
    first cell has not even started 20 s after the click (a kernel still connecting ignores
    it), the menu is used once more.
    """
    for attempt in (1, 2):
        page.locator(".jp-Notebook").first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=False).first.click()
        try:
            page.wait_for_function(_STARTED, timeout=20_000)
            break
        except Exception:
            if attempt == 2:
                raise
    page.wait_for_function(_FINISHED, timeout=timeout)


_STARTED = """() => {
    const prompt = document.querySelector('.jp-CodeCell .jp-InputPrompt');
    return !!prompt && /\\[(\\d+|\\*)\\]/.test(prompt.textContent);
}"""
_FINISHED = """() => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
    const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
    return prompts.length > 0 && /\\[\\d+\\]/.test(prompts[0].textContent)
        && !prompts.some(p => p.textContent.includes('*'))
        && !!indicator && indicator.getAttribute('data-status') === 'idle';
}"""
