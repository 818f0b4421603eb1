"""`ltv-journal serve`: the terminal UI in a web browser, behind a token."""

from __future__ import annotations

import errno
import ipaddress
import os
import shlex
import socket
import sys

import click

from ltv_journal.core import language
from ltv_journal.core.language import N_, _
from ltv_journal.locations import ENV_DB

from .errors import UserError
from .options import journal_options, open_journal, settings
from .output import echo

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@click.command(
    short_help=N_("Open the journal in a web browser, behind a token."),
    help=N_(
        "Serve the terminal UI to a web browser (textual-serve), on the same journal.\n\n"
        "It prints the address and a token, a new random one each start: the page asks for "
        "the token before it opens the journal (or open the printed address that carries "
        "it). Each browser tab runs its own copy of the app on the journal. Ctrl+C stops.\n\n"
        "By default only this machine can connect (127.0.0.1). `--host 0.0.0.0` listens on "
        "every network this machine is on and prints a warning: the connection is not "
        "encrypted, so use it only on a network you trust (or through an SSH tunnel).\n\n"
        "Example: ltv-journal serve --port 8080"
    ),
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help=N_("The port to listen on; 0 takes any free one."),
)
@click.option(
    "--host",
    metavar="ADDR",
    default=DEFAULT_HOST,
    show_default=True,
    help=N_(
        "The address to listen on. Anything but this machine's own loopback "
        "(127.0.0.1, ::1, localhost) lets other machines reach the page; a warning says so."
    ),
)
@journal_options
def serve(port: int, host: str) -> None:
    """Serve the terminal UI to a web browser; the help above says how."""
    location = settings().location
    with open_journal(location, create=True):
        pass  # a location that cannot be a journal is refused here, not in the browser
    listening = listening_socket(host, port)
    try:
        _serve(listening, host, location)
    finally:
        listening.close()


def _serve(listening: socket.socket, host: str, location: str) -> None:
    from ltv_journal.tui.token_server import TokenServer, new_token

    address, port = listening.getsockname()[:2]
    if not ipaddress.ip_address(address).is_loopback:
        echo(
            _(
                "warning: --host {host} lets other machines reach the journal on port {port}; "
                "anyone with the token can read and change it, and the connection is not "
                "encrypted"
            ).format(host=host, port=port),
            err=True,
        )
    token = new_token()
    url = f"http://{_url_host(host, address)}:{port}/"
    echo(_("Serving the journal {location}").format(location=_shown(location)))
    echo(_("  open   {url}").format(url=url))
    echo(_("  token  {token}   (the page asks for it; a new one each start)").format(token=token))
    echo(_("  or     {url}?token={token}").format(url=url, token=token))
    echo(_("Ctrl+C stops."))
    sys.stdout.flush()
    # The app processes inherit the location through the environment, not their command
    # line: a database URL's password never shows in `ps`, and no shell parses a path.
    os.environ[ENV_DB] = location
    named = settings().lang
    if named:  # `serve --lang de`: every browser tab speaks it
        os.environ[language.ENV_LANG] = named
    command = shlex.join([sys.executable, "-m", "ltv_journal.tui.served"])
    TokenServer(command, token, port=port, title="LTV Journal").serve_on(listening)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket listening on `host`:`port`, or a user error that says why not."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise UserError(
            _("--host '{host}' is not an address, nor a name this machine can resolve").format(
                host=host
            )
        ) from None
    family, kind, proto, _canonical, where = found[0]
    listening = socket.socket(family, kind, proto)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:  # `::` means IPv6 and IPv4, as `0.0.0.0` means IPv4
            listening.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        listening.bind(where)
        listening.listen(128)
    except OSError as error:
        listening.close()
        raise UserError(_bind_problem(error, host, port)) from None
    return listening


def _bind_problem(error: OSError, host: str, port: int) -> str:
    if error.errno == errno.EADDRINUSE:
        return _(
            "port {port} on {host} is already in use (another `ltv-journal serve`?); "
            "choose another with --port, or --port 0 for any free one"
        ).format(port=port, host=host)
    if error.errno == errno.EACCES:
        return _("not allowed to listen on port {port}; choose one above 1023 with --port").format(
            port=port
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return _("cannot listen on {host}: it is not an address of this machine").format(host=host)
    return _("cannot listen on {host} port {port}: {reason}").format(
        host=host, port=port, reason=error.strerror or error
    )


def _url_host(host: str, address: str) -> str:
    """The host part of the printed address: the name given, or a loopback address for
    "every address" (0.0.0.0 and :: are no address to open in a browser)."""
    ip = ipaddress.ip_address(address)
    if ip.is_unspecified:
        return "127.0.0.1" if ip.version == 4 else "[::1]"
    if host == address and ip.version == 6:
        return f"[{address}]"
    return host


def _shown(location: str) -> str:
    """The journal's location as it may be printed: a database URL's password hidden."""
    from ltv_journal.store.location import is_url

    if not is_url(location):
        return location
    from sqlalchemy.engine import make_url

    return make_url(location).render_as_string(hide_password=True)
