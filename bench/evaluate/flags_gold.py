"""Gold annotations of the writing advice ("flags") on real municipal Dutch: load one side.

The annotations are the project's own (``tests/fixtures/real/flags_{dev,heldout}.csv``);
the texts are not committed. Seed units are cut from ``../shared/seeds`` (always available,
also in CI); Amsterdam units come from ``<eval dir>/flags/units.csv``, written by
``python -m bench.evaluate.flags_export``. Conventions: ``docs/evaluation.md``,
"Writing-advice annotations".

API::

    KINDS                      ("passive", "nominalisation", "officialese", "abbreviation",
                                "hard_word")
    SIDES                      ("dev", "heldout", "heldout2", "heldout3", "heldout4",
                                "heldout5", "heldout6", "heldout7", "heldout8",
                                "heldout9", "heldout10", "heldout11", "heldout12",
                                "heldout13", "heldout14", "heldout15", "heldout16",
                                "heldout17", "heldout18", "heldout19",
                                "heldout20");
                               "dev", "heldout", "heldout2" ("dev3", zoning plans, since
                               round 4), "heldout3" ("dev4", Wassenaar budget prose,
                               measured once blind, since round 5) and "heldout4" ("dev5",
                               Wassenaar B&W decision lists and coalition agreement,
                               measured blind, since round 7) are development data;
                               "heldout5" (Wassenaar transfer dossier for the new
                               council; "dev6" since round 8), "heldout6" (Almere council
                               texts and web pages; "dev7", round 9), "heldout7"
                               (Nieuwkoop council proposals and replies; "dev8", round
                               10), "heldout8" (Utrecht research pages; "dev9", round 11)
                               and "heldout9" (Den Haag research pages; "dev10", round 12)
                               were measured blind and are development data now;
                               "heldout10" (Venray, Groningen and Tilburg research pages;
                               "dev11" since round 13) too; "heldout11" (purpose texts
                               of 35 municipalities in the algorithm register) was
                               measured blind ("dev12" since round 16); "heldout12"
                               (Provincie Overijssel Woo documents on energy policy)
                               was measured blind ("dev13" since round 17); "heldout13"
                               (Gemeente Haarlem Woo documents on rat nuisance) was
                               measured blind ("dev14" since round 18); "heldout14"
                               (texts of regional public bodies of the Flevoland
                               municipalities and of Gemeente Noordoostpolder) was
                               measured blind ("dev15" since round 19); "heldout15"
                               (zoning-plan explanations of 40 municipalities, heldout2's
                               genre and corpus, other plans and municipalities) was
                               measured blind ("dev16" since round 20); "heldout16"
                               (budget prose of GGD Flevoland, the joint public health
                               service of the Flevoland municipalities) was measured
                               blind ("dev17" since round 21); "heldout17" (zoning-plan
                               explanations of 40 municipalities, the genre and corpus of
                               heldout2 and heldout15, other plans and municipalities) was
                               measured blind ("dev18" since round 22); "heldout18"
                               (purpose texts of regional public bodies and joint
                               organisations of municipalities in the algorithm
                               register, heldout11's genre, other writers) was measured
                               blind ("dev19" since round 23); "heldout19" (purpose
                               texts of 43 municipalities no other set used in the
                               algorithm register, heldout11's genre and kind of writer)
                               is blind, for figures only; "heldout20" (zoning-plan
                               explanations of 40 municipalities, the genre and corpus
                               of heldout2, heldout15 and heldout17, other plans and
                               municipalities) is blind, for figures only, its
                               annotations pending (ANNOTATIONS_PENDING)
    DATASETS                   ("amsterdam_simplification", "seeds",
                                "plan_toelichting_heldout2", "budget_prose_heldout3",
                                "bw_decisions_heldout4", "coalition_agreement_heldout4",
                                "transfer_dossier_heldout5", "almere_heldout6",
                                "nieuwkoop_heldout7", "utrecht_heldout8",
                                "denhaag_heldout9", "gemeenten_heldout10",
                                "gemeenten_heldout11", "overijssel_heldout12",
                                "haarlem_heldout13", "flevoland_heldout14",
                                "plans_heldout15", "ggd_budget_heldout16",
                                "plans_heldout17", "regional_heldout18",
                                "gemeenten_heldout19", "plans_heldout20")
    load_side(side, datasets=DATASETS, *, eval_dir=None, seeds_dir=None, annotator=1,
              units_only=False) -> GoldSet
        units with their text and the annotations of those units, every hash, length and
        span checked (GoldIntegrityError). Raises GoldTextsMissing when Amsterdam units are
        asked for and the exported texts are not there; pass ``datasets=("seeds",)`` to use
        the seed units only. ``annotator=2`` loads the second, independent annotation of the
        same units (``flags_<side>_second.csv``; sides in SECOND_ANNOTATION_SIDES).
    GoldSet.units              list[Unit] (file order); Unit.text is the unit text
    GoldSet.annotations        list[Annotation]
    GoldSet.by_unit()          {(dataset, unit_id): [Annotation, ...]} (every unit present)
    GoldSet.count(kind)        number of annotations of a kind
    read_unit_refs(side), read_annotations(side, annotator=1)   the committed files,
                               without texts (FileNotFoundError for a side in
                               ANNOTATIONS_PENDING: units listed, annotations not yet)
    cut_seed_units(text)       [(start, stripped line)]: the candidate seed units of a file

A flag of the tool matches a gold annotation when both have the same kind, belong to the same
unit and their character spans overlap; every unit listed has been read in full, so a flag
that overlaps no annotation of its kind is a false positive.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.evaluate.common import ROOT, SHARED, sha256_text
from bench.evaluate.common import eval_dir as default_eval_dir

KINDS = ("passive", "nominalisation", "officialese", "abbreviation", "hard_word")
SIDES = (
    "dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13",
    "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20",
)  # fmt: skip
# The sides cut from the Amsterdam rows and the seeds by flags_export (heldout2: zoning plans,
# written by flags_heldout2_export; heldout3: budget prose, flags_heldout3_export; heldout4:
# B&W decision lists and coalition agreement, flags_heldout4_export; heldout5: transfer
# dossier, flags_heldout5_export; heldout6: Almere council texts and web pages,
# flags_heldout6_export; heldout7: Nieuwkoop council proposals and replies,
# flags_heldout7_export; heldout8: Utrecht research pages, flags_heldout8_export; heldout9:
# Den Haag research pages, flags_heldout9_export; heldout10: Venray, Groningen and Tilburg
# research pages, flags_heldout10_export; heldout11: purpose texts of 35 municipalities in the
# algorithm register, flags_heldout11_export; heldout12: Provincie Overijssel Woo documents on
# energy policy, flags_heldout12_export; heldout13: Gemeente Haarlem Woo documents on rat
# nuisance, flags_heldout13_export; heldout14: texts of regional public bodies of the Flevoland
# municipalities and of Gemeente Noordoostpolder, flags_heldout14_export; heldout15: zoning-plan
# explanations of 40 municipalities, flags_heldout15_export; heldout16: budget prose of GGD
# Flevoland, flags_heldout16_export; heldout17: zoning-plan explanations of 40 other
# municipalities, flags_heldout17_export; heldout18: purpose texts of regional public bodies
# and joint organisations of municipalities in the algorithm register,
# flags_heldout18_export; heldout19: purpose texts of municipalities no other set used in the
# algorithm register, flags_heldout19_export; heldout20: zoning-plan explanations of 40 other
# municipalities, flags_heldout20_export).
SPLIT_SIDES = ("dev", "heldout")
AMSTERDAM = "amsterdam_simplification"
SEEDS = "seeds"
PLANS = "plan_toelichting_heldout2"
BUDGET_PROSE = "budget_prose_heldout3"
BW_DECISIONS = "bw_decisions_heldout4"
COALITION = "coalition_agreement_heldout4"
TRANSFER_DOSSIER = "transfer_dossier_heldout5"
ALMERE = "almere_heldout6"
NIEUWKOOP = "nieuwkoop_heldout7"
UTRECHT = "utrecht_heldout8"
DEN_HAAG = "denhaag_heldout9"
GEMEENTEN = "gemeenten_heldout10"
REGISTER = "gemeenten_heldout11"
OVERIJSSEL = "overijssel_heldout12"
HAARLEM = "haarlem_heldout13"
FLEVOLAND = "flevoland_heldout14"
PLANS15 = "plans_heldout15"
GGD_BUDGET = "ggd_budget_heldout16"
PLANS17 = "plans_heldout17"
REGIONAL18 = "regional_heldout18"
REGISTER19 = "gemeenten_heldout19"
PLANS20 = "plans_heldout20"
DATASETS = (
    AMSTERDAM, SEEDS, PLANS, BUDGET_PROSE, BW_DECISIONS, COALITION, TRANSFER_DOSSIER, ALMERE,
    NIEUWKOOP, UTRECHT, DEN_HAAG, GEMEENTEN, REGISTER, OVERIJSSEL, HAARLEM, FLEVOLAND,
    PLANS15, GGD_BUDGET, PLANS17, REGIONAL18, REGISTER19, PLANS20,
)  # fmt: skip
# Sides annotated a second time, blind and independently, for inter-annotator agreement.
SECOND_ANNOTATION_SIDES = (
    "heldout4", "heldout6", "heldout7", "heldout8", "heldout10", "heldout11", "heldout12",
    "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19",
    "heldout20",
)  # fmt: skip
# Sides whose unit list is committed but whose annotation files are not written yet (the
# annotators' work): tests that need the annotations skip them. Take a side out once both
# its annotation files are committed (a test checks that the two go together).
ANNOTATIONS_PENDING: tuple[str, ...] = ()
ANNOTATORS = (1, 2)
FIXTURES = ROOT / "tests" / "fixtures" / "real"
UNIT_COLUMNS = ("dataset", "unit_id", "text_sha256", "n_chars", "document")
ANNOTATION_COLUMNS = (
    "dataset", "unit_id", "text_sha256", "kind", "start", "end", "span", "alternative", "note",
)  # fmt: skip
UNITS_CSV = ("flags", "units.csv")
PLAN_UNITS_CSV = ("flags", "heldout2_units.csv")
BUDGET_UNITS_CSV = ("flags", "heldout3_units.csv")
DECISION_UNITS_CSV = ("flags", "heldout4_units.csv")
DOSSIER_UNITS_CSV = ("flags", "heldout5_units.csv")
ALMERE_UNITS_CSV = ("flags", "heldout6_units.csv")
NIEUWKOOP_UNITS_CSV = ("flags", "heldout7_units.csv")
UTRECHT_UNITS_CSV = ("flags", "heldout8_units.csv")
DEN_HAAG_UNITS_CSV = ("flags", "heldout9_units.csv")
GEMEENTEN_UNITS_CSV = ("flags", "heldout10_units.csv")
REGISTER_UNITS_CSV = ("flags", "heldout11_units.csv")
OVERIJSSEL_UNITS_CSV = ("flags", "heldout12_units.csv")
HAARLEM_UNITS_CSV = ("flags", "heldout13_units.csv")
FLEVOLAND_UNITS_CSV = ("flags", "heldout14_units.csv")
PLANS15_UNITS_CSV = ("flags", "heldout15_units.csv")
GGD_BUDGET_UNITS_CSV = ("flags", "heldout16_units.csv")
PLANS17_UNITS_CSV = ("flags", "heldout17_units.csv")
REGIONAL18_UNITS_CSV = ("flags", "heldout18_units.csv")
REGISTER19_UNITS_CSV = ("flags", "heldout19_units.csv")
PLANS20_UNITS_CSV = ("flags", "heldout20_units.csv")
# Exported texts of the blind held-out sets: (file, export command, repository it needs).
_EXPORTED_SIDE_TEXTS = {
    PLANS: (PLAN_UNITS_CSV, "flags_heldout2_export", "Babakfifoo/dutch_embedding_llm"),
    BUDGET_PROSE: (BUDGET_UNITS_CSV, "flags_heldout3_export", "benjosb/beleidsbibliotheek"),
    BW_DECISIONS: (DECISION_UNITS_CSV, "flags_heldout4_export", "benjosb/beleidsbibliotheek"),
    COALITION: (DECISION_UNITS_CSV, "flags_heldout4_export", "benjosb/beleidsbibliotheek"),
    TRANSFER_DOSSIER: (DOSSIER_UNITS_CSV, "flags_heldout5_export", "benjosb/beleidsbibliotheek"),
    ALMERE: (ALMERE_UNITS_CSV, "flags_heldout6_export", "meijer1973/azwa"),
    NIEUWKOOP: (NIEUWKOOP_UNITS_CSV, "flags_heldout7_export", "Boyd220/InzichtInBeleid"),
    UTRECHT: (UTRECHT_UNITS_CSV, "flags_heldout8_export", "nl-design-system/gebruikersonderzoeken"),
    DEN_HAAG: (
        DEN_HAAG_UNITS_CSV,
        "flags_heldout9_export",
        "nl-design-system/gebruikersonderzoeken",
    ),
    GEMEENTEN: (
        GEMEENTEN_UNITS_CSV,
        "flags_heldout10_export",
        "nl-design-system/gebruikersonderzoeken",
    ),
    REGISTER: (REGISTER_UNITS_CSV, "flags_heldout11_export", "schellevis/algoritmeregister"),
    OVERIJSSEL: (
        OVERIJSSEL_UNITS_CSV,
        "flags_heldout12_export",
        "Provincie-Zuid-Holland/Provincie-Zuid-Holland-PZH-Wooverzicht",
    ),
    HAARLEM: (HAARLEM_UNITS_CSV, "flags_heldout13_export", "btezcan00/hackathon-milvum"),
    FLEVOLAND: (FLEVOLAND_UNITS_CSV, "flags_heldout14_export", "meijer1973/azwa"),
    PLANS15: (PLANS15_UNITS_CSV, "flags_heldout15_export", "Babakfifoo/dutch_embedding_llm"),
    GGD_BUDGET: (GGD_BUDGET_UNITS_CSV, "flags_heldout16_export", "meijer1973/azwa"),
    PLANS17: (PLANS17_UNITS_CSV, "flags_heldout17_export", "Babakfifoo/dutch_embedding_llm"),
    REGIONAL18: (REGIONAL18_UNITS_CSV, "flags_heldout18_export", "schellevis/algoritmeregister"),
    REGISTER19: (REGISTER19_UNITS_CSV, "flags_heldout19_export", "schellevis/algoritmeregister"),
    PLANS20: (PLANS20_UNITS_CSV, "flags_heldout20_export", "Babakfifoo/dutch_embedding_llm"),
}


class GoldTextsMissing(FileNotFoundError):
    """The texts of some units are not available on this machine."""


class GoldIntegrityError(ValueError):
    """An annotation or unit list does not fit the texts (hash, length, span, column)."""


@dataclass(frozen=True)
class UnitRef:
    """One annotated unit as listed in ``flags_units_<side>.csv`` (no text)."""

    dataset: str
    unit_id: str
    text_sha256: str
    n_chars: int
    document: str


@dataclass(frozen=True)
class Unit(UnitRef):
    """A unit with its text."""

    text: str = ""


@dataclass(frozen=True)
class Annotation:
    """One gold span: ``text[start:end] == span``; ``alternative`` only for officialese and
    abbreviations (may be "" when only a rewrite works, see ``note``)."""

    dataset: str
    unit_id: str
    text_sha256: str
    kind: str
    start: int
    end: int
    span: str
    alternative: str = ""
    note: str = ""


@dataclass
class GoldSet:
    """The units and annotations of one side."""

    side: str
    units: list[Unit]
    annotations: list[Annotation] = field(default_factory=list)

    def by_unit(self) -> dict[tuple[str, str], list[Annotation]]:
        out: dict[tuple[str, str], list[Annotation]] = {
            (u.dataset, u.unit_id): [] for u in self.units
        }
        for ann in self.annotations:
            out[(ann.dataset, ann.unit_id)].append(ann)
        return out

    def count(self, kind: str) -> int:
        return sum(ann.kind == kind for ann in self.annotations)


def units_path(side: str) -> Path:
    _check_side(side)
    return FIXTURES / f"flags_units_{side}.csv"


def annotations_path(side: str, annotator: int = 1) -> Path:
    """``flags_<side>.csv`` (annotator 1) or ``flags_<side>_second.csv`` (annotator 2)."""
    _check_side(side)
    if annotator == 1:
        return FIXTURES / f"flags_{side}.csv"
    if annotator == 2 and side in SECOND_ANNOTATION_SIDES:
        return FIXTURES / f"flags_{side}_second.csv"
    raise ValueError(
        f"annotator must be 1, or 2 for a side in {SECOND_ANNOTATION_SIDES}, not {annotator!r}"
    )


def seeds_dir() -> Path:
    """``GEMEENTETAAL_SEEDS`` or ``../shared/seeds`` (as the tests use)."""
    return Path(os.environ.get("GEMEENTETAAL_SEEDS", SHARED / "seeds"))


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise ValueError(f"side must be one of {SIDES}, not {side!r}")


def _read_csv(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: missing")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != tuple(columns):
            raise GoldIntegrityError(f"{path.name}: columns must be {', '.join(columns)}")
        return list(reader)


def read_unit_refs(side: str) -> list[UnitRef]:
    """The units of a side, in file order (raises on a duplicate unit)."""
    path = units_path(side)
    refs: list[UnitRef] = []
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(_read_csv(path, UNIT_COLUMNS), start=2):
        key = (row["dataset"], row["unit_id"])
        if key in seen:
            raise GoldIntegrityError(f"{path.name} line {i}: unit listed twice")
        seen.add(key)
        refs.append(
            UnitRef(row["dataset"], row["unit_id"], row["text_sha256"], int(row["n_chars"]),
                    row["document"])
        )  # fmt: skip
    return refs


def read_annotations(side: str, annotator: int = 1) -> list[Annotation]:
    """The annotations of a side by one annotator, in file order (columns, kinds and offsets
    checked)."""
    path = annotations_path(side, annotator)
    if side in ANNOTATIONS_PENDING and not path.is_file():
        raise FileNotFoundError(f"{path}: not written yet ({side} is in ANNOTATIONS_PENDING)")
    out: list[Annotation] = []
    for i, row in enumerate(_read_csv(path, ANNOTATION_COLUMNS), start=2):
        if row["kind"] not in KINDS:
            raise GoldIntegrityError(f"{path.name} line {i}: unknown kind")
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError as exc:
            raise GoldIntegrityError(f"{path.name} line {i}: start/end not integers") from exc
        if not 0 <= start < end:
            raise GoldIntegrityError(f"{path.name} line {i}: need 0 <= start < end")
        out.append(
            Annotation(row["dataset"], row["unit_id"], row["text_sha256"], row["kind"], start,
                       end, row["span"], row["alternative"], row["note"])
        )  # fmt: skip
    return out


def cut_seed_units(text: str) -> list[tuple[int, str]]:
    """Candidate units of a seed file: each non-empty ``\\n``-line, ``str.strip()``-ped, with
    the offset of its first character in ``text`` (the unit id is ``<file>:<offset>``)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            out.append((pos + len(line) - len(line.lstrip()), stripped))
        pos += len(line) + 1
    return out


def read_seed_file(path: Path) -> str:
    """A seed file decoded as UTF-8 without newline translation (offsets stay exact)."""
    return path.read_bytes().decode("utf-8")


def seed_texts(unit_ids: Iterable[str], folder: Path | None = None) -> dict[str, str]:
    """The texts of seed units by id, cut from the seed files."""
    folder = folder or seeds_dir()
    cache: dict[str, dict[int, str]] = {}
    out: dict[str, str] = {}
    for unit_id in unit_ids:
        name, _, offset = unit_id.rpartition(":")
        if name not in cache:
            path = folder / name
            if not path.is_file():
                raise GoldTextsMissing(f"seed file {path} not found (set GEMEENTETAAL_SEEDS)")
            cache[name] = dict(cut_seed_units(read_seed_file(path)))
        text = cache[name].get(int(offset))
        if text is None:
            raise GoldIntegrityError(f"seed unit {unit_id}: no line starts at that offset")
        out[unit_id] = text
    return out


def exported_texts(folder: Path | None = None) -> dict[tuple[str, str], str]:
    """Unit texts written by ``flags_export`` (``<eval dir>/flags/units.csv``)."""
    path = (folder or default_eval_dir()).joinpath(*UNITS_CSV)
    if not path.is_file():
        raise GoldTextsMissing(
            f"{path} not found: run `python -m bench.evaluate.flags_export` (needs the fetched "
            "Amsterdam-AI-Team/dutch-municipal-text-simplification repository)"
        )
    rows = _read_csv(path, ("dataset", "unit_id", "text_sha256", "text"))
    return {(r["dataset"], r["unit_id"]): r["text"] for r in rows}


def side_texts(dataset: str, folder: Path | None = None) -> dict[tuple[str, str], str]:
    """Unit texts of a blind held-out set: ``<eval dir>/flags/heldout2_units.csv`` (zoning
    plans), ``heldout3_units.csv`` (budget prose), ``heldout4_units.csv`` (decision lists and
    coalition agreement), ``heldout5_units.csv`` (transfer dossier), ``heldout6_units.csv``
    (Almere council texts and web pages), ``heldout7_units.csv`` (Nieuwkoop council
    proposals and replies), ``heldout8_units.csv`` (Utrecht research pages) or
    ``heldout9_units.csv`` (Den Haag research pages), ``heldout10_units.csv`` (Venray,
    Groningen and Tilburg research pages), ``heldout11_units.csv`` (algorithm register),
    ``heldout12_units.csv`` (Provincie Overijssel Woo documents), ``heldout13_units.csv``
    (Gemeente Haarlem Woo documents), ``heldout14_units.csv`` (regional public bodies of
    the Flevoland municipalities and Gemeente Noordoostpolder), ``heldout15_units.csv``
    (zoning-plan explanations of 40 municipalities), ``heldout16_units.csv`` (budget prose
    of GGD Flevoland), ``heldout17_units.csv`` (zoning-plan explanations of 40 other
    municipalities), ``heldout18_units.csv`` (purpose texts of regional public bodies and
    joint organisations of municipalities in the algorithm register) or
    ``heldout19_units.csv`` (purpose texts of municipalities no other set used in the
    algorithm register) or ``heldout20_units.csv`` (zoning-plan explanations of 40 other
    municipalities), written by its export script."""
    name, command, repository = _EXPORTED_SIDE_TEXTS[dataset]
    path = (folder or default_eval_dir()).joinpath(*name)
    if not path.is_file():
        raise GoldTextsMissing(
            f"{path} not found: run `python -m bench.evaluate.{command}` (needs the fetched "
            f"{repository} repository)"
        )
    rows = _read_csv(path, ("dataset", "unit_id", "document", "path", "text", "text_sha256"))
    return {(r["dataset"], r["unit_id"]): r["text"] for r in rows}


def plan_texts(folder: Path | None = None) -> dict[tuple[str, str], str]:
    """Unit texts of the "heldout2" side (``<eval dir>/flags/heldout2_units.csv``)."""
    return side_texts(PLANS, folder)


def check_against_texts(
    refs: Iterable[UnitRef], annotations: Iterable[Annotation], texts: dict[tuple[str, str], str]
) -> list[str]:
    """Problems (empty when all is well): hashes, lengths, unknown units, spans."""
    problems: list[str] = []
    listed: dict[tuple[str, str], UnitRef] = {}
    for ref in refs:
        key = (ref.dataset, ref.unit_id)
        listed[key] = ref
        text = texts.get(key)
        if text is None:
            problems.append(f"{ref.dataset} {ref.unit_id}: no text")
        elif sha256_text(text) != ref.text_sha256:
            problems.append(f"{ref.dataset} {ref.unit_id}: text hash differs")
        elif len(text) != ref.n_chars:
            problems.append(f"{ref.dataset} {ref.unit_id}: n_chars differs")
    for ann in annotations:
        key = (ann.dataset, ann.unit_id)
        ref = listed.get(key)
        where = f"{ann.dataset} {ann.unit_id} {ann.kind} {ann.start}-{ann.end}"
        if ref is None:
            problems.append(f"{where}: unit not listed in the units file")
            continue
        if ann.text_sha256 != ref.text_sha256:
            problems.append(f"{where}: text_sha256 differs from the units file")
        text = texts.get(key)
        if text is not None and text[ann.start : ann.end] != ann.span:
            problems.append(f"{where}: span is not text[start:end]")
    return problems


def load_side(
    side: str,
    datasets: Iterable[str] = DATASETS,
    *,
    eval_dir: Path | None = None,
    seeds_dir: Path | None = None,
    annotator: int = 1,
    units_only: bool = False,
) -> GoldSet:
    """Units (with texts) and annotations of one side by one annotator, restricted to
    ``datasets``; with ``units_only`` the units alone (no annotation file read: a side in
    ``ANNOTATIONS_PENDING`` checked against its exported texts before it is annotated).

    Raises:
        GoldTextsMissing: Amsterdam units asked for but ``<eval dir>/flags/units.csv`` is
            missing, a held-out set's exported texts are missing, or a seed file is
            missing.
        GoldIntegrityError: a hash, length or span does not fit the texts.
    """
    wanted = set(datasets)
    unknown = wanted - set(DATASETS)
    if unknown:
        raise ValueError(f"unknown datasets: {sorted(unknown)}")
    refs = [r for r in read_unit_refs(side) if r.dataset in wanted]
    annotations = (
        [] if units_only else [a for a in read_annotations(side, annotator) if a.dataset in wanted]
    )
    texts: dict[tuple[str, str], str] = {}
    seed_ids = [r.unit_id for r in refs if r.dataset == SEEDS]
    if seed_ids:
        texts.update({(SEEDS, k): v for k, v in seed_texts(seed_ids, seeds_dir).items()})
    if any(r.dataset == AMSTERDAM for r in refs):
        exported = exported_texts(eval_dir)
        texts.update({k: v for k, v in exported.items() if k[0] == AMSTERDAM})
    for dataset in _EXPORTED_SIDE_TEXTS:
        if any(r.dataset == dataset for r in refs):
            exported_side = side_texts(dataset, eval_dir)
            texts.update({k: v for k, v in exported_side.items() if k[0] == dataset})
    problems = check_against_texts(refs, annotations, texts)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise GoldIntegrityError(f"{side}: " + "; ".join(problems[:5]) + more)
    units = [Unit(**vars(r), text=texts[(r.dataset, r.unit_id)]) for r in refs]
    return GoldSet(side, units, annotations)
