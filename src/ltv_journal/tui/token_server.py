"""textual-serve behind a token: the terminal UI in a browser, for whoever has the token.

textual-serve has no authentication of its own: anyone who reaches its port gets a
process of the app, and with it the journal. `TokenServer` puts one aiohttp middleware
in front of every route (the page, its websocket, static files, downloads). A request
without the session cookie gets a small page that asks for the token `serve` printed; the
right token (typed there, or given once as `?token=` in the address) sets the cookie.
The websocket is refused without the cookie, and from a page of another site.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import secrets
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, log, to_int

from ltv_journal.core import language
from ltv_journal.core.language import N_, _

LOGIN_PATH = "/login"
WEBSOCKET_PATH = "/ws"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_LOGIN_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ background: #0c181f; color: #e8eef2; font-family: menlo, monospace;
         display: flex; align-items: center; justify-content: center; height: 100vh;
         margin: 0; }}
  form {{ background: #12232d; padding: 2em 2.5em; max-width: 32em; }}
  input {{ font: inherit; width: 100%; box-sizing: border-box; padding: .4em;
          margin: .6em 0 1em; }}
  button {{ font: inherit; padding: .5em 1.5em; background: #5e0ba7; color: #fff;
           border: none; cursor: pointer; }}
  .problem {{ color: #ff8a80; }}
</style>
</head>
<body>
<form method="post" action="{action}">
  <h1>LTV Journal</h1>
  <p>{intro}</p>
  {problem}
  <label for="token">{label}</label>
  <input id="token" name="token" type="password" autocomplete="off" autofocus required>
  <button type="submit">{button}</button>
</form>
</body>
</html>
"""

WRONG_TOKEN = N_("That is not the token this server printed; check it and try again.")


def new_token() -> str:
    """A fresh random token, for one start of the server."""
    return secrets.token_urlsafe(16)


class TokenServer(Server):
    """A textual-serve `Server` that serves the app only to browsers that gave `token`.

    `serve_on` runs it on a socket that is already listening, so the command line can
    report a port in use before anything starts."""

    def __init__(self, command: str, token: str, *, port: int, title: str) -> None:
        super().__init__(command, port=port, title=title)
        self.token = token
        self._session = secrets.token_urlsafe(32)
        """The cookie's value: proof of a right token, never the token itself."""
        # Cookies do not tell ports apart: two servers on one machine keep one each.
        self._cookie_name = f"ltv_journal_{port}"

    # -- the token ---------------------------------------------------------------------

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.strip().encode(), self.token.encode())

    def _has_session(self, request: web.Request) -> bool:
        cookie = request.cookies.get(self._cookie_name, "")
        return hmac.compare_digest(cookie.encode(), self._session.encode())

    def _signed_in(self, location: str) -> web.Response:
        """A redirect to `location` that carries the session cookie."""
        response = web.Response(status=303, headers={"Location": location})
        response.set_cookie(
            self._cookie_name, self._session, httponly=True, samesite="Strict", path="/"
        )
        return response

    def _login_page(self, problem: str = "") -> web.Response:
        paragraph = f'<p class="problem">{html.escape(_(problem))}</p>' if problem else ""
        intro = html.escape(
            _(
                "This journal is private. Type the token that {command} printed when it "
                "started (a new one each start)."
            )
        ).format(command="<code>ltv-journal serve</code>")
        page = _LOGIN_PAGE.format(
            action=LOGIN_PATH,
            problem=paragraph,
            lang=language.current(),
            title=html.escape(_("LTV Journal: token")),
            intro=intro,
            label=html.escape(_("Token")),
            button=html.escape(_("Open the journal")),
        )
        return web.Response(text=page, status=401, content_type="text/html")

    @web.middleware
    async def _require_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every route but the login form needs the session cookie; the websocket also
        needs to come from this server's own page."""
        if request.path == LOGIN_PATH:
            response = await handler(request)
        elif "token" in request.query:  # an address with the token: sign in, then drop it
            if not self.token_matches(request.query["token"]):
                response = self._login_page(WRONG_TOKEN)
            else:
                response = self._signed_in(str(request.rel_url.without_query_params("token")))
        elif not self._has_session(request):
            if request.path == WEBSOCKET_PATH:
                response = web.Response(status=401, text="the token is needed first\n")
            else:
                response = self._login_page()
        elif request.path == WEBSOCKET_PATH and not _same_origin(request):
            response = web.Response(status=403, text="only this server's own page may connect\n")
        else:
            response = await handler(request)
        return response

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        """The token typed on the page: the app on success, the page again otherwise."""
        if request.method != "POST":
            return self._login_page()
        form = await request.post()
        given = form.get("token")
        if isinstance(given, str) and self.token_matches(given):
            return self._signed_in("/")
        return self._login_page(WRONG_TOKEN)

    # -- textual-serve ------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._require_token)
        app.on_response_prepare.append(_harden)
        app.router.add_route("*", LOGIN_PATH, self.handle_login, name="login")
        return app

    async def handle_index(self, request: web.Request) -> web.Response:
        """textual-serve's page, with addresses taken from the request rather than the
        bind address (0.0.0.0 is no address for a browser; `localhost` and 127.0.0.1
        keep different cookies)."""
        origin = f"{request.scheme}://{request.host}"
        socket_origin = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}"
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{socket_origin}{WEBSOCKET_PATH}",
            "config": {"static": {"url": f"{origin}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler, with an app that closes the websocket when
        its process ends in any way (the page then says "Session ended"; textual-serve
        closes it only when the app says goodbye, so a crashed app left a blank page)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app_service = ClosingAppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the command line has said where and with which token."""

    def serve_on(self, listening: socket.socket) -> None:
        """Serve on `listening` until Ctrl+C or SIGTERM."""
        web.run_app(
            self._make_app(),
            sock=listening,
            print=None,
            access_log=None,
            handle_signals=True,
            shutdown_timeout=5,
        )


class ClosingAppService(AppService):
    """An app process that closes its browser's websocket when it ends."""

    async def run(self) -> None:
        await super().run()
        await self.remote_close()


def _same_origin(request: web.Request) -> bool:
    """Whether the request comes from a page of this server (browsers always send Origin
    with a websocket; a program that sends none still needs the cookie)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    scheme, _, host = origin.partition("://")
    return scheme in ("http", "https") and host == request.host


async def _harden(_request: web.Request, response: web.StreamResponse) -> None:
    """Every response, before its headers go: no framing by other sites, no token in a
    Referer, nothing private in a cache."""
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if response.status in (303, 401, 403):
        response.headers.setdefault("Cache-Control", "no-store")
