import gzip

from pipeline.cache import SortedTable, cached_bytes
from pipeline.readability.resources import DATA_DIR


def test_cache_builds_once_then_reads_the_file(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("x")
    calls = []

    def build() -> bytes:
        calls.append(1)
        return b"derived"

    cache = tmp_path / "cache"
    assert cached_bytes("thing_v1", source, build, cache) == b"derived"
    assert cached_bytes("thing_v1", source, build, cache) == b"derived"
    assert len(calls) == 1 and [p.name[:9] for p in cache.iterdir()] == ["thing_v1_"]
    source.write_text("longer source")  # another size: another cache entry
    assert cached_bytes("thing_v1", source, build, cache) == b"derived" and len(calls) == 2


def test_cache_unwritable_directory_still_returns_data(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("x")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cached_bytes("thing_v1", source, lambda: b"data", blocker) == b"data"


def test_cache_sorted_table_lookup(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = tmp_path / "t.tsv.gz"
    rows = ["word\tvalue", "aap\t1\tx", "zee\t4", "één\t2", "ééns\t3"]
    path.write_bytes(gzip.compress("\n".join(rows).encode("utf-8") + b"\n"))
    table = SortedTable.from_gzip(path, "t_v1")
    assert len(table) == 4
    assert table.get("aap") == ["1", "x"] and table.get("één") == ["2"]
    assert "zee" in table and "ze" not in table and "word" not in table


def test_cache_lint_tables_are_sorted_for_bisect():
    for name in ("lint_subtlex_zipf.tsv.gz", "lint_nouns.tsv.gz"):
        lines = gzip.decompress((DATA_DIR / name).read_bytes()).split(b"\n")[1:]
        lines = [line for line in lines if line]
        assert lines == sorted(lines), name
        keys = [line.split(b"\t", 1)[0] for line in lines]
        assert len(keys) == len(set(keys)) > 10_000, name


def test_cache_sorted_table_agrees_with_bisect_on_lines():
    import bisect
    import random

    keys = sorted({"".join(random.Random(i).choices("abcé\t", k=i % 5 + 1)) for i in range(400)})
    keys = [k for k in keys if "\t" not in k]
    table = SortedTable("\n".join(f"{k}\t{i}" for i, k in enumerate(keys)).encode("utf-8"))
    lines = [f"{k}\t".encode() for k in keys]
    probes = [*keys, "", "a", "é", "éé", "ab", "zzz", "0", "abé", "cccccc"]
    for probe in probes:
        i = bisect.bisect_left(lines, probe.encode() + b"\t")
        found = i < len(keys) and keys[i] == probe
        assert (table.get(probe) == [str(i)]) if found else table.get(probe) is None, probe
    assert len(table) == len(keys) and len(SortedTable(b"")) == 0
    assert SortedTable(b"").get("a") is None


def test_cache_fill_user_cache_builds_every_entry_check_reads(tmp_path, monkeypatch):
    import pyphen

    from pipeline.config import ReadabilitySettings
    from pipeline.readability.resources import fill_user_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    fill_user_cache(ReadabilitySettings())
    names = sorted(p.name.rsplit("_", 1)[0] for p in (tmp_path / "gemeentetaal").iterdir())
    assert names == [
        "lint_nouns_v1",
        "lint_subtlex_zipf_v1",
        f"pyphen_{pyphen.__version__}_nl_v1",
        "zipf_en_small_v1",
        "zipf_nl_v1",
    ]


def test_make_room_forgets_the_newer_half_when_full() -> None:
    from pipeline.cache import make_room

    memo = {n: n for n in range(8)}
    make_room(memo, 10)  # not full: nothing forgotten
    assert list(memo) == list(range(8))
    memo.update({8: 8, 9: 9})
    make_room(memo, 10)  # full: the first five added stay
    assert list(memo) == [0, 1, 2, 3, 4]


def test_sorted_table_without_memo_answers_the_same() -> None:
    from pipeline.cache import SortedTable

    class Plain(SortedTable):
        MEMO_SIZE = 0

    data = b"aap\t1\nnoot\t2\nmies\t3"
    remembered, plain = SortedTable(data), Plain(data)
    for key in ("aap", "mies", "noot", "wim", "aap"):
        assert plain.get(key) == remembered.get(key)
    assert not plain._memo and len(remembered._memo) == 4
