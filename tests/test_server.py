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
    "body": (
        "<p>The district council approved the 2025 budget on Thursday after a debate that "
        "lasted well into the evening.</p>\n<p>Spending on schools rises by four percent, while "
        "road maintenance keeps last year's allocation.</p>"
    ),
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
            [sys.executable, "-m", "newslint", "serve", "--host", "127.0.0.1", "--port", str(port), *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**inherited, **(env or {})},
            cwd=log.parent,
        )  # a config file is looked for from here upward: keep it ours
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


def call(
    url: str, payload: Any = None, *, token: str | None = None, method: str | None = None, raw: bytes | None = None
) -> tuple[int, dict[str, Any], Message]:
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
    with running_server(log, "--max-body", "100000", "--workers", "2", env={"NEWSLINT_TOKEN": TOKEN}) as url:
        yield url


def check(server: str, article: Any) -> tuple[int, dict[str, Any], Message]:
    return call(server + "/v1/check", article, token=TOKEN)


def test_health_needs_no_token(server: str) -> None:
    status, body, headers = call(server + "/healthz")
    assert status == 200
    assert body["status"] == "ok" and body["rules"] > 0
    assert body["workers"] == body["alive"] == 2
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


@pytest.mark.parametrize(
    ("article", "field", "words"),
    [
        ({"title": "x", "body": 12}, "body", "'body' must be a string, not a number"),
        ({"title": "x"}, "body", "'body' is missing"),
        ({"title": {"nope": 1}, "content": {"rendered": "<p>x</p>"}}, "title.rendered", "no 'rendered'"),
        ({"body": "<p>x</p>", "byline": 7}, "byline", "'byline' must be a string, not a number"),
        ({"body": "<p>x</p>", "body_format": "docx"}, "body_format", "html, markdown or text"),
        (["not", "an", "object"], "(top level)", "must be a JSON object, not an array"),
    ],
)
def test_wrong_types_are_400_naming_the_field(server: str, article: Any, field: str, words: str) -> None:
    status, body, _ = check(server, article)
    assert status == 400
    assert body["field"] == field
    assert words in body["error"]


def test_wordpress_rest_post_object(server: str) -> None:
    post = {
        "id": 1234,
        "date_gmt": "2024-09-12T03:00:00",
        "status": "publish",
        "format": "standard",
        "title": {"rendered": "Council&#8217;s budget passes"},
        "content": {"rendered": GOOD["body"] + f"\n<p>{ADS_LINE}</p>\n", "protected": False},
        "author": 2,
        "_embedded": {"author": [{"id": 2, "name": "Jane Smith"}]},
    }
    status, body, _ = check(server, post)
    assert status == 200
    assert [(f["rule"], f["line"], f["path"]) for f in body["findings"]] == [("ad-text/ads-txt-record", 3, "1234")]
    del post["_embedded"]
    rules = [f["rule"] for f in check(server, post)[1]["findings"]]
    assert "metadata/missing-byline" in rules  # a numeric author id is not a byline


def test_chunked_request_body(server: str) -> None:
    data = json.dumps({**GOOD, "body": GOOD["body"] + f"\n<p>{ADS_LINE}</p>"}).encode()
    request = urllib.request.Request(
        server + "/v1/check",
        data=iter([data[:100], data[100:]]),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
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


def test_config_file_sets_fail_level_and_severities(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("fail-on: warning\nseverity:\n  markup/widget-line: info\n", "utf-8")
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
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "serve", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "markup/widget-lin" in result.stderr and "did you mean 'markup/widget-line'" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "newslint", "serve", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


# --- the wire: errors the HTTP layer itself answers, still in JSON --------------------------------


def address(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


def raw_exchange(url: str, data: bytes, timeout: float = 30) -> tuple[int, dict[str, Any]]:
    """Send bytes as they are; (status, JSON body) of the one answer."""
    with socket.create_connection(address(url), timeout=timeout) as sock:
        sock.sendall(data)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(
            next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
        )
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
    return int(head.split(b" ")[1]), json.loads(body)


@pytest.mark.parametrize(
    ("request_bytes", "status", "words"),
    [
        (b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n", 413, "byte limit"),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n", 431, "headers"),
        (b"BROKEN\r\n\r\n", 400, "malformed HTTP request line"),
        (b"GET /healthz HTTP/2.0\r\n\r\n", 505, "not supported"),
        (b"GET /healthz HTTP/1.1\r\nNo colon here\r\n\r\n", 400, "malformed header"),
        (b"POST /v1/check HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 400, "not a number"),
        (b"POST /v1/check HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501, "not supported"),
        (
            b"POST /v1/check HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n",
            400,
            "both Content-Length and Transfer-Encoding",
        ),
        (b"POST /v1/check HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400, "chunk size"),
    ],
)
def test_protocol_errors_are_json(server: str, request_bytes: bytes, status: int, words: str) -> None:
    got, body = raw_exchange(server, request_bytes)
    assert got == status
    assert body["status"] == status and words in body["error"]


def test_head_answers_headers_only(server: str) -> None:
    import http.client

    connection = http.client.HTTPConnection(*address(server), timeout=30)
    connection.request("HEAD", "/healthz")
    response = connection.getresponse()
    assert response.status == 200
    assert int(response.headers["Content-Length"]) > 0 and response.read() == b""
    connection.close()


def test_keep_alive_connection_serves_several_requests(server: str) -> None:
    import http.client

    connection = http.client.HTTPConnection(*address(server), timeout=30)
    for _ in range(3):
        connection.request(
            "POST",
            "/v1/check",
            json.dumps(GOOD),
            {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["publishable"] is True
    connection.close()


def test_token_scheme_must_be_bearer(server: str) -> None:
    request = urllib.request.Request(server + "/v1/rules", headers={"Authorization": f"Basic {TOKEN}"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 401
    caught.value.close()
    request = urllib.request.Request(server + "/v1/rules", headers={"Authorization": f"bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


# --- validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"published_at": "next Tuesday"}, "published_at", "is not a date"),
        ({"published_at": "2024-02-30"}, "published_at", "is not a date"),
        ({"published_at": "0000-00-00 00:00:00"}, "published_at", "is not a date"),
        ({"language": "english"}, "language", "is not a language code"),
        ({"language": "xx"}, "language", "is not a language code"),
        ({"body": ""}, "body", "is empty"),
        ({"body": "  \n\t "}, "body", "is empty"),
    ],
)
def test_invalid_fields_are_400(server: str, change: dict[str, str], field: str, words: str) -> None:
    status, body, _ = check(server, {**GOOD, **change})
    assert status == 400
    assert body["field"] == field and words in body["error"]


@pytest.mark.parametrize(
    "change",
    [
        {"published_at": "2024-09-12"},
        {"published_at": "2024-09-12 10:00:00"},
        {"published_at": "2024-09-12T10:00:00.123+07:00"},
        {"published_at": "Thu, 12 Sep 2024 03:00:00 GMT"},
        {"language": "en_US"},
        {"language": "en-GB"},
        {"language": "EN"},
    ],
)
def test_valid_dates_and_language_codes_are_accepted(server: str, change: dict[str, str]) -> None:
    status, body, _ = check(server, {**GOOD, **change})
    assert status == 200 and body["publishable"] is True


# --- hostile clients and hostile articles -----------------------------------------------------------


JUNK_LINES = "Share this\n" * 12_400  # about 136 KB: one finding per line


def timed_check(url: str, article: Any, timeout: float = 120) -> tuple[int, dict[str, Any], float]:
    started = time.monotonic()
    data = json.dumps(article).encode()
    request = urllib.request.Request(url + "/v1/check", data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body = response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        with e:
            status, body = e.code, json.loads(e.read())
    return status, body, time.monotonic() - started


def test_idle_connections_and_heavy_requests_leave_room_for_a_normal_check(tmp_path: Path) -> None:
    # Two heavy checks run, two wait. A heavy check takes about 2.5 s of CPU: with the
    # machine's cores shared with other programs, the limit leaves time for the first two.
    limit = 20.0
    with (
        running_server(
            tmp_path / "stderr.log", "--workers", "2", "--timeout", str(limit), "--max-body", "400000"
        ) as url,
        contextlib.ExitStack() as stack,
    ):
        idle = [stack.enter_context(socket.create_connection(address(url))) for _ in range(200)]
        heavy = {**GOOD, "body": JUNK_LINES, "body_format": "text"}
        with ThreadPoolExecutor(max_workers=4) as pool:
            heavy_answers = [pool.submit(timed_check, url, heavy) for _ in range(4)]
            time.sleep(0.5)  # the heavy ones are in: the normal check comes after them
            status, body, took = timed_check(url, GOOD)
            health = call(url + "/healthz")
            results = [f.result() for f in heavy_answers]
        assert status == 200 and body["publishable"] is True
        assert took < limit + 1
        assert health[0] == 200  # answered while the workers are busy and 200 sockets idle
        for heavy_status, heavy_body, heavy_took in results:
            # each is checked, refused as busy or stopped at its limit: never left hanging
            assert heavy_status in (200, 503, 504), heavy_body
            assert heavy_took < limit + 2
        assert any(s == 200 and not b["publishable"] for s, b, _ in results)
        # it took the first free worker, ahead of the two heavy ones still waiting: both
        # of those end after it (an order, not a timing, so a busy machine does not fail it)
        assert sum(0.5 + took < t for s, _, t in results if s in (200, 504)) >= 2
        assert len(idle) == 200


def test_overrunning_check_is_answered_on_time_and_its_worker_replaced(tmp_path: Path) -> None:
    # A user rule whose regex backtracks for many seconds on this body, holding the GIL: the
    # answer must still come at the limit, and the service must go on checking.
    rules = tmp_path / "slow.yaml"
    rules.write_text(
        "pack: slow\nrules:\n  - id: markup/slow\n    check: pattern\n    severity: info\n"
        "    message: slow\n    scope: block\n    with: {regex: '(a|aa)+$', timeout: 60}\n"
        "    examples: {flag: ['aaaa'], pass: ['b']}\n",
        "utf-8",
    )
    slow = {**GOOD, "body": "<p>" + "a" * 80 + "!</p>"}
    log = tmp_path / "stderr.log"
    with running_server(log, "--workers", "1", "--timeout", "1", "--rules", str(rules)) as url:
        status, body, took = timed_check(url, slow)
        assert status == 504 and "longer than the 1s limit" in body["error"]
        assert took < 1 + 1.5
        status, body, _ = timed_check(url, GOOD)  # the replacement worker answers
        assert status == 200 and body["publishable"] is True
        health = call(url + "/healthz")[1]
        assert health["recycled"] == 1 and health["alive"] == 1
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 8  # SIGTERM does not wait for the killed check
    assert "ran past its deadline" in log.read_text("utf-8")


def test_healthz_is_503_when_checks_cannot_be_served(tmp_path: Path) -> None:
    rules = tmp_path / "slow.yaml"
    rules.write_text(
        "pack: slow\nrules:\n  - id: markup/slow\n    check: pattern\n    severity: info\n"
        "    message: slow\n    scope: block\n    with: {regex: '(a|aa)+$', timeout: 60}\n"
        "    examples: {flag: ['aaaa'], pass: ['b']}\n",
        "utf-8",
    )
    slow = {**GOOD, "body": "<p>" + "a" * 80 + "!</p>"}
    with running_server(
        tmp_path / "stderr.log", "--workers", "1", "--queue", "1", "--timeout", "4", "--rules", str(rules)
    ) as url:
        with ThreadPoolExecutor(max_workers=3) as pool:
            running = pool.submit(timed_check, url, slow)
            time.sleep(0.5)
            queued = pool.submit(timed_check, url, slow)
            time.sleep(0.5)
            status, body, _ = call(url + "/healthz")
            refused = timed_check(url, GOOD)  # the queue is full: refused at once
            answers = [running.result(), queued.result()]
        assert status == 503 and body["status"] == "unhealthy"
        assert any("queue is full" in p for p in body["problems"])
        assert refused[0] == 503 and refused[2] < 2 and "busy" in refused[1]["error"]
        assert answers[0][0] == 504
        assert answers[1][0] in (503, 504)  # its wait, or its own run, reached its deadline
        assert call(url + "/healthz")[0] == 200  # recovered


def test_slow_and_idle_clients_are_cut_off(tmp_path: Path) -> None:
    with running_server(tmp_path / "stderr.log", "--client-timeout", "1", "--keep-alive", "1") as url:
        with socket.create_connection(address(url), timeout=10) as slow:
            slow.sendall(b'POST /v1/check HTTP/1.1\r\nContent-Length: 50\r\n\r\n{"body": ')
            started = time.monotonic()
            answer = slow.recv(65536)
            assert answer.startswith(b"HTTP/1.1 408 ")
            assert json.loads(answer.partition(b"\r\n\r\n")[2])["status"] == 408
            assert time.monotonic() - started < 5
        with socket.create_connection(address(url), timeout=10) as idle:
            started = time.monotonic()
            assert idle.recv(1) == b""  # closed by the server, without an answer
            assert time.monotonic() - started < 5


def test_connection_limit_makes_room_by_closing_the_longest_idle(tmp_path: Path) -> None:
    with running_server(tmp_path / "stderr.log", "--max-connections", "20") as url, contextlib.ExitStack() as stack:
        idle = [stack.enter_context(socket.create_connection(address(url), timeout=10)) for _ in range(40)]
        status, body, _ = call(url + "/v1/check", GOOD)
        assert status == 200 and body["publishable"] is True
        assert idle[0].recv(1) == b""  # the oldest idle connection made room


def test_access_log_has_client_method_path_status_and_time(tmp_path: Path) -> None:
    log = tmp_path / "stderr.log"
    with running_server(log, env={"NEWSLINT_TOKEN": TOKEN}) as url:
        call(url + "/v1/check", GOOD)
        call(url + "/v1/check", GOOD, token=TOKEN)
        raw_exchange(url, b"POST /v1/check HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n")
    lines = [line for line in log.read_text("utf-8").splitlines() if "newslint.access" in line]
    import re

    pattern = r'127\.0\.0\.1 "{} {}" {} \d+\.\dms \d+B$'
    assert any(re.search(pattern.format("POST", "/v1/check", 401), line) for line in lines)
    assert any(re.search(pattern.format("POST", "/v1/check", 200), line) for line in lines)
    assert any(re.search(pattern.format("POST", "/v1/check", 413), line) for line in lines)
    assert any(re.search(pattern.format("GET", "/healthz", 200), line) for line in lines)


def test_workers_do_not_outlive_a_killed_server(tmp_path: Path) -> None:
    import signal

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", proc, tmp_path / "none.log")
        children = _children(proc.pid)
        assert len(children) == 2
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- the pool in-process: what is awkward to provoke over a socket ------------------------------


def _pool_check(runner: Any, timeout: float = 30.0, memory_mib: int = 512) -> tuple[Any, dict[str, Any]]:
    import asyncio

    from newslint.serve.app import HTTPError
    from newslint.serve.pool import WorkerPool

    async def go() -> tuple[Any, dict[str, Any]]:
        pool = WorkerPool(runner, size=1, queue=4, memory_mib=memory_mib)
        await pool.start()
        try:
            try:
                outcome: Any = await pool.check("article", "a-1", 10, timeout)
            except HTTPError as e:
                outcome = e
            return outcome, pool.health()[1]
        finally:
            await pool.close()

    return asyncio.run(go())


def _broken(article: Any, path: str) -> bytes:
    raise RuntimeError("boom")


def _greedy(article: Any, path: str) -> bytes:
    hog = []
    while True:
        hog.append(bytearray(8 * 2**20))


def _echo(article: Any, path: str) -> bytes:
    return json.dumps({"article": article, "path": path}).encode()


def test_pool_runs_checks_in_a_worker() -> None:
    outcome, health = _pool_check(_echo)
    assert json.loads(outcome) == {"article": "article", "path": "a-1"}
    assert health["recycled"] == 0


def test_a_bug_is_a_500_without_traceback() -> None:
    outcome, _ = _pool_check(_broken)
    assert outcome.status == 500
    assert outcome.message == "internal error in newslint; see the server log"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory limit is Linux's")
def test_a_check_over_the_memory_limit_is_503_and_the_worker_replaced() -> None:
    outcome, health = _pool_check(_greedy, memory_mib=64)
    assert outcome.status == 503 and "more memory" in outcome.message
    assert health["recycled"] == 1


def test_request_bodies_in_flight_are_bounded(tmp_path: Path) -> None:
    # --max-body 1000 with one worker and one queue place: 2,000 bytes of bodies at once
    with (
        running_server(tmp_path / "stderr.log", "--max-body", "1000", "--workers", "1", "--queue", "1") as url,
        contextlib.ExitStack() as stack,
    ):
        head = b"POST /v1/check HTTP/1.1\r\nContent-Length: 700\r\n\r\n"
        for _ in range(2):  # two clients announce 700-byte bodies and send them slowly
            stack.enter_context(socket.create_connection(address(url), timeout=10)).sendall(head)
        time.sleep(0.5)
        status, body = raw_exchange(url, head)
        assert status == 503 and "too many request bodies" in body["error"]
        assert call(url + "/v1/check", GOOD)[0] == 200  # a small one still fits


def test_sigterm_answers_the_checks_under_way_before_exiting(tmp_path: Path) -> None:
    rules = tmp_path / "slow.yaml"
    rules.write_text(
        "pack: slow\nrules:\n  - id: markup/slow\n    check: pattern\n    severity: info\n"
        "    message: slow\n    scope: block\n    with: {regex: '(a|aa)+$', timeout: 60}\n"
        "    examples: {flag: ['aaaa'], pass: ['b']}\n",
        "utf-8",
    )
    slow = {**GOOD, "body": "<p>" + "a" * 80 + "!</p>"}
    port = free_port()
    log = tmp_path / "stderr.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newslint",
                "serve",
                "--port",
                str(port),
                "--workers",
                "1",
                "--timeout",
                "2",
                "--rules",
                str(rules),
            ],
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=tmp_path,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, proc, log)
            with ThreadPoolExecutor(max_workers=1) as pool:
                pending = pool.submit(timed_check, url, slow)
                time.sleep(0.5)
                proc.terminate()
                status, body, _ = pending.result()
            assert status == 504 and body["status"] == 504  # an answer, not a dropped connection
            assert proc.wait(timeout=10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_a_worker_killed_from_outside_is_replaced(tmp_path: Path) -> None:
    import signal

    port = free_port()
    log = tmp_path / "stderr.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", "1"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=tmp_path,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, proc, log)
            (worker,) = _children(proc.pid)
            os.kill(worker, signal.SIGKILL)
            time.sleep(0.2)
            status, body, _ = timed_check(url, GOOD)  # served by the replacement
            assert status == 200 and body["publishable"] is True
            assert _children(proc.pid) != [worker]
        finally:
            proc.terminate()
            proc.wait(timeout=10)
