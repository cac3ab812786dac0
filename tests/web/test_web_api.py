"""The JSON API of ``khabar serve``: twins of every page, filters, bounds, errors, safety.

Runs on the seeds database (../shared/seeds) when present, else on the bundled sample.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khabar.cli import app as cli_app
from khabar.store.merge import refresh
from khabar.web.plover import CLASSES
from khabar.web.queries import Bounds

ERROR_KEYS = {"code", "message", "status"}


def db_rows(db: Path, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) >= ERROR_KEYS, body
    assert body["error"]["status"] == status and body["error"]["code"] == code, body
    assert body["error"]["message"]
    return dict(body["error"])


def all_events(client: Any, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["events"]), "seeds and sample fit in one page of 500"
    return list(body["events"])


def a_rtl_event(client: Any) -> dict[str, Any]:
    for e in all_events(client):
        if e["first_mention"] and e["first_mention"]["lang"] in ("fa", "ar"):
            return e
    raise AssertionError("no event told in Persian or Arabic")


# -- the API exists and is described -------------------------------------------------------
def test_openapi_lists_every_endpoint(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/timeline", "/api/network",
                 "/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/facets"):
        assert path in paths, sorted(paths)
        assert set(paths[path]) == {"get"}, f"{path} must be read-only"
        assert "200" in paths[path]["get"]["responses"]
    schemas = spec["components"]["schemas"]
    for name in ("EventSummary", "EventDetail", "Timeline", "Network", "DocumentDetail",
                 "SearchResult", "ErrorResponse"):
        assert name in schemas, sorted(schemas)
    params = {p["name"] for p in paths["/api/search"]["get"]["parameters"]}
    assert {"q", "actor", "country", "type", "class", "since", "until", "lang", "doc",
            "limit"} <= params


@pytest.mark.parametrize("page", [
    "/timeline", "/timeline?zoom=month&type=CONSULT", "/network", "/network?class=verbal_cooperation",
    "/search?q=%D9%82%D8%B1%D9%87", "/events?lang=fa", "/documents",
])
def test_every_page_has_a_json_twin(client: Any, page: str) -> None:
    html = client.get(page, headers={"accept": "text/html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin = "/api" + page
    assert f'href="{twin.replace("&", "&amp;")}"' in html.text, "the page links its JSON twin"
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"].startswith(
        "application/json")
    assert isinstance(data.json(), dict) and data.json()


def test_event_and_document_pages_have_json_twins(client: Any) -> None:
    e = a_rtl_event(client)
    for page in (f"/events/{e['id']}", f"/documents/{e['first_mention']['doc']}"):
        html = client.get(page, headers={"accept": "text/html"})
        assert html.status_code == 200
        assert f'href="/api{page}"' in html.text
        assert client.get("/api" + page).status_code == 200


def test_security_headers_and_no_cdn(client: Any) -> None:
    r = client.get("/timeline", headers={"accept": "text/html"})
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in r.text.replace("http://www.w3.org", "")
    assert "https://" not in r.text
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN


# -- merged events and the read model ------------------------------------------------------
def test_events_are_clusters_with_counts(client: Any, web_db: Any) -> None:
    events = all_events(client)
    reps = db_rows(web_db.path, "SELECT COUNT(*) FROM events WHERE id = cluster")[0][0]
    assert len(events) == reps > 0
    for e in events[:60]:
        assert e["id"] == e["cluster"]
        docs = db_rows(web_db.path,
                       "SELECT COUNT(DISTINCT m.doc_id), COUNT(*) FROM events r JOIN mentions m "
                       "ON m.event_id = r.id WHERE r.cluster = ?", (e["id"],))[0]
        assert (e["source_count"], e["mention_count"]) == docs
        assert e["plover_class"] in CLASSES


def test_event_detail_mentions_are_exact_offsets(client: Any) -> None:
    e = a_rtl_event(client)
    detail = client.get(f"/api/events/{e['id']}").json()
    assert detail["id"] == e["id"] and detail["mentions"]
    assert len(detail["mentions"]) == detail["mention_count"]
    texts: dict[str, str] = {}
    for m in detail["mentions"]:
        if m["doc"] not in texts:
            texts[m["doc"]] = client.get(f"/api/documents/{m['doc']}").json()["text"]
        text = texts[m["doc"]]
        assert text[m["start"]:m["end"]] == m["text"]
        assert text[m["start"] - len(m["before"]):m["start"]] == m["before"]
        assert text[m["end"]:m["end"] + len(m["after"])] == m["after"]


@pytest.fixture
def merged_db(web_db: Any, tmp_path: Path) -> tuple[Path, str, str]:
    """A copy of the database where one reading from another document joined an event."""
    db = tmp_path / "merged.db"
    shutil.copy(web_db.path, db)
    rows = db_rows(db, "SELECT e.id, MIN(m.doc_id) FROM events e JOIN mentions m ON "
                       "m.event_id = e.id WHERE e.id = e.cluster GROUP BY e.id ORDER BY e.id")
    by_doc: dict[str, str] = {}
    for eid, doc in rows:
        by_doc.setdefault(doc, eid)
    assert len(by_doc) >= 2, "needs events from two documents"
    rep, reading = list(by_doc.values())[:2]
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET cluster = ? WHERE id = ?", (rep, reading))
        conn.execute("INSERT INTO merges (event_id, cluster, matched, evidence, merged_at) "
                     "VALUES (?, ?, ?, ?, '2024-01-01T00:00:00')",
                     (reading, rep, rep, json.dumps({"test": "same actors, same day"})))
        refresh(conn, [rep, reading])  # the merged rows, as khabar.store.merge keeps them
    return db, rep, reading


def test_a_merged_event_is_one_event_with_all_mentions(merged_db: tuple[Path, str, str]
                                                       ) -> None:
    from fastapi.testclient import TestClient

    from khabar.web import create_app

    db, rep, reading = merged_db
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client = TestClient(create_app(db))
    ids = [e["id"] for e in all_events(client)]
    assert rep in ids and reading not in ids
    detail = client.get(f"/api/events/{rep}").json()
    assert detail["readings"] == 2 and detail["source_count"] == 2 and detail["merged"]
    assert {m["event"] for m in detail["mentions"]} == {rep, reading}
    joined = next(r for r in detail["readings_detail"] if r["id"] == reading)
    assert joined["merge"]["evidence"] == {"test": "same actors, same day"}
    # any reading's id leads to its merged event
    assert client.get(f"/api/events/{reading}").json()["id"] == rep
    page = client.get(f"/events/{rep}", headers={"accept": "text/html"}).text
    assert "Why these readings are one event" in page and "same actors, same day" in page


# -- filters -------------------------------------------------------------------------------
def test_type_and_class_filters(client: Any, web_db: Any) -> None:
    consult = all_events(client, type="CONSULT")
    expected = db_rows(web_db.path, "SELECT COUNT(*) FROM events WHERE id = cluster AND "
                                    "type = 'CONSULT'")[0][0]
    assert len(consult) == expected > 0 and {e["type"] for e in consult} == {"CONSULT"}
    for cls, info in CLASSES.items():
        got = all_events(client, **{"class": cls})
        assert {e["type"] for e in got} <= set(info["types"])
        assert all(e["plover_class"] == cls for e in got)
    both = all_events(client, type=["CONSULT", "AGREE"])
    assert {e["type"] for e in both} <= {"CONSULT", "AGREE"} and len(both) > len(consult) - 1


def test_language_document_and_date_filters(client: Any, web_db: Any) -> None:
    langs = client.get("/api/facets").json()["langs"]
    for lang in langs:
        got = all_events(client, lang=lang)
        assert got and all(lang in e["langs"] for e in got)
    doc = db_rows(web_db.path, "SELECT doc_id FROM mentions GROUP BY doc_id "
                               "ORDER BY COUNT(*) DESC LIMIT 1")[0][0]
    got = all_events(client, doc=doc)
    assert got
    for e in got[:10]:
        assert doc in {m["doc"] for m in client.get(f"/api/events/{e['id']}").json()["mentions"]}
    dated = [e for e in all_events(client) if e["date"]]
    year = sorted(e["date"][:4] for e in dated)[len(dated) // 2]
    got = all_events(client, since=year, until=year)
    assert got and all(e["date"][:4] <= year <= (e["date_end"] or e["date"])[:4] for e in got)
    assert all(e["date"] for e in all_events(client, since="1000"))


def test_country_filter_any_script(client: Any) -> None:
    facets = client.get("/api/facets").json()
    code = facets["countries"][0]["code"]
    got = all_events(client, country=code)
    assert got
    for e in got:
        assert code in {a["country"] for a in e["source"] + e["target"]} or e["readings"] > 1
    if code == "AZE":  # the seeds: Azerbaijan in Persian finds the same events
        assert [e["id"] for e in all_events(client, country="آذربایجان")] == [
            e["id"] for e in got]


def test_timeline_buckets_sum_to_dated_events(client: Any) -> None:
    for zoom, n in (("year", 4), ("month", 7), ("day", 10)):
        tl = client.get("/api/timeline", params={"zoom": zoom}).json()
        assert tl["zoom"] == zoom and tl["buckets"]
        assert all(len(b["key"]) == n for b in tl["buckets"])
        charted = sum(b["total"] for b in tl["buckets"])
        assert charted + tl["coarser"] + tl["undated"] == tl["total"]
        for b in tl["buckets"]:
            assert sum(b["by_class"].values()) == b["total"] == sum(b["by_type"].values())
    year = client.get("/api/timeline", params={"zoom": "year"}).json()
    assert year["total"] == client.get("/api/events").json()["total"]


def test_network_edges_are_weighted_and_bounded(client: Any) -> None:
    net = client.get("/api/network", params={"limit": 500}).json()
    assert net["nodes"] and net["edges"]
    ids = {n["id"] for n in net["nodes"]}
    for e in net["edges"]:
        assert e["source"] in ids and e["target"] in ids and e["source"] != e["target"]
        assert e["weight"] == sum(e["by_type"].values()) == sum(e["by_class"].values())
        assert e["plover_class"] in CLASSES
    small = client.get("/api/network", params={"limit": 3}).json()
    assert len(small["edges"]) == 3 and small["truncated"]
    weights = sorted((e["weight"] for e in net["edges"]), reverse=True)
    assert [e["weight"] for e in small["edges"]] == weights[:3]
    narrow = client.get("/api/network", params={"since": "2021", "until": "2021"}).json()
    assert sum(e["weight"] for e in narrow["edges"]) < sum(e["weight"] for e in net["edges"])


def test_document_layers_are_exact(client: Any) -> None:
    e = a_rtl_event(client)
    doc = client.get(f"/api/documents/{e['first_mention']['doc']}").json()
    assert doc["text"] and doc["event_marks"] and doc["events"]
    for layer in ("dates", "actors", "events", "sentences"):
        for span in doc["layers"][layer]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
    assert e["id"] in {x["id"] for x in doc["events"]}
    page = client.get(f"/documents/{doc['id']}", headers={"accept": "text/html"}).text
    assert f'dir="rtl" lang="{doc["lang"]}"' in page
    assert page.count('class="ev cls-') == len({(m["start"], m["end"])
                                                 for m in doc["event_marks"]})
    assert 'class="m-actor' in page


# -- search --------------------------------------------------------------------------------
LAVROV = ["Lavrov", "لاوروف", "لافروف", "Sergey Lavrov", "سرگئی لاوروف"]


@pytest.mark.parametrize("field", ["q", "actor"])
def test_lavrov_in_any_script_finds_his_events(client: Any, needs_seeds: Any,
                                               field: str) -> None:
    found = {}
    for spelling in LAVROV:
        body = client.get("/api/search", params={field: spelling, "limit": 500}).json()
        events = body["events"]
        assert events, spelling
        for e in events:
            assert any(a["name"] == "Sergey Lavrov" for a in e["source"] + e["target"]) or (
                field == "q"), e
        found[spelling] = {e["id"] for e in events}
        assert body["resolution"][field]["matches"][0]["id"] == "sergey-lavrov"
    assert len({frozenset(v) for v in found.values()}) == 1, "every spelling finds the same"
    # Persian documents spell him «لاوروف»; the Latin query finds them too
    docs = client.get("/api/search", params={"q": "Lavrov"}).json()["documents"]
    assert docs and all(d["lang"] == "fa" for d in docs)
    assert any("لاوروف" in d["snippet"] for d in docs)


@pytest.mark.parametrize("spelling", ["Bayramov", "بایراموف", "بيراموف", "Jeyhun Bayramov"])
def test_actor_in_any_script_finds_events_told_in_persian_and_arabic(
        client: Any, needs_seeds: Any, spelling: str) -> None:
    """Bayramov is named in the Persian (001, 004) and the Arabic (003) seeds."""
    for field in ("q", "actor"):
        events = client.get("/api/search", params={field: spelling, "limit": 500}).json()[
            "events"]
        langs = {lang for e in events for lang in e["langs"]}
        assert {"fa", "ar"} <= langs, (field, spelling, langs)
        ar = [e for e in events if "ar" in e["langs"]]
        assert any(a["name"] == "Jeyhun Bayramov" for e in ar for a in e["source"] + e["target"])


def test_search_folds_letters_and_zwnj(client: Any, needs_seeds: Any) -> None:
    def docs(q: str) -> set[str]:
        body = client.get("/api/search", params={"q": q}).json()
        return {d["id"] for d in body["documents"]}

    # 000 is typed with Arabic yeh and kaf («يادداشتي»); a Persian-keyboard query finds it
    assert "000_ac455f0bbaee83d5" in docs("یادداشتی")
    assert docs("يادداشتي") == docs("یادداشتی")
    zwnj = docs("آتش\u200cبس")
    assert zwnj and zwnj == docs("آتش بس")  # the non-joiner reads as a space
    assert docs("آتشبس") <= zwnj  # and the spaced form also finds the joined spelling
    events = client.get("/api/search", params={"q": "آتش\u200cبس"}).json()["events"]
    assert events and all(e["first_mention"] for e in events)


def test_search_text_combined_with_filters(client: Any, needs_seeds: Any) -> None:
    everything = client.get("/api/search", params={"q": "قره", "limit": 500}).json()
    arabic = client.get("/api/search", params={"q": "قره", "lang": "ar", "limit": 500}).json()
    assert everything["total"] > arabic["total"] > 0
    assert all("ar" in e["langs"] for e in arabic["events"])
    assert {d["lang"] for d in arabic["documents"]} == {"ar"}
    typed = client.get("/api/search", params={"q": "قره", "type": "ASSAULT"}).json()
    assert typed["events"] and {e["type"] for e in typed["events"]} == {"ASSAULT"}


def test_search_on_the_sample_any_script(client: Any, web_db: Any) -> None:
    if web_db.kind != "sample":
        pytest.skip("the sample database is used only when ../shared is absent")
    for spelling in ("Fidan", "فیدان", "Hakan Fidan"):
        events = client.get("/api/search", params={"actor": spelling}).json()["events"]
        assert events and all("fa" in e["langs"] for e in events), spelling


def test_cli_search_takes_the_same_filters(web_db: Any) -> None:
    runner = CliRunner()
    first = all_events_cli(runner, web_db.path, [])
    assert first["total"] > 0
    typed = all_events_cli(runner, web_db.path, ["--type", "CONSULT"])
    assert typed["total"] and {e["type"] for e in typed["events"]} == {"CONSULT"}
    if web_db.kind == "seeds":
        lav = all_events_cli(runner, web_db.path, ["--actor", "لافروف"])
        assert lav["total"] > 0 and all(
            any(a["name"] == "Sergey Lavrov" for a in e["source"] + e["target"])
            for e in lav["events"])
        table = runner.invoke(cli_app, ["search", "لاوروف", "--db", str(web_db.path)])
        assert table.exit_code == 0 and "Sergey Lavrov" in table.stdout
        assert "hit(s)" in table.stderr
    bad = runner.invoke(cli_app, ["search", "--type", "NOPE", "--db", str(web_db.path)])
    assert bad.exit_code == 2


def all_events_cli(runner: CliRunner, db: Path, args: list[str]) -> dict[str, Any]:
    result = runner.invoke(cli_app, ["search", "--db", str(db), "--json", "--limit", "500",
                                     *args])
    assert result.exit_code == 0, result.stdout + result.stderr
    return dict(json.loads(result.stdout))


# -- errors, bounds and safety -------------------------------------------------------------
def test_unknown_event_and_document_are_404(client: Any) -> None:
    assert_error(client.get("/api/events/0000nope"), 404, "not_found")
    assert_error(client.get("/api/documents/no-such-doc"), 404, "not_found")
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/events/0000nope"), 404, "not_found")  # not asking for HTML
    html = client.get("/events/0000nope", headers={"accept": "text/html"})
    assert html.status_code == 404 and "no event" in html.text


@pytest.mark.parametrize("query", [
    "type=FOO", "class=violent", "since=2020-13-45x", "until=yesterday", "limit=0",
    "limit=501", "offset=-1", "sort=random", "q=" + "x" * 201,
])
def test_bad_parameters_are_422(client: Any, query: str) -> None:
    err = assert_error(client.get("/api/events?" + query), 422, "invalid_parameter")
    assert query.split("=")[0] in err["message"] or "event type" in err["message"] \
        or "class" in err["message"]


def test_bad_zoom_is_422(client: Any) -> None:
    assert_error(client.get("/api/timeline?zoom=week"), 422, "invalid_parameter")


def test_limits_are_bounded(client: Any) -> None:
    assert Bounds().max_limit == 500
    assert client.get("/api/events", params={"limit": 500}).json()["limit"] == 500
    assert len(client.get("/api/events", params={"limit": 2}).json()["events"]) == 2
    assert client.get("/api/network", params={"limit": 501}).status_code == 422
    assert client.get("/api/documents", params={"limit": 501}).status_code == 422


def test_over_budget_is_a_503_timeout(tiny_budget_app: Any) -> None:
    from fastapi.testclient import TestClient

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client = TestClient(tiny_budget_app)
    err = assert_error(client.get("/api/network"), 503, "timeout")
    assert "budget" in err["message"]


def test_writes_are_refused(client: Any, app: Any) -> None:
    assert_error(client.post("/api/events", json={}), 405, "method_not_allowed")
    assert_error(client.delete("/api/events/x"), 405, "method_not_allowed")
    with app.state.model.reader() as reader, pytest.raises(sqlite3.Error):
        reader.conn.execute("CREATE TABLE intruder (x)")


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2f..%2fpyproject.toml", "/static/%2e%2e%2f%2e%2e%2fqueries.py",
    "/static/../app.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
    "/documents/..%2f..%2fpyproject.toml", "/api/documents/../../pyproject.toml",
    "/api/documents/%2e%2e%2f%2e%2e%2fpyproject.toml",
])
def test_no_path_traversal(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "[project]" not in r.text and "root:" not in r.text and "def " not in r.text
    assert r.json()["error"]["code"] == "not_found"


def test_static_files_are_served(client: Any) -> None:
    for name in ("style.css", "khabar.js", "timeline.js", "network.js"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and len(r.text) > 500
    css = client.get("/plover.css").text
    for info in CLASSES.values():
        assert info["colour"] in css


def test_lavrov_is_found_in_persian_and_arabic_reports(tmp_path: Any) -> None:
    """The issue's check, on two reports written for this test (the Arabic seed never names
    Lavrov): a query in any script finds his event told in Persian and in Arabic."""
    from fastapi.testclient import TestClient

    from khabar import Document, Pipeline, open_store
    from khabar.web import create_app

    db = tmp_path / "lavrov.db"
    pipe = Pipeline()
    with open_store(db) as store:
        store.write([
            pipe(Document(id="fa-call", published="2021-11-01", text=(
                "سرگئی لاوروف وزیر امور خارجه روسیه روز دوشنبه در گفت‌وگوی تلفنی با آرارات "
                "میرزویان همتای ارمنی خود درباره اوضاع قره باغ تبادل نظر کرد."))),
            pipe(Document(id="ar-call", published="2021-11-02", text=(
                "أجرى وزير الخارجية الروسي سيرغي لافروف، يوم الاثنين 1 نوفمبر 2021، اتصالا "
                "هاتفيا مع نظيره الأرميني أرارات ميرزويان بحثا خلاله الوضع في قره باغ."))),
        ])
    with TestClient(create_app(db)) as c:
        for spelling in ("Lavrov", "لاوروف", "لافروف"):
            for field in ("q", "actor"):
                events = c.get("/api/search", params={field: spelling}).json()["events"]
                assert {lang for e in events for lang in e["langs"]} == {"fa", "ar"}, spelling
                # one call, told twice: one merged event with both reports
                assert len(events) == 1 and events[0]["source_count"] == 2, events
