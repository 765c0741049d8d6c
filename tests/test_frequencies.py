import pytest
import wordfreq

from pipeline import frequencies
from pipeline.frequencies import ZipfTable, zipf_nl

TRICKY = [
    "Jansen",
    "GEMEENTE",
    "ÉÉN",
    "ideeën",
    "Straße",
    "co-creatie",
    "2024",
    "e-mail",
    "'s",
    "zzqx",
    "İstanbul",
    "ĳs",
    "ﬁets",
    "cafe\u0301",
    "café",
    "wijk-",
    "",
    "  ",
    "b.v.",
    "burgemeester en wethouders",
    "Ölçer",
    "ß",
]


def test_frequencies_match_wordfreq_on_the_list_and_odd_words():
    words = list(wordfreq.iter_wordlist("nl"))
    sample = words[::25] + TRICKY + [w.upper() for w in words[:2000:7]]
    assert len(sample) > 12_000
    mismatches = [(w, zipf_nl(w), wordfreq.zipf_frequency(w, "nl")) for w in sample]
    mismatches = [m for m in mismatches if m[1] != m[2]]
    assert mismatches == []


def test_frequencies_bucket_values_follow_wordfreq():
    assert frequencies.zipf_of_bucket(0) == 9.0
    assert frequencies.zipf_of_bucket(300) == 6.0
    assert [frequencies.zipf_of_bucket(i) for i in (1, 2, 3)] == [
        wordfreq.freq_to_zipf(wordfreq.cB_to_freq(-i)).__round__(2) for i in (1, 2, 3)
    ]


def test_frequencies_cache_is_written_once_and_reused(tmp_path):
    source = frequencies.wordlist_path()
    first = ZipfTable.load(source, cache=tmp_path)
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].name.startswith("zipf_nl_v1_")
    assert first.zipf("gemeente") == zipf_nl("gemeente") > 5
    files[0].write_bytes(b"gemeente\t1.5")
    assert ZipfTable.load(source, cache=tmp_path).zipf("gemeente") == 1.5


def test_frequencies_work_without_a_writable_cache(tmp_path):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    table = ZipfTable.load(frequencies.wordlist_path(), cache=blocker)
    assert len(table) > 300_000 and table.zipf("huis") == zipf_nl("huis")
    assert table.zipf("zzqxw") == 0.0


@pytest.mark.parametrize("word", ["gemeente", "Gemeente", "GEMEENTE"])
def test_frequencies_fold_case_like_wordfreq(word):
    assert zipf_nl(word) == zipf_nl("gemeente")


def test_zipf_en_equals_wordfreq_for_common_english_words_and_is_0_below_zipf_3():
    from wordfreq import zipf_frequency

    from pipeline.frequencies import zipf_en

    for word in ("device", "service", "sticky", "the", "Button"):
        assert zipf_en(word) == zipf_frequency(word, "en")
    assert zipf_en("huis") == 0.0 < zipf_frequency("huis", "en") < 3
