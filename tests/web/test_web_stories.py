"""Story pages (issue #6): ``/stories`` and ``/stories/{id}`` with their JSON twins.

Stories are built on a copy of the test database (``stories_db``, by
``khabar.stories.build_stories``); the plain database has none, and the web interface must say
how to build them rather than build them itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from khabar.web.plover import CLASSES

ERROR_KEYS = {"code", "message", "status"}
SEED_FA, SEED_AR = "001_58d6aff16bf38ad7", "003_40d0f5eff5bdb6b3"


def db_rows(db: Path, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def all_stories(client: Any, **params: Any) -> dict[str, Any]:
    r = client.get("/api/stories", params={"limit": 500, "min_size": 1, **params})
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_openapi_describes_the_story_endpoints(stories_client: Any) -> None:
    spec = stories_client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}"):
        assert set(spec["paths"][path]) == {"get"}
        assert {"200", "404"} <= set(spec["paths"][path]["get"]["responses"])
    schemas = spec["components"]["schemas"]
    for name in ("StoryList", "StoryDetail", "StorySummary", "StoryDocument", "StoryEvent"):
        assert name in schemas, sorted(schemas)
    assert "story" in schemas["DocumentDetail"]["properties"]


def test_story_list_matches_the_tables(stories_client: Any, stories_db: Any) -> None:
    body = all_stories(stories_client)
    rows = db_rows(stories_db.path, "SELECT id, size, first_date, last_date FROM stories")
    assert body["built"] and body["total"] == body["all_stories"] == len(rows) > 0
    assert body["unassigned"] == 0
    assert body["assigned"] == sum(r[1] for r in rows) == db_rows(
        stories_db.path, "SELECT COUNT(*) FROM documents WHERE status = 'ok'")[0][0]
    by_id = {r[0]: r for r in rows}
    stories = body["stories"]
    for st in stories:
        assert (st["size"], st["first_date"], st["last_date"]) == by_id[st["id"]][1:]
        assert st["langs"] == sorted(st["langs"]) and st["title"]
    # largest first, then the most recent
    sizes = [st["size"] for st in stories]
    assert sizes == sorted(sizes, reverse=True)
    # min_size, lang and paging narrow it; limit is bounded like every list
    big = all_stories(stories_client, min_size=2)
    assert all(st["size"] >= 2 for st in big["stories"])
    assert big["total"] == sum(1 for r in rows if r[1] >= 2)
    for lang in {lang for st in stories for lang in st["langs"]}:
        assert all(lang in st["langs"] for st in all_stories(stories_client, lang=lang)[
            "stories"])
    page = all_stories(stories_client, limit=1, offset=1)
    assert page["stories"] == stories[1:2] and page["total"] == len(stories)
    assert stories_client.get("/api/stories", params={"limit": 501}).status_code == 422
    assert stories_client.get("/api/stories", params={"min_size": 0}).status_code == 422


def test_story_detail_lists_documents_and_events(stories_client: Any, stories_db: Any) -> None:
    stories = all_stories(stories_client)["stories"]
    checked = 0
    for summary in stories:
        r = stories_client.get(f"/api/stories/{summary['id']}")
        assert r.status_code == 200, r.text
        st = r.json()
        assert {k: st[k] for k in summary} == summary
        members = db_rows(stories_db.path, "SELECT doc_id, score FROM story_documents "
                                           "WHERE story_id = ?", (st["id"],))
        assert {d["id"] for d in st["documents"]} == {m[0] for m in members}
        assert len(st["documents"]) == st["size"]
        published = [d["published"] for d in st["documents"] if d["published"]]
        assert published == sorted(published), "documents in publication order"
        founder = next(d for d in st["documents"] if d["id"] == st["founder"])
        assert founder["rule"] == "new" and founder["score"] is None
        for d in st["documents"]:
            assert d["rule"] in ("new", "text", "events") and d["evidence"]["rule"] == d["rule"]
            if d["rule"] != "new":
                assert d["score"] is not None and d["matched"] in {x["id"] for x in
                                                                    st["documents"]}
        # the merged events told in its documents, by date, each linked to its tellers
        expected = db_rows(stories_db.path,
                           "SELECT COUNT(DISTINCT COALESCE(r.cluster, r.id)) FROM story_documents "
                           "s JOIN mentions m ON m.doc_id = s.doc_id JOIN events r ON "
                           "r.id = m.event_id WHERE s.story_id = ?", (st["id"],))[0][0]
        assert st["event_count"] == len(st["events"]) == expected
        docs = {d["id"] for d in st["documents"]}
        for e in st["events"]:
            assert e["id"] == e["cluster"] and e["plover_class"] in CLASSES
            assert e["story_docs"] and set(e["story_docs"]) <= docs
        dated = [e["date"] for e in st["events"] if e["date"]]
        assert dated == sorted(dated)
        assert [eid for day in st["timeline"] for eid in day["events"]] == [
            e["id"] for e in st["events"]]
        checked += bool(st["events"])
        # the document page names its story
        doc = stories_client.get(f"/api/documents/{st['founder']}").json()
        assert doc["story"]["id"] == st["id"] and doc["story"]["size"] == st["size"]
    assert checked, "some story tells events"


def test_seeds_001_and_003_share_a_story(stories_client: Any, needs_seeds: Any) -> None:
    """The Persian report (001) and the Arabic one (003) of Bayramov's peace proposal."""
    fa = stories_client.get(f"/api/documents/{SEED_FA}").json()["story"]
    ar = stories_client.get(f"/api/documents/{SEED_AR}").json()["story"]
    assert fa and ar and fa["id"] == ar["id"]
    st = stories_client.get(f"/api/stories/{fa['id']}").json()
    assert {SEED_FA, SEED_AR} <= {d["id"] for d in st["documents"]}
    assert {"fa", "ar"} <= set(st["langs"])
    joined = next(d for d in st["documents"] if d["rule"] != "new")
    assert joined["rule"] == "events" and joined["evidence"]["shared_events"]
    # the events they share are told by both
    shared = set(joined["evidence"]["shared_events"])
    both = {e["id"] for e in st["events"] if {SEED_FA, SEED_AR} <= set(e["story_docs"])}
    assert shared <= both
    assert stories_client.get("/api/stories", params={"min_size": 2}).json()["stories"][0][
        "id"] == st["id"]


def test_unknown_story_is_404(stories_client: Any, client: Any) -> None:
    for c in (stories_client, client):
        for path in ("/api/stories/st-0000000000000000", "/api/stories/nope",
                     "/stories/st-0000000000000000"):
            r = c.get(path)
            assert r.status_code == 404 and r.headers["content-type"].startswith(
                "application/json")
            body = r.json()
            assert set(body) == {"error"} and set(body["error"]) >= ERROR_KEYS
            assert body["error"]["code"] == "not_found" and "no story" in body["error"][
                "message"]
    html = stories_client.get("/stories/nope", headers={"accept": "text/html"})
    assert html.status_code == 404 and "no story" in html.text


def test_stories_not_built_say_how(client: Any, web_db: Any) -> None:
    """On a database where ``khabar stories`` never ran, nothing is built on the fly."""
    body = client.get("/api/stories").json()
    assert not body["built"] and body["stories"] == [] and body["total"] == 0
    assert body["unassigned"] > 0
    page = client.get("/stories", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert f"khabar stories --db {web_db.path.name}" in page.text
    assert db_rows(web_db.path, "SELECT COUNT(*) FROM stories")[0][0] == 0
    assert db_rows(web_db.path, "SELECT COUNT(*) FROM doc_embeddings")[0][0] == 0
    doc = db_rows(web_db.path, "SELECT id FROM documents LIMIT 1")[0][0]
    assert client.get(f"/api/documents/{doc}").json()["story"] is None


def test_story_pages_link_twins_documents_and_events(stories_client: Any) -> None:
    home = stories_client.get("/timeline", headers={"accept": "text/html"}).text
    assert 'href="/stories"' in home, "the navigation links the stories"
    listing = stories_client.get("/stories?min_size=1", headers={"accept": "text/html"}).text
    assert 'href="/api/stories?min_size=1"' in listing
    st = all_stories(stories_client)["stories"][0]
    assert f'href="/stories/{st["id"]}"' in listing
    page = stories_client.get(f"/stories/{st['id']}", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert f'href="/api/stories/{st["id"]}"' in page.text
    detail = stories_client.get(f"/api/stories/{st['id']}").json()
    for d in detail["documents"]:
        assert f'href="/documents/{quote(d["id"], safe="")}"' in page.text
    for e in detail["events"]:
        assert f'href="/events/{e["id"]}"' in page.text
    doc_page = stories_client.get(f"/documents/{quote(st['founder'], safe='')}",
                                  headers={"accept": "text/html"}).text
    assert "Part of story" in doc_page and f'href="/stories/{st["id"]}"' in doc_page
