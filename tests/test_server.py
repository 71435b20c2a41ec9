"""`newslint serve` over real HTTP: the service in a subprocess, talked to with urllib."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

TOKEN = "s3cret-token"
ADS_LINE = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"
GOOD = {
    "title": "Council approves the 2025 budget",
    "byline": "Jane Smith",
    "published_at": "2024-09-12T03:00:00Z",
    "body": ("<p>The district council approved the 2025 budget on Thursday after a debate that "
             "lasted well into the evening.</p>\n<p>Spending on schools rises by four percent, while "
             "road maintenance keeps last year's allocation.</p>"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(log: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start `python -m newslint serve` on a free loopback port; always stop it."""
    port = free_port()
    # The token comes from the test alone: one exported in the shell that runs pytest would
    # otherwise turn the tests of a server without a token into 401s.
    inherited = {k: v for k, v in os.environ.items() if k != "NEWSLINT_TOKEN"}
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "serve", "--host", "127.0.0.1", "--port", str(port),
             *args],
            stdout=subprocess.DEVNULL, stderr=err, env={**inherited, **(env or {})},
            cwd=log.parent)  # a config file is looked for from here upward: keep it ours
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, proc, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_until_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}: {log.read_text('utf-8')}")
        try:
            if call(url + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"server did not answer /healthz: {log.read_text('utf-8')}")


def call(url: str, payload: Any = None, *, token: str | None = None, method: str | None = None,
         raw: bytes | None = None) -> tuple[int, dict[str, Any], Message]:
    """(status, JSON body, headers) for one request; HTTP errors are answers, not exceptions."""
    data = raw if raw is not None else None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as e:
        with e:
            return e.code, json.loads(e.read()), e.headers


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("server") / "stderr.log"
    with running_server(log, "--max-body", "100000", "--threads", "8",
                        env={"NEWSLINT_TOKEN": TOKEN}) as url:
        yield url


def check(server: str, article: Any) -> tuple[int, dict[str, Any], Message]:
    return call(server + "/v1/check", article, token=TOKEN)


def test_health_needs_no_token(server: str) -> None:
    status, body, headers = call(server + "/healthz")
    assert status == 200
    assert body["status"] == "ok" and body["rules"] > 0
    assert headers["Content-Type"].startswith("application/json")


def test_good_article_is_publishable(server: str) -> None:
    status, body, _ = check(server, GOOD)
    assert status == 200
    assert body["publishable"] is True
    assert body["language"] == "en"
    assert body["findings"] == []
    assert body["summary"]["findings"] == 0


def test_bad_article_is_held_with_positions_in_the_body(server: str) -> None:
    article = {**GOOD, "body": GOOD["body"] + f"\n\n<p>{ADS_LINE}</p>\n<p>Share this</p>"}
    status, body, _ = check(server, article)
    assert status == 200
    assert body["publishable"] is False
    found = {(f["rule"], f["line"], f["column"]) for f in body["findings"]}
    assert ("ad-text/ads-txt-record", 4, 4) in found
    assert ("markup/widget-line", 5, 4) in found
    assert body["summary"]["by_severity"]["error"] == 2


def test_missing_byline_is_reported_when_not_given(server: str) -> None:
    article = {k: v for k, v in GOOD.items() if k != "byline"}
    status, body, _ = check(server, article)
    assert status == 200
    assert [f["rule"] for f in body["findings"]] == ["metadata/missing-byline"]
    assert body["publishable"] is True  # a warning does not block at the default --fail-on error


def test_token_is_required(server: str) -> None:
    status, body, headers = call(server + "/v1/check", GOOD)
    assert status == 401
    assert "missing token" in body["error"]
    assert headers["WWW-Authenticate"].startswith("Bearer")
    status, body, _ = call(server + "/v1/check", GOOD, token="s3cret-tokeN")
    assert status == 401 and "wrong token" in body["error"]
    assert call(server + "/v1/rules")[0] == 401
    assert check(server, GOOD)[0] == 200


def test_body_over_the_limit_is_413(server: str) -> None:
    article = {**GOOD, "body": "<p>" + "word " * 30_000 + "</p>"}
    status, body, _ = check(server, article)
    assert status == 413
    assert "100000-byte limit" in body["error"]


def test_malformed_json_is_400_naming_the_problem(server: str) -> None:
    status, body, _ = call(server + "/v1/check", token=TOKEN, raw=b'{"title": "x",\n "body": }')
    assert status == 400
    assert body["error"] == "malformed JSON: Expecting value at line 2, column 10"


def test_not_utf8_is_400(server: str) -> None:
    status, body, _ = call(server + "/v1/check", token=TOKEN, raw='{"body": "caf\xe9"}'.encode("latin-1"))
    assert status == 400 and "not UTF-8" in body["error"]


@pytest.mark.parametrize(("article", "field", "words"), [
    ({"title": "x", "body": 12}, "body", "'body' must be a string, not a number"),
    ({"title": "x"}, "body", "'body' is missing"),
    ({"title": {"nope": 1}, "content": {"rendered": "<p>x</p>"}}, "title.rendered", "no 'rendered'"),
    ({"body": "<p>x</p>", "byline": 7}, "byline", "'byline' must be a string, not a number"),
    ({"body": "<p>x</p>", "body_format": "docx"}, "body_format", "html, markdown or text"),
    (["not", "an", "object"], "(top level)", "must be a JSON object, not an array"),
])
def test_wrong_types_are_400_naming_the_field(server: str, article: Any, field: str,
                                              words: str) -> None:
    status, body, _ = check(server, article)
    assert status == 400
    assert body["field"] == field
    assert words in body["error"]


def test_wordpress_rest_post_object(server: str) -> None:
    post = {
        "id": 1234, "date_gmt": "2024-09-12T03:00:00", "status": "publish", "format": "standard",
        "title": {"rendered": "Council&#8217;s budget passes"},
        "content": {"rendered": GOOD["body"] + f"\n<p>{ADS_LINE}</p>\n", "protected": False},
        "author": 2, "_embedded": {"author": [{"id": 2, "name": "Jane Smith"}]},
    }
    status, body, _ = check(server, post)
    assert status == 200
    assert [(f["rule"], f["line"], f["path"]) for f in body["findings"]] == [
        ("ad-text/ads-txt-record", 3, "1234")]
    del post["_embedded"]
    rules = [f["rule"] for f in check(server, post)[1]["findings"]]
    assert "metadata/missing-byline" in rules  # a numeric author id is not a byline


def test_chunked_request_body(server: str) -> None:
    data = json.dumps({**GOOD, "body": GOOD["body"] + f"\n<p>{ADS_LINE}</p>"}).encode()
    request = urllib.request.Request(server + "/v1/check", data=iter([data[:100], data[100:]]),
                                     headers={"Authorization": f"Bearer {TOKEN}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:  # no Content-Length: chunked
        body = json.loads(response.read())
    assert [(f["rule"], f["line"]) for f in body["findings"]] == [("ad-text/ads-txt-record", 3)]


def test_unknown_path_and_wrong_method(server: str) -> None:
    status, body, _ = call(server + "/v2/check", GOOD, token=TOKEN)
    assert status == 404 and "POST /v1/check" in body["error"]
    status, body, headers = call(server + "/v1/check", token=TOKEN)
    assert status == 405
    assert headers["Allow"] == "POST"
    assert call(server + "/healthz", GOOD)[0] == 405


def test_rules_endpoint_lists_the_canonical_ids(server: str) -> None:
    status, body, _ = call(server + "/v1/rules", token=TOKEN)
    assert status == 200
    ids = {r["id"] for r in body["rules"]}
    assert {"ad-text/ads-txt-record", "duplicate/paragraph", "metadata/missing-byline"} <= ids
    assert body["count"] == len(body["rules"])


def test_sixty_concurrent_requests_each_get_their_own_answer(server: str) -> None:
    def one(i: int) -> tuple[int, bool, list[int]]:
        # Request i puts its ads.txt line at body line i % 7 + 3 (odd i only): answers
        # crossed between requests would show up as wrong lines or wrong verdicts.
        padding = "\n" * (i % 7)
        junk = f"\n{padding}<p>{ADS_LINE}</p>" if i % 2 else ""
        status, body, _ = check(server, {**GOOD, "id": f"r{i}", "body": GOOD["body"] + junk})
        lines = [f["line"] for f in body["findings"] if f["rule"] == "ad-text/ads-txt-record"]
        assert all(f["path"] == f"r{i}" for f in body["findings"])
        return status, body["publishable"], lines

    with ThreadPoolExecutor(max_workers=60) as pool:
        answers = list(pool.map(one, range(60)))
    for i, (status, publishable, lines) in enumerate(answers):
        assert status == 200
        assert publishable is (i % 2 == 0)
        assert lines == ([i % 7 + 3] if i % 2 else [])


def test_time_limit_answers_json_instead_of_hanging(tmp_path: Path) -> None:
    # About 0.2s of linting: far past the limit, and over before the server is stopped (the
    # server's exit waits for a lint it has given up on; 1500 paragraphs took 20s).
    paragraphs = "\n".join(f"<p>Paragraph {i} of a long article about the council budget "
                           f"and the roads in village number {i}.</p>" for i in range(150))
    with running_server(tmp_path / "stderr.log", "--timeout", "0.001") as url:
        status, body, _ = call(url + "/v1/check", {**GOOD, "body": paragraphs})
    assert status in (503, 504)
    assert "0.001s limit" in body["error"] or "waited 0.001s" in body["error"]


def test_config_file_sets_fail_level_and_severities(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text(
        "fail-on: warning\nseverity:\n  markup/widget-line: info\n", "utf-8")
    no_byline = {k: v for k, v in GOOD.items() if k != "byline"}
    widget = {**GOOD, "body": GOOD["body"] + "\n<p>Share this</p>"}
    with running_server(tmp_path / "stderr.log") as url:
        held = call(url + "/v1/check", no_byline)[1]
        passed = call(url + "/v1/check", widget)[1]
        rules = {r["id"]: r["severity"] for r in call(url + "/v1/rules")[1]["rules"]}
    assert held["publishable"] is False  # a warning blocks at fail-on: warning
    assert held["summary"]["fail_on"] == "warning"
    assert [(f["rule"], f["severity"]) for f in passed["findings"]] == [("markup/widget-line", "info")]
    assert passed["publishable"] is True
    assert rules["markup/widget-line"] == "info"


def test_bad_config_file_stops_startup_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("severity:\n  markup/widget-lin: info\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "newslint", "serve", "--port", "0"],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "markup/widget-lin" in result.stderr and "did you mean 'markup/widget-line'" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = subprocess.run([sys.executable, "-m", "newslint", "serve", "--port", port],
                                capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


# --- the WSGI app in-process: what is awkward to provoke over a socket ---------------------------


def wsgi(app: Any, method: str, path: str, body: bytes = b"",
         headers: dict[str, str] | None = None) -> tuple[str, dict[str, str], bytes]:
    import io

    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "CONTENT_LENGTH": str(len(body)),
               "wsgi.input": io.BytesIO(body), **(headers or {})}
    answer: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]]) -> None:
        answer["status"], answer["headers"] = status, dict(response_headers)

    chunks = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], chunks


@pytest.fixture(scope="module")
def app() -> Iterator[Any]:
    from newslint import default_rules
    from newslint.server import PublishCheckApp, ServerConfig

    application = PublishCheckApp(default_rules(), ServerConfig(token=TOKEN))
    yield application
    application.close()


def test_head_answers_headers_only(app: Any) -> None:
    status, headers, body = wsgi(app, "HEAD", "/healthz")
    assert status == "200 OK"
    assert int(headers["Content-Length"]) > 0 and body == b""


def test_a_bug_is_a_json_500_without_traceback(app: Any, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    import newslint.server

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(newslint.server, "lint", broken)
    status, _, body = wsgi(app, "POST", "/v1/check", json.dumps(GOOD).encode(),
                           {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"})
    assert status == "500 Internal Server Error"
    assert json.loads(body) == {"error": "internal error in newslint; see the server log",
                                "status": 500}
    assert "RuntimeError: boom" in caplog.text  # the traceback goes to the log instead


def test_token_scheme_must_be_bearer(app: Any) -> None:
    status, _, _ = wsgi(app, "GET", "/v1/rules", headers={"HTTP_AUTHORIZATION": f"Basic {TOKEN}"})
    assert status == "401 Unauthorized"
    status, _, _ = wsgi(app, "GET", "/v1/rules", headers={"HTTP_AUTHORIZATION": f"bearer {TOKEN}"})
    assert status == "200 OK"


def test_sigterm_does_not_wait_for_a_check_past_its_limit(tmp_path: Path) -> None:
    # A user rule whose regex backtracks for up to 30 s on this body: the request gets its
    # 504 after 0.5 s, and stopping the server must not wait for the abandoned check.
    rules = tmp_path / "slow.yaml"
    rules.write_text(
        "pack: slow\nrules:\n  - id: markup/slow\n    check: pattern\n    severity: info\n"
        "    message: slow\n    scope: block\n    with: {regex: '(a|aa)+$', timeout: 30}\n"
        "    examples: {flag: ['aaaa'], pass: ['b']}\n", "utf-8")
    body = {**GOOD, "body": "<p>" + "a" * 80 + "!</p>"}
    with running_server(tmp_path / "stderr.log", "--timeout", "0.5", "--rules", str(rules)) as url:
        status, _, _ = call(url + "/v1/check", body)
        assert status == 504
        started = time.monotonic()
    # running_server's exit sent SIGTERM and waited for the process
    assert time.monotonic() - started < 8
    assert "timed-out check still running" in (tmp_path / "stderr.log").read_text("utf-8")
