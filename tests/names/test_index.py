"""NameIndex: the right entity among many, found through blocking, not by scanning all."""

from __future__ import annotations

from pathlib import Path

from khabar.names import NameIndex, similarity

HERE = Path(__file__).resolve().parent


def _entries() -> list[tuple[str, str]]:
    lines = (HERE / "variants.tsv").read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    return [(name, label) for label, _kind, name, _src in rows]


def _people() -> NameIndex[str]:
    return NameIndex(
        [
            ("Sergey Lavrov", "lavrov"),
            ("Heydar Aliyev", "heydar"),
            ("Ilham Aliyev", "ilham"),
            ("Bashar al-Assad", "bashar"),
            ("Hafez al-Assad", "hafez"),
            ("Mahmoud Abbas", "abbas"),
            ("Abbas Araghchi", "araghchi"),
            ("Vladimir Putin", "putin"),
            ("Nikol Pashinyan", "nikol"),
        ]
        + [(f"Person{i} Name{i}", f"filler{i}") for i in range(300)],
        partial=True,
    )


def test_unlisted_spellings_find_their_entity() -> None:
    index = _people()
    assert [v for v, _ in index.lookup("سيرغي لافروف")] == ["lavrov"]
    assert [v for v, _ in index.lookup("لاوروف")] == ["lavrov"]
    assert [v for v, _ in index.lookup("الهام علی‌اف")] == ["ilham"]
    assert [v for v, _ in index.lookup("حیدرعلیاف")] == ["heydar"]
    assert [v for v, _ in index.lookup("نیکول باشینیان")] == ["nikol"]
    assert [v for v, _ in index.lookup("عباس عراقجي")] == ["araghchi"]


def test_surname_alone_returns_every_bearer_best_first() -> None:
    index = _people()
    found = index.lookup("علی‌اف")
    assert {v for v, _ in found} == {"heydar", "ilham"}
    assert all(score >= index.threshold for _, score in found)
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    assert {v for v, _ in index.lookup("الأسد")} == {"bashar", "hafez"}
    assert index.lookup("Iraq") == []


def test_every_variant_finds_its_group_among_all_groups() -> None:
    entries = _entries()
    index: NameIndex[str] = NameIndex(entries, partial=True)
    assert len(index) == len(entries)
    found = total = 0
    for name, label in entries:
        total += 1
        hits = [v for v, _ in index.lookup(name)]
        found += label in hits
    assert found == total  # each name at least finds itself


def test_blocking_scores_a_small_share_of_the_entries() -> None:
    entries = _entries()
    index: NameIndex[str] = NameIndex(entries, partial=True)
    sizes = [len(index.candidates(name)) for name, _ in entries]
    assert sum(sizes) / len(sizes) < 0.05 * len(entries)


def test_blocking_loses_no_variant_the_full_scan_finds() -> None:
    entries = _entries()
    index: NameIndex[str] = NameIndex(entries, partial=True)
    lost = []
    for name, label in entries:
        candidates = index.candidates(name)
        for i, (other, other_label) in enumerate(entries):
            if other_label != label or i in candidates:
                continue
            if similarity(name, other, partial=True) >= index.threshold:
                lost.append((name, other))
    assert lost == []
