"""Export the units of the fifteenth, blind held-out writing-advice gold set ("heldout15").

Source: explanations (toelichting) of Dutch zoning plans, written by or for municipalities,
in Babakfifoo/dutch_embedding_llm at ``levels_export.PLAN_COMMIT`` (read from the mirror,
``data/plan_documents/md/``: one markdown file per plan version). The same genre and corpus as
heldout2 ("dev3", development data since round 4), **other plans and other municipalities**.

Unit rule (fixed and committed before any unit was read for annotation):

* **Plans left out** (``used_plans``; every version of a plan, by ``levels_export.plan_key``):
  every plan in ``../shared/reserved/plan_documents_reserved.txt``; every plan another part of
  the project reads, computed by calling the selection functions of its exporters: the
  levels held-out plans (``levels_export.export_plans``), the rewrite-judgement plans
  (``rewrite_eval.unused_plans`` and ``fresh_plans`` for fresh, dev2, fresh2, fresh3 and
  fresh4), heldout2 (``flags_heldout2_export.build_units``), the programme documents
  (``programme_real_export.export_plans``, ``programme_other_documents.plans`` 1-80), the
  sentiment candidates (``sentiment_fresh.candidates``, ``sentiment_municipal2.candidates``
  with their defaults); and every plan a committed fixture names (the labelled sentiment
  sets, ``sentiment_municipal.csv`` among them, the judged incivility rows, the rewrite
  judgements, the programme-document fixtures: any ``NL.IMRO.`` id in ``tests/fixtures/``).
  The timing corpus ``municipal_comments`` (``sentiment_data.municipal_rows``) holds
  participation paragraphs of every plan not reserved, read by no one but through the
  labelled sets above; it leaves no plan out by itself.
* **Municipalities left out** (``EXCLUDED_MUNICIPALITIES``): the municipality code of the
  plan id (``NL.IMRO.<code>.``) of the municipalities another writing-advice set is from
  (Nieuwkoop, Almere, Wassenaar, Haarlem, Utrecht, Den Haag, Venray, Groningen, Tilburg,
  Amsterdam; the 35 municipalities of heldout11, ``HELDOUT11_MUNICIPALITIES``; Noordoostpolder
  and the Flevoland municipalities of heldout14) and of every heldout2 plan. A plan id
  without a municipality code (codes 9900 and up are provinces) is left out. (heldout11's and
  heldout14's municipalities were added after the first export, before any annotation:
  a change that does not depend on the units, see docs/evaluation.md.)
* **Order.** Plans in ``sha256(SALT + plan id)`` order, one version per plan (the last in
  name order, as ``levels_export``); a plan whose file is absent from the snapshot (4 MiB and
  more) is passed over; at most one plan per municipality (the first in this order).
* **Units.** The running-text paragraphs of the plan (``levels_export.prose_paragraphs``: >=
  12 words, ending in . ! ?; no table row, heading or list item; markdown escapes undone,
  lines still garbled after a Latin-1 repair dropped) cut into sentences
  (``flags_heldout2_export.split_sentences``). A sentence is a candidate unit when it has at
  least ``MIN_UNIT_WORDS`` words; skipped (counted by reason): a unit already taken; one whose
  hash is in a committed unit list of another set or in ``../shared/reserved/``; a *fragment*
  (not starting like a sentence, ``common.STARTS_UPPER``, or not ending one,
  ``common.ENDS_SENTENCE``); a *table* line (a run of three numbers, ``common.NUMBER_RUN``);
  *markup* (a markdown link or image, an HTML tag, a table bar); *unreadable* characters (a
  control character, C1 controls of a broken repair among them, a private-use or replacement
  character, a letter of a non-Latin script but the micro sign); an e-mail address
  (``email``); a private person (``flags_heldout4_export.names_private_person``, or
  ``PRIVATE_NAME_HASHES`` when an annotator finds one; public officials may stay).
* **Choice.** From each plan at most ``MAX_UNITS_PER_PLAN`` candidate units, the first in
  ``sha256(SALT + plan id + paragraph + sentence)`` order, put back in document order; plans
  are taken until ``TARGET_UNITS`` units. Unit id ``h15-<plan id>-p<paragraph>-u<sentence>``
  (paragraph = index among the plan's running-text paragraphs, sentence = index in the
  paragraph), dataset ``plans_heldout15``, document = the plan id.

Writes ``<eval dir>/flags/heldout15_units.csv`` (``path`` is the file's path in the
repository) and ``heldout15_PROVENANCE.json`` beside it; the texts are not committed.
``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout15.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts;
``--dry-run`` prints the counts only. Needs the mirror and the ``bol_reviews`` and
``municipal_comments`` exports of ``sentiment_data.py`` (the sentiment candidates read them).

The selection takes a ``PlanSetRule`` (side, dataset, salt, municipalities left out, private
persons' hashes; ``RULE`` is heldout15's), so a later set of this corpus (heldout17,
``flags_heldout17_export``; heldout20, ``flags_heldout20_export``) reuses these functions with
its own rule. Two options are off for heldout15 and heldout17 (their units unchanged) and on
for heldout20: ``current_municipalities_only`` (a plan whose code is no current municipality's,
``pipeline/data/municipalities.csv``, is passed over as ``former_municipality``) and
``near_duplicate_sides`` (a candidate whose word set, ``plan_word_set``, has Jaccard similarity
>= ``near_duplicate_jaccard`` with a unit of those sides or a unit already taken is skipped as
``near_duplicate``, and the next candidate in the seeded order is taken).

Usage: ``python -m bench.evaluate.flags_heldout15_export [--unit-list | --check | --dry-run]``
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.evaluate import levels_export as lx
from bench.evaluate.common import (
    ENDS_SENTENCE,
    NUMBER_RUN,
    ROOT,
    STARTS_UPPER,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    reserved_paths,
    sha256_text,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_units import export_side, side_record

SIDE = "heldout15"
DATASET = "plans_heldout15"
SALT = "gemeentetaal heldout15 2026-12-07:"
TARGET_UNITS = 160
MAX_UNITS_PER_PLAN = 4
MIN_UNIT_WORDS = 5
# The municipalities of heldout11 (purpose texts in the algorithm register), by the name its
# unit list gives as the document's prefix ("delft_45394759"): CBS municipality code (checked
# against the corpus: the plans of each code name that municipality; Beekdaelen and
# Landsmeer have no plan in it).
HELDOUT11_MUNICIPALITIES: dict[str, str] = {
    "amersfoort": "0307", "apeldoorn": "0200", "arnhem": "0202", "asten": "0743",
    "beekdaelen": "1954", "berkelland": "1859", "brunssum": "0899", "dalfsen": "0148",
    "dantumadiel": "1891", "de-bilt": "0310", "delft": "0503", "ede": "0228",
    "eindhoven": "0772", "emmen": "0114", "gennep": "0907", "goeree-overflakkee": "1924",
    "gorinchem": "0512", "heemskerk": "0396", "hilversum": "0402", "landsmeer": "0415",
    "leiden": "0546", "maastricht": "0935", "montferland": "1955", "noardeast-fryslan": "1970",
    "oirschot": "0823", "oss": "0828", "purmerend": "0439", "rijswijk": "0603",
    "rotterdam": "0599", "steenwijkerland": "1708", "stichtse-vecht": "1904",
    "waadhoeke": "1949", "waterland": "0852", "zutphen": "0301", "zwolle": "0193",
}  # fmt: skip
# The municipalities of the other writing-advice sets, by CBS municipality code (the code in
# the plan id, NL.IMRO.<code>.): the Amsterdam letters (dev), Wassenaar (heldout3-5), Almere
# (heldout6), Nieuwkoop (heldout7), Utrecht (heldout8), Den Haag (heldout9), Venray, Groningen
# and Tilburg (heldout10), the 35 of heldout11, Haarlem (heldout13), Noordoostpolder and the
# Flevoland municipalities whose regional bodies wrote heldout14 (Almere, Lelystad, Dronten,
# Urk, Zeewolde).
EXCLUDED_MUNICIPALITIES: dict[str, str] = {
    "0569": "Nieuwkoop", "0034": "Almere", "0629": "Wassenaar", "0392": "Haarlem",
    "0344": "Utrecht", "0518": "Den Haag", "0984": "Venray", "0014": "Groningen",
    "0855": "Tilburg", "0363": "Amsterdam", "0171": "Noordoostpolder", "0995": "Lelystad",
    "0303": "Dronten", "0184": "Urk", "0050": "Zeewolde",
    **{code: name for name, code in HELDOUT11_MUNICIPALITIES.items()},
}  # fmt: skip
# The programme-document plans (programme_other_documents: plans 1-40 development, 41-80
# held out).
PROGRAMME_OTHER_PLANS = 80
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class PlanSetRule:
    """What sets one writing-advice set of zoning-plan sentences apart from another: its side,
    dataset and salt, the municipalities it leaves out besides heldout2's (code -> name), the
    hashes of units an annotator found naming a private person, and its size."""

    side: str
    dataset: str
    salt: str
    excluded_municipalities: Mapping[str, str]
    private_name_hashes: frozenset[str] = frozenset()
    target_units: int = TARGET_UNITS
    max_units_per_plan: int = MAX_UNITS_PER_PLAN
    current_municipalities_only: bool = False
    near_duplicate_sides: tuple[str, ...] = ()
    near_duplicate_jaccard: float = 0.7

    @property
    def unit_prefix(self) -> str:
        """The unit-id prefix ("heldout15" -> "h15")."""
        return self.side.replace("heldout", "h", 1)


RULE = PlanSetRule(SIDE, DATASET, SALT, EXCLUDED_MUNICIPALITIES, PRIVATE_NAME_HASHES)

_PLAN_ID = re.compile(r"NL\.IMRO\.[^\s,;\"'/()<>|]+")
_MUNICIPALITY = re.compile(r"^NL\.IMRO\.(\d{4})\.")
_EMAIL = re.compile(r"\S@\S")
_MICRO = frozenset("\u00b5\u03bc")  # micro sign, Greek mu (units of measure)
_MARKUP = re.compile(r"\]\(|!\[|</?[A-Za-z][^>]*>|\|")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
MUNICIPALITIES_CSV = ROOT / "pipeline" / "data" / "municipalities.csv"


def current_municipality_codes() -> set[str]:
    """The CBS codes of the current municipalities (``pipeline/data/municipalities.csv``)."""
    import csv

    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["cbs_code"].removeprefix("GM") for row in csv.DictReader(handle)}


def plan_word_set(text: str) -> frozenset[str]:
    """The words of a sentence for the near-duplicate check: lower case, digits removed, the
    runs of letters left."""
    return frozenset(_LETTERS.findall(_DIGIT.sub(" ", text.lower())))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a & b| / |a | b| (1.0 for two empty sets)."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def reference_word_sets(sides: Sequence[str]) -> list[frozenset[str]]:
    """The word sets of the units of ``sides`` (their exported texts, ``flags_gold.side_texts``,
    checked against the hashes of their committed unit lists; a mismatch is an error)."""
    from bench.evaluate import flags_gold as fg

    out: list[frozenset[str]] = []
    for side in sides:
        refs = fg.read_unit_refs(side)
        texts = fg.side_texts(refs[0].dataset)
        for ref in refs:
            text = texts[(ref.dataset, ref.unit_id)]
            if sha256_text(text) != ref.text_sha256:
                raise ValueError(f"{side} unit {ref.unit_id}: exported text does not match")
            out.append(plan_word_set(text))
    return out


def municipality(key: str) -> str | None:
    """The municipality code of a plan id ("NL.IMRO.0361.BP..." -> "0361"); None when the id
    has none (codes 9900 and up are provinces)."""
    match = _MUNICIPALITY.match(key)
    if not match or int(match.group(1)) >= 9900:
        return None
    return match.group(1)


def side_municipalities(side: str) -> set[str]:
    """The municipality codes of the plans of a zoning-plan set (its committed unit list)."""
    from bench.evaluate.flags_gold import read_unit_refs

    return {m for r in read_unit_refs(side) if (m := municipality(r.document))}


def plan_keys_in(text: str, keys: set[str]) -> set[str]:
    """The plan ids of ``keys`` a text names: as a bare id, a versioned file name
    ("t_<id>-<version>.md", a repository path) or an id with ".md" ("plan_<id>.md")."""
    out: set[str] = set()
    for match in _PLAN_ID.finditer(text):
        token = match.group(0).rstrip(".")
        stem = token.split(".md", 1)[0]
        for candidate in (token, stem, stem.rsplit("-", 1)[0]):
            if candidate in keys:
                out.add(candidate)
                break
    return out


def fixture_plans(keys: set[str], side: str = SIDE) -> set[str]:
    """The plan ids of ``keys`` that a committed fixture names, in its file name or text;
    the set's own files (``flags_units_<side>.csv``, its annotations) are not read."""
    out: set[str] = set()
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and side not in path.name:
            text = path.read_text(encoding="utf-8", errors="replace")
            out |= plan_keys_in(f"{path.name}\n{text}", keys)
    return out


def used_plans(keys: set[str], side: str = SIDE) -> dict[str, list[str]]:
    """Plan id -> the parts of the project that read it (see the module docstring); the
    fixtures of ``side`` itself are not read."""
    from bench.evaluate import flags_heldout2_export as h2
    from bench.evaluate import programme_other_documents as pod
    from bench.evaluate import programme_real_export as pre
    from bench.evaluate import rewrite_eval as rw
    from bench.evaluate import sentiment_fresh as sf
    from bench.evaluate import sentiment_municipal2 as sm2

    used: dict[str, list[str]] = {}

    def add(keys, reason: str) -> None:
        for key in sorted(set(keys)):
            used.setdefault(key, []).append(reason)

    add((text.source_doc for text in lx.export_plans()[1]), "levels")
    add((key for key, _ in rw.unused_plans(rw.REST_PLANS)), "rewrite_rest")
    fresh = (rw.FRESH_PLANS + rw.DEV2_PLANS + rw.FRESH2_PLANS + rw.FRESH3_PLANS
             + rw.FRESH4_PLANS)  # fmt: skip
    add((key for key, _ in rw.fresh_plans(fresh)), "rewrite_fresh_dev2_fresh2-4")
    add({row["document"] for row in h2.build_units()[0]}, "heldout2")
    with tempfile.TemporaryDirectory() as tmp:
        add((lx.plan_key(p) for p in pre.export_plans(Path(tmp))[0]), "programme_real")
    add((lx.plan_key(p) for p, _ in pod.plans(PROGRAMME_OTHER_PLANS)), "programme_other")
    fresh_rows = sf.candidates(200, 130)
    add((lx.plan_key(r["path"]) for r in fresh_rows if r["path"]), "sentiment_fresh")
    add((lx.plan_key(r["path"]) for r in sm2.candidates(460, 3)), "sentiment_municipal2")
    add(fixture_plans(keys, side), "fixtures")
    return used


def heldout2_municipalities() -> set[str]:
    """The municipality codes of the heldout2 plans (its committed unit list)."""
    from bench.evaluate.flags_gold import read_unit_refs

    return {m for r in read_unit_refs("heldout2") if (m := municipality(r.document))}


def reserved_plans() -> set[str]:
    """The plan ids of ``../shared/reserved/plan_documents_reserved.txt``."""
    return {lx.plan_key(p) for p in reserved_paths() if p.startswith(lx.PLAN_DIR)}


def plan_files() -> dict[str, list[str]]:
    """Plan id -> its markdown files at the commit."""
    from bench.evaluate.common import git_ls

    by_plan: dict[str, list[str]] = {}
    for path in git_ls(lx.PLAN_REPO, lx.PLAN_DIR, lx.PLAN_COMMIT):
        if path.endswith(".md"):
            by_plan.setdefault(lx.plan_key(path), []).append(path)
    return by_plan


def order_key(*parts: object, salt: str = SALT) -> str:
    """The seeded order: sha256 of the salt and the parts."""
    return hashlib.sha256((salt + ":".join(map(str, parts))).encode("utf-8")).hexdigest()


def has_unreadable(unit: str) -> bool:
    """A control (the C1 controls of a broken UTF-8 repair among them), private-use,
    unassigned or replacement character, or a letter of another script than Latin (the micro
    sign of a unit such as "µg/m3" is read)."""
    for char in unit:
        category = unicodedata.category(char)
        if char == "\ufffd" or category in ("Cc", "Co", "Cn", "Cs"):
            return True
        if (
            category.startswith("L")
            and char not in _MICRO
            and not unicodedata.name(char, "").startswith("LATIN")
        ):
            return True
    return False


def skip_reason(unit: str) -> str | None:
    """Why a sentence is no unit (None: it is one), before the hash and person checks."""
    if len(unit.split()) < MIN_UNIT_WORDS:
        return "short"
    if not STARTS_UPPER.search(unit) or not ENDS_SENTENCE.search(unit):
        return "fragment"
    if NUMBER_RUN.search(unit):
        return "table"
    if _MARKUP.search(unit):
        return "markup"
    if has_unreadable(unit):
        return "unreadable"
    if _EMAIL.search(unit):
        return "email"
    return None


def plan_units(
    key: str,
    markdown: str,
    blocked: set[str],
    seen: set[str],
    skipped: Counter,
    rule: PlanSetRule = RULE,
    references: Sequence[frozenset[str]] = (),
) -> list[tuple[int, int, str]]:
    """(paragraph, sentence, unit) of the chosen units of one plan, in document order; with
    ``references`` (the word sets of other sets' units and of the units already taken) a
    near-duplicate candidate is passed over for the next."""
    candidates: list[tuple[int, int, str]] = []
    digests: set[str] = set()
    for p_i, paragraph in enumerate(lx.prose_paragraphs(markdown)):
        for u_i, sentence in enumerate(split_sentences(paragraph)):
            unit = sentence.strip()
            digest = sha256_text(unit)
            reason = skip_reason(unit)
            if reason is None:
                if digest in seen or digest in digests:
                    reason = "duplicate"
                elif digest in blocked:
                    reason = "other_set_or_reserved"
                elif digest in rule.private_name_hashes or names_private_person(unit):
                    reason = "private_name"
            if reason:
                skipped[reason] += 1
                continue
            digests.add(digest)
            candidates.append((p_i, u_i, unit))
    candidates.sort(key=lambda c: order_key(key, c[0], c[1], salt=rule.salt))
    if not rule.near_duplicate_sides:
        return sorted(candidates[: rule.max_units_per_plan])
    chosen: list[tuple[int, int, str]] = []
    words_taken: list[frozenset[str]] = []
    for candidate in candidates:
        if len(chosen) >= rule.max_units_per_plan:
            break
        words = plan_word_set(candidate[2])
        if any(
            jaccard(words, other) >= rule.near_duplicate_jaccard
            for other in (*references, *words_taken)
        ):
            skipped["near_duplicate"] += 1
            continue
        words_taken.append(words)
        chosen.append(candidate)
    return sorted(chosen)


def build_units(rule: PlanSetRule = RULE) -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    by_plan = plan_files()
    reserved = reserved_plans()
    used = used_plans(set(by_plan), rule.side)
    excluded_municipalities = set(rule.excluded_municipalities) | heldout2_municipalities()
    blocked = reserved_first_fields() | other_flag_set_units(rule.side)
    current = current_municipality_codes() if rule.current_municipalities_only else None
    references = reference_word_sets(rule.near_duplicate_sides)
    n_references = len(references)
    order = sorted(by_plan, key=lambda key: order_key(key, salt=rule.salt))
    plan_skips: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    towns: set[str] = set()
    paragraphs_read = 0
    rows: list[dict] = []
    shas: dict[str, str] = {}
    for key in order:
        if len(rows) >= rule.target_units:
            break
        town = municipality(key)
        if key in reserved:
            plan_skips["reserved"] += 1
        elif key in used:
            plan_skips["used_elsewhere"] += 1
        elif town is None:
            plan_skips["no_municipality"] += 1
        elif town in excluded_municipalities:
            plan_skips["municipality_of_another_set"] += 1
        elif current is not None and town not in current:
            plan_skips["former_municipality"] += 1
        elif town in towns:
            plan_skips["municipality_taken"] += 1
        else:
            path = sorted(by_plan[key])[-1]
            try:
                data = git_show(lx.PLAN_REPO, path, lx.PLAN_COMMIT)
            except subprocess.CalledProcessError:
                plan_skips["absent_from_snapshot"] += 1
                continue
            markdown = data.decode("utf-8", errors="replace")
            units = plan_units(key, markdown, blocked, seen, skipped, rule, references)
            if not units:
                plan_skips["no_unit"] += 1
                continue
            towns.add(town)
            paragraphs_read += len(lx.prose_paragraphs(markdown))
            shas[path] = hashlib.sha256(data).hexdigest()
            for p_i, u_i, unit in units:
                digest = sha256_text(unit)
                seen.add(digest)
                if rule.near_duplicate_sides:
                    references.append(plan_word_set(unit))
                unit_id = f"{rule.unit_prefix}-{key}-p{p_i}-u{u_i}"
                rows.append(dict(dataset=rule.dataset, unit_id=unit_id, document=key, path=path,
                                 text=unit, text_sha256=digest))  # fmt: skip
    counts = {
        "units": len(rows),
        "words": sum(len(r["text"].split()) for r in rows),
        "plans": len({r["document"] for r in rows}),
        "municipalities": len({municipality(r["document"]) for r in rows}),
        "units_per_plan": dict(Counter(r["document"] for r in rows)),
        # the keys the shared summary line prints (flags_units.write_side)
        "paragraphs_used": len({r["unit_id"].rsplit("-u", 1)[0] for r in rows}),
        "units_per_genre": {"plan": len(rows)},
        "units_per_document": {"plans": len({r["document"] for r in rows})},
        "paragraphs_available": {"plan": paragraphs_read},
        "plans_in_corpus": len(by_plan),
        "plans_used_elsewhere": len(used),
        "plans_used_elsewhere_by_part": dict(Counter(r for rs in used.values() for r in rs)),
        "municipalities_excluded": sorted(excluded_municipalities),
        "plans_passed_over": dict(plan_skips),
        "skipped": dict(skipped),
    }
    if rule.near_duplicate_sides:
        counts["near_duplicate_references"] = n_references
    return rows, counts, shas


def provenance(
    rows: list[dict], counts: dict, shas: dict[str, str], rule: PlanSetRule = RULE
) -> dict:
    """The provenance record of the export (written beside the units)."""
    skipped = {"other_set_or_reserved": counts["skipped"].get("other_set_or_reserved", 0)}
    record = side_record(
        rule.side,
        rows,
        {**counts, "skipped": skipped},
        shas,
        repository=lx.PLAN_REPO,
        commit=lx.PLAN_COMMIT,
        paths=[lx.PLAN_DIR],
        licence="Explanations of zoning plans (decisions of municipal councils, made public by "
        "the municipalities on ruimtelijkeplannen.nl), converted to markdown by the "
        "repository's author; the repository has no licence file. Auteurswet art. 11 / 15b. "
        "Texts not committed.",
        note=(
            f"Running-text sentences of zoning-plan explanations (levels_export."
            f"prose_paragraphs, flags_heldout2_export.split_sentences), plans in "
            f"sha256(salt + plan id) order, one version per plan, one plan per municipality, "
            f"plans and municipalities used elsewhere left out; <= {rule.max_units_per_plan} "
            f"units of >= {MIN_UNIT_WORDS} words per plan, {rule.target_units} units. Counts: "
            f"{json.dumps(counts)}"
        ),
    )
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
        per_document=("units_per_plan", "plan"),
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
