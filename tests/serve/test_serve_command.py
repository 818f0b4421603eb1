"""`ltv-journal serve` without a browser: the token guards every route, the address
and the port are checked, and stopping it stops the apps it started."""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import signal
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import aiohttp
from click.testing import CliRunner

from ltv_journal.cli import main

from .served import Served, start_serve

WAIT = 60.0
"""Seconds for anything the served app does: generous, the machine may be busy."""
TIMEOUT = aiohttp.ClientTimeout(total=WAIT)
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    text: str


def request(
    served: Served, path: str, *, method: str = "GET", body: str = "", cookie: str = ""
) -> Reply:
    """One HTTP request to the server, redirects not followed."""
    connection = http.client.HTTPConnection(served.host, timeout=WAIT)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read().decode("utf-8"))
    finally:
        connection.close()


def sign_in(served: Served) -> str:
    """The session cookie (`name=value`) the right token gives."""
    response = request(served, "/login", method="POST", body=f"token={served.token}")
    assert response.status == 303
    return response.headers["Set-Cookie"].split(";", 1)[0]


async def _websocket_status(url: str, cookie: str, origin: str | None) -> int:
    """101 when the websocket opens and the app sends its first screen, else the
    status that refused it."""
    headers = {"Cookie": cookie} if cookie else {}
    if origin is not None:
        headers["Origin"] = origin
    async with asyncio.timeout(WAIT), aiohttp.ClientSession(timeout=TIMEOUT) as session:
        try:
            async with session.ws_connect(url, headers=headers) as ws:
                message = await ws.receive()
                assert message.type == aiohttp.WSMsgType.BINARY, message
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def websocket_status(served: Served, cookie: str = "", origin: str | None = None) -> int:
    return asyncio.run(_websocket_status(f"{served.url}ws?width=100&height=30", cookie, origin))


def test_help_explains_the_token_the_port_and_the_host() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for words in ("token", "--port", "--host", "127.0.0.1", "warning", "0 takes any free one"):
        assert words in text


def test_without_the_token_there_is_only_the_login_page(served: Served) -> None:
    page = request(served, "/")
    assert page.status == 401
    assert page.headers["Cache-Control"] == "no-store"
    assert 'name="token"' in page.text
    assert "textual-terminal" not in page.text
    assert request(served, "/static/js/textual.js").status == 401
    assert websocket_status(served) == 401
    assert _descendants(served.process.pid) == []  # no app was started for it


def test_a_wrong_token_is_refused_and_said_so(served: Served) -> None:
    for wrong in ("", "x" * len(served.token), served.token[:-1]):
        page = request(served, "/login", method="POST", body=f"token={wrong}")
        assert page.status == 401
        assert "not the token" in page.text
        assert "Set-Cookie" not in page.headers
    assert request(served, f"/?token={served.token}x").status == 401


def test_the_token_opens_the_page_and_its_websocket(served: Served) -> None:
    cookie = sign_in(served)
    page = request(served, "/", cookie=cookie)
    assert page.status == 200
    assert page.headers["X-Frame-Options"] == "DENY"  # no other site shows it in a frame
    assert request(served, "/static/js/textual.js", cookie=cookie).status == 200
    assert f'data-session-websocket-url="ws://{served.host}/ws"' in page.text
    assert websocket_status(served, cookie, origin=served.url.rstrip("/")) == 101
    # a page of another site cannot use the cookie to drive the journal
    assert websocket_status(served, cookie, origin="http://elsewhere.example") == 403


def test_the_address_with_the_token_signs_in_and_drops_it(served: Served) -> None:
    response = request(served, f"/?token={served.token}&fontsize=20")
    assert response.status == 303
    assert response.headers["Location"] == "/?fontsize=20"
    cookie = response.headers["Set-Cookie"].split(";", 1)[0]
    assert served.token not in cookie
    assert request(served, "/?fontsize=20", cookie=cookie).status == 200


def test_each_start_prints_a_new_token(served: Served, max_db: Path, tmp_path: Path) -> None:
    other = start_serve(max_db, tmp_path)
    try:
        assert other.token != served.token and len(other.token) >= 16
        assert other.port != served.port
        # one server's token does not open the other
        wrong = request(other, "/login", method="POST", body=f"token={served.token}")
        assert wrong.status == 401
    finally:
        assert other.stop() == 0


def test_a_port_in_use_is_one_line_and_exit_2(max_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port), "--db", str(max_db)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: port {port} on 127.0.0.1 is already in use (another `ltv-journal serve`?); "
        "choose another with --port, or --port 0 for any free one"
    ]


def test_an_address_of_another_machine_is_one_line_and_exit_2(max_db: Path) -> None:
    # 192.0.2.1 is reserved for documentation: never an address of this machine
    result = CliRunner().invoke(main, ["serve", "--host", "192.0.2.1", "--db", str(max_db)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: cannot listen on 192.0.2.1: it is not an address of this machine"
    ]


def test_a_file_that_is_no_journal_is_refused_before_serving(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--db", str(tmp_path)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ") and str(tmp_path) in result.stderr
    assert "Traceback" not in result.stderr


def test_another_host_prints_a_warning_and_still_asks_for_the_token(
    max_db: Path, tmp_path: Path
) -> None:
    server = start_serve(max_db, tmp_path, "--host", "0.0.0.0")
    try:
        warning = server.stderr().splitlines()
        assert len(warning) == 1
        assert warning[0].startswith("warning: --host 0.0.0.0 lets other machines reach")
        assert server.url.startswith("http://127.0.0.1:")  # 0.0.0.0 is no address to open
        assert request(server, "/").status == 401
    finally:
        assert server.stop() == 0


def test_the_default_host_prints_no_warning(served: Served) -> None:
    assert served.url.startswith("http://127.0.0.1:")
    assert served.stderr() == ""


def test_stopping_the_server_stops_the_apps_it_started(served: Served) -> None:
    cookie = sign_in(served)
    with open_websocket(served, cookie) as _:
        apps = _descendants(served.process.pid)
        assert apps, "the websocket started no app"
        assert served.stop() == 0
    deadline = time.monotonic() + WAIT
    while any(_alive(pid) for pid in apps) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in apps if _alive(pid)]


@contextmanager
def open_websocket(served: Served, cookie: str) -> Iterator[None]:
    """A websocket held open (the app process running) for the `with` block."""
    loop = asyncio.new_event_loop()

    async def connect() -> tuple[aiohttp.ClientSession, aiohttp.ClientWebSocketResponse]:
        session = aiohttp.ClientSession(timeout=TIMEOUT)
        ws = await session.ws_connect(
            f"{served.url}ws?width=100&height=30", headers={"Cookie": cookie}
        )
        message = await ws.receive()
        assert message.type == aiohttp.WSMsgType.BINARY, message
        return session, ws

    session, ws = loop.run_until_complete(asyncio.wait_for(connect(), WAIT))
    try:
        yield
    finally:
        loop.run_until_complete(ws.close())
        loop.run_until_complete(session.close())
        loop.close()


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (Linux /proc)."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            children = (task / "children").read_text().split()
            found.extend(int(c) for c in children)
            pending.extend(int(c) for c in children)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status and os.path.exists(f"/proc/{pid}")


ODD_FOLDER = 'a journal\'s folder; $(touch injected) `touch injected` "quoted" & more'


def test_the_app_opens_the_journal_given_even_at_an_odd_path(tmp_path: Path, max_db: Path) -> None:
    odd = tmp_path / ODD_FOLDER / "my journal.db"
    odd.parent.mkdir()
    max_db.rename(odd)
    server = start_serve(odd, tmp_path)
    try:
        cookie = sign_in(server)
        shown = asyncio.run(_app_output_until(server, cookie, "1,695,000.00 EUR"))
        assert "1,695,000.00 EUR" in shown  # the seed's LTV: the app opened this journal
        with open_websocket(server, cookie):
            apps = _descendants(server.process.pid)
            command_lines = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in apps]
        # the location is not on the app's command line (a URL's password would show in ps)
        assert command_lines
        assert not [line for line in command_lines if b"journal.db" in line]
    finally:
        assert server.stop() == 0
    assert not list(tmp_path.rglob("injected"))  # the path reached no shell as code
    assert not (Path.cwd() / "injected").exists()


def test_serve_lang_de_serves_the_journal_in_german(tmp_path: Path, max_db: Path) -> None:
    """`serve --lang de` says so on the command line and in every browser tab: the seed's
    LTV as `1.695.000,00 €`, the cards and keys in German."""
    server = start_serve(max_db, tmp_path, "--lang", "de")
    try:
        assert any(line.startswith("Strg+C") for line in server.lines)
        cookie = sign_in(server)
        shown = asyncio.run(_app_output_until(server, cookie, "1.695.000,00"))
        assert "1.695.000,00" in shown and "€" in shown
        assert "Geld" in shown and "1,695,000.00" not in shown
    finally:
        assert server.stop() == 0


async def _app_output_until(served: Served, cookie: str, text: str) -> str:
    """What the app sent over the websocket, as plain text, once it holds `text`."""
    shown = ""
    received = b""
    # one deadline for all: the server's heartbeat pings would restart a receive timeout
    with suppress(TimeoutError):
        async with asyncio.timeout(WAIT), aiohttp.ClientSession(timeout=TIMEOUT) as session:
            url = f"{served.url}ws?width=120&height=40"
            async with session.ws_connect(url, headers={"Cookie": cookie}) as ws:
                while text not in shown:
                    message = await ws.receive()
                    if message.type != aiohttp.WSMsgType.BINARY:
                        break
                    received += message.data
                    shown = ESCAPES.sub("", received.decode("utf-8", errors="replace"))
    return shown


def test_an_app_that_dies_ends_its_session_in_the_browser(served: Served) -> None:
    """The page says "Session ended" (offers Restart) rather than stay blank."""
    cookie = sign_in(served)

    async def watch() -> aiohttp.WSMsgType:
        async with asyncio.timeout(WAIT), aiohttp.ClientSession(timeout=TIMEOUT) as session:
            url = f"{served.url}ws?width=100&height=30"
            async with session.ws_connect(url, headers={"Cookie": cookie}) as ws:
                first = await ws.receive()
                assert first.type == aiohttp.WSMsgType.BINARY, first
                for pid in _descendants(served.process.pid):
                    os.kill(pid, signal.SIGKILL)  # the app's processes, started by this test
                while (message := await ws.receive()).type == aiohttp.WSMsgType.BINARY:
                    pass
                return message.type

    assert asyncio.run(watch()) in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert served.process.poll() is None  # the server goes on serving
    assert request(served, "/", cookie=cookie).status == 200
