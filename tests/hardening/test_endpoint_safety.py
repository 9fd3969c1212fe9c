"""The endpoint client keeps credentials to the server they are meant for, and answers bad answers with one line."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from provenance.cli import main
from provenance.storage.endpoint import plain_http_warning


class Server:
    """A 127.0.0.1 HTTP server answering every request with one fixed response, and recording the requests."""

    def __init__(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the name http.server calls
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                server.requests.append(dict(self.headers))
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve() -> Iterator:
    servers: list[Server] = []

    def start(*args, **kwargs) -> Server:
        servers.append(Server(*args, **kwargs))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def run(store: str, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["--store", store, *args], env=env or {}, catch_exceptions=False)


def one_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("Warning: ")]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("body", [b'{"head": {"vars": ["claim"]}, "results": {"bindings": [{"claim": ',
                                  b"not json at all", b"{}"])
def test_truncated_or_invalid_json_is_one_line(serve, body):
    server = serve(200, body, {"Content-Type": "application/sparql-results+json"})
    line = one_error(run(server.url, "claims"))
    assert "SPARQL" in line


def test_a_redirect_to_another_host_is_not_followed_with_credentials(serve):
    elsewhere = serve(401, b"", {"WWW-Authenticate": 'Digest realm="x", nonce="abc", qop="auth"'})
    redirecting = serve(307, b"", {"Location": elsewhere.url})
    line = one_error(run(redirecting.url, "claims", env={"PROVENANCE_USER": "desk", "PROVENANCE_PASSWORD": "s3cret"}))
    assert "redirects" in line and "s3cret" not in line
    assert elsewhere.requests == []


@pytest.mark.parametrize("variable", ["PROVENANCE_UPDATE_URL", "PROVENANCE_GRAPH_STORE_URL"])
def test_credentials_in_configured_urls_are_refused_and_never_printed(variable):
    result = run("http://127.0.0.1:9/sparql", "claims", env={variable: "http://desk:s3cret@127.0.0.1:9/update"})
    line = one_error(result)
    assert variable in line and "s3cret" not in result.output


def test_plain_http_to_another_machine_is_warned_about(serve):
    assert plain_http_warning("http://192.0.2.1:8890/sparql")
    assert plain_http_warning("http://example.org/sparql")
    assert plain_http_warning("http://127.0.0.1:8890/sparql") is None
    assert plain_http_warning("http://localhost:8890/sparql") is None
    assert plain_http_warning("https://example.org/sparql") is None
    server = serve(200, b'{"head": {"vars": []}, "results": {"bindings": []}}',
                   {"Content-Type": "application/sparql-results+json"})
    quiet = run(server.url, "claims", "--json")
    assert "Warning" not in quiet.stderr


def test_the_warning_is_printed_by_a_command(monkeypatch):
    # A TEST-NET address: the connection fails, after the warning has been printed.
    monkeypatch.setattr("provenance.storage.endpoint.CONNECT_TIMEOUT", 0.5)
    result = run("http://192.0.2.1:9/sparql", "claims")
    assert result.stderr.startswith("Warning: http://192.0.2.1:9 is plain http")
