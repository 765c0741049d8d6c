"""Export real Dutch texts with a known difficulty class for fitting and testing the B1 verdict.

Each dataset is written to ``<eval dir>/levels/<dataset>/texts.jsonl`` (one JSON object per
text: ``id``, ``text``, ``class`` = ``"easy"`` | ``"normal"``, ``cefr`` (or null),
``source_doc``, ``source_path``, ``role`` = ``"fit"`` | ``"heldout"``, ``n_words``,
``text_sha256``, ``licence``) with a ``PROVENANCE.json`` beside it. Roles come from the
committed ``bench/evaluate/levels_split.json``; split datasets are split by source document,
so no document has texts on both sides. Every run gives byte-identical ``texts.jsonl`` files
for the same fetched commits (PROVENANCE.json carries the export time).

Datasets (see docs/evaluation.md, "Leveled texts for the B1 verdict"):

* ``amsterdam_municipal_pairs``: City of Amsterdam complex/simple sentence pairs (EUPL-1.2);
  the non-reserved rows of one document, in file order, grouped into chunks of consecutive
  rows; the chunk's complex sentences form a "normal" text, its simple sentences an "easy"
  text.
* ``ud_lassysmall_wiki``: UD Dutch LassySmall dev+test (Wikipedia and web pages, CC BY-SA
  4.0), consecutive paragraphs of one document; "normal".
* ``ud_alpino_news``: UD Dutch Alpino dev+test (newspaper text, CC BY-SA 4.0); "normal".
* ``global_storybooks_nl``: the Dutch translations of African Storybook picture books in
  global-asp/global-asp (CC BY 3.0 or CC BY-NC 3.0 per story); "easy", one text per story.
* ``plan_documents_toelichting``: prose from the explanations of Dutch zoning plans
  (municipal decisions, Babakfifoo/dutch_embedding_llm), one text per plan; "normal".

Usage::

    python -m bench.evaluate.levels_export            # every dataset whose repository is fetched
    python -m bench.evaluate.levels_export --only ud_alpino_news
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.evaluate.common import (
    Provenance,
    eval_dir,
    git_head,
    git_ls,
    git_show,
    reserved_hashes,
    reserved_paths,
    sha256_text,
)

SPLIT_FILE = Path(__file__).with_name("levels_split.json")

AMSTERDAM_REPO = "Amsterdam-AI-Team/dutch-municipal-text-simplification"
AMSTERDAM_PATH = "complex-simple-sentences/complex-simple-v1-anonymized.csv"
LASSY_REPO = "UniversalDependencies/UD_Dutch-LassySmall"
ALPINO_REPO = "UniversalDependencies/UD_Dutch-Alpino"
STORY_REPO = "global-asp/global-asp"
PLAN_REPO = "Babakfifoo/dutch_embedding_llm"
# The commit the reserved list refers to; the plan texts were removed from the repository later.
PLAN_COMMIT = "bc65d07f470bd3adfd8ffae115632b16191c7614"
PLAN_DIR = "data/plan_documents/md/"

# Chunking: close a chunk once it has at least TARGET words; a remainder under MIN_WORDS is
# merged into the previous chunk of the same document (or dropped if there is none).
AMSTERDAM_TARGET, UD_TARGET, PLAN_TARGET = 100, 150, 150
MIN_WORDS = 50
PLAN_MAX_WORDS = 400
PLAN_SAMPLE = 250
STORY_MIN_WORDS = 20


@dataclass(frozen=True)
class LevelText:
    """One exported text."""

    id: str
    text: str
    cls: str
    source_doc: str
    source_path: str
    licence: str
    cefr: str | None = None

    def record(self, role: str) -> dict:
        out = asdict(self)
        out["class"] = out.pop("cls")
        out.update(role=role, n_words=n_words(self.text), text_sha256=sha256_text(self.text))
        return out


def n_words(text: str) -> int:
    """Whitespace-separated tokens (the figure the word-count ranges in the docs use)."""
    return len(text.split())


def chunk_units(units: Sequence[str], target: int, min_words: int = MIN_WORDS) -> list[list[int]]:
    """Group consecutive units into chunks of at least ``target`` words.

    Returns lists of unit indices. A last chunk under ``min_words`` is merged into the one
    before it; a document whose units together have fewer than ``min_words`` gives nothing.
    """
    chunks: list[list[int]] = []
    current: list[int] = []
    words = 0
    for i, unit in enumerate(units):
        current.append(i)
        words += n_words(unit)
        if words >= target:
            chunks.append(current)
            current, words = [], 0
    if current:
        if words >= min_words or not chunks:
            chunks.append(current)
        else:
            chunks[-1].extend(current)
    if chunks and sum(n_words(units[i]) for i in chunks[-1]) < min_words:
        chunks.pop()
    return chunks


# --- Amsterdam complex/simple pairs ----------------------------------------------------------


def amsterdam_rows(raw: bytes, reserved: set[str]) -> tuple[list[dict], dict[str, int]]:
    """Non-reserved, usable rows (file order) and counts of what was skipped."""
    skipped = {"reserved": 0, "redacted": 0, "duplicate": 0}
    seen: set[str] = set()
    rows: list[dict] = []
    for index, row in enumerate(csv.DictReader(io.StringIO(raw.decode("utf-8")))):
        complex_, simple = row["Complex"].strip(), row["Simple"].strip()
        if sha256_text(complex_) in reserved:
            skipped["reserved"] += 1
        elif "xxx xxx" in complex_ or "xxx xxx" in simple:
            skipped["redacted"] += 1
        elif complex_ in seen:
            skipped["duplicate"] += 1
        else:
            seen.add(complex_)
            rows.append({"row": index, "doc": row["Document ID"].strip(), "complex": complex_,
                         "simple": simple})  # fmt: skip
    return rows, skipped


def amsterdam_texts(rows: list[dict], licence: str) -> Iterator[LevelText]:
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    for doc in sorted(by_doc, key=_doc_key):
        doc_rows = by_doc[doc]
        for n, idx in enumerate(
            chunk_units([r["complex"] for r in doc_rows], AMSTERDAM_TARGET, MIN_WORDS)
        ):
            part = [doc_rows[i] for i in idx]
            span = f"rows {part[0]['row']}-{part[-1]['row']}"
            for cls, side in (("normal", "complex"), ("easy", "simple")):
                yield LevelText(
                    id=f"ams-d{doc}-c{n:02d}-{side}", text=" ".join(r[side] for r in part),
                    cls=cls, source_doc=f"doc{doc}", source_path=f"{AMSTERDAM_PATH} ({span})",
                    licence=licence,
                )  # fmt: skip


def _doc_key(doc: str) -> tuple[int, str]:
    return (int(doc), doc) if doc.isdigit() else (1 << 30, doc)


def export_amsterdam() -> tuple[Provenance, list[LevelText]]:
    raw = git_show(AMSTERDAM_REPO, AMSTERDAM_PATH)
    rows, skipped = amsterdam_rows(raw, reserved_hashes())
    texts = list(amsterdam_texts(rows, "EUPL-1.2"))
    note = (
        "Complex = original sentence of a municipal document, Simple = the version after "
        "editing by the City's communication experts (simplification, tone of voice, spelling). "
        "Non-reserved rows of one Document ID, in file order, grouped into chunks of consecutive "
        f"rows until the complex side has >= {AMSTERDAM_TARGET} words (a remainder under "
        f"{MIN_WORDS} words is merged into the previous chunk). Each chunk gives a 'normal' text "
        "(complex sentences joined) and an 'easy' text (simple sentences joined). Reserved rows "
        "leave gaps, so a chunk's sentences are consecutive among the usable rows only. Skipped: "
        f"{skipped['reserved']} reserved rows (../shared/reserved, by sha256 of the stripped "
        f"Complex text), {skipped['redacted']} redacted rows ('xxx xxx xxx'), "
        f"{skipped['duplicate']} repeated complex sentences. Anonymisation placeholders "
        "([NAME], [ORGANIZATION], [ADDRESS], [NUMBER]) are kept as in the source."
    )
    prov = Provenance(
        dataset="amsterdam_municipal_pairs", repository=AMSTERDAM_REPO,
        commit=git_head(AMSTERDAM_REPO), paths=[AMSTERDAM_PATH], licence="EUPL-1.2", note=note,
        excluded_reserved=skipped["reserved"],
    )  # fmt: skip
    return prov, texts


# --- UD Dutch treebanks --------------------------------------------------------------------

_SENT_ID = re.compile(r"^(?P<doc>.+?)\.p\.(?P<par>\d+)\.s\.\d+$")


def conllu_paragraphs(conllu: str) -> dict[str, list[list[str]]]:
    """Sentences (``# text``) grouped by document and paragraph, in file order."""
    docs: dict[str, dict[str, list[str]]] = {}
    doc = par = None
    for line in conllu.splitlines():
        if line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip().split("\\")[-1]
            match = _SENT_ID.match(sent_id)
            doc, par = (match["doc"], match["par"]) if match else (sent_id, sent_id)
        elif line.startswith("# text =") and doc is not None:
            docs.setdefault(doc, {}).setdefault(par, []).append(line.split("=", 1)[1].strip())
    return {d: list(pars.values()) for d, pars in docs.items()}


def is_heading(sentences: list[str]) -> bool:
    """A one-sentence paragraph of at most 8 words without closing punctuation (a title)."""
    return (
        len(sentences) == 1
        and n_words(sentences[0]) <= 8
        and not sentences[0].endswith((".", "!", "?", ":", '"', "'", ")"))
    )


def ud_texts(
    conllu: str, prefix: str, path: str, licence: str, doc_prefix: str = ""
) -> Iterator[LevelText]:
    for doc, paragraphs in conllu_paragraphs(conllu).items():
        if not doc.startswith(doc_prefix):
            continue
        body = [" ".join(p) for p in paragraphs if not is_heading(p)]
        for n, idx in enumerate(chunk_units(body, UD_TARGET, MIN_WORDS)):
            yield LevelText(
                id=f"{prefix}-{doc}-c{n:02d}", text="\n\n".join(body[i] for i in idx),
                cls="normal", source_doc=doc, source_path=path, licence=licence,
            )  # fmt: skip


def export_ud(dataset: str, repository: str, prefix: str, genre: str, doc_prefix: str = ""):
    def run() -> tuple[Provenance, list[LevelText]]:
        paths = sorted(p for p in git_ls(repository) if p.endswith(("-dev.conllu", "-test.conllu")))
        texts: list[LevelText] = []
        for path in paths:
            conllu = git_show(repository, path).decode("utf-8")
            texts.extend(ud_texts(conllu, prefix, path, "CC BY-SA 4.0", doc_prefix))
        note = (
            f"{genre}. Class 'normal' by source (ordinary adult text, not written for B1 "
            "readers). Sentences (# text) grouped by the document and paragraph in their "
            "sent_id; heading-like paragraphs (one sentence, <= 8 words, no closing "
            f"punctuation) dropped; consecutive paragraphs chunked to >= {UD_TARGET} words. "
            "The train split is over the snapshot's 4 MiB file limit and absent, so dev+test "
            "only. The same test sentences may serve other evaluations (passive labels)."
        )
        prov = Provenance(dataset=dataset, repository=repository, commit=git_head(repository),
                          paths=paths, licence="CC BY-SA 4.0", note=note)  # fmt: skip
        return prov, texts

    return run


# --- Global Storybooks (African Storybook translations) ------------------------------------

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LICENCE_LINE = re.compile(r"^\*\s*License:\s*\[?([^\]\n]+)\]?", re.MULTILINE)


def story_text(markdown: str) -> tuple[str, str, str]:
    """(title, body, licence) of a global-asp story file.

    The body is the page texts joined as paragraphs; the title line, page markers (``##``),
    images and the credits block (lines starting with ``*``) are left out.
    """
    title = ""
    paragraphs: list[str] = []
    for raw_line in markdown.splitlines():
        line = _IMAGE.sub("", raw_line).strip()
        if not line or line.startswith("##") or line.startswith("*"):
            continue
        if line.startswith("# "):
            title = title or line[2:].strip()
            continue
        paragraphs.append(line)
    match = _LICENCE_LINE.search(markdown)
    licence = match[1].strip() if match else ""
    return title, "\n\n".join(paragraphs), licence


_STORY_LICENCES = {"CC-BY": "CC BY 3.0", "CC-BY-NC": "CC BY-NC 3.0"}


def export_storybooks() -> tuple[Provenance, list[LevelText]]:
    paths = sorted(p for p in git_ls(STORY_REPO, "nl/") if re.search(r"/\d{4}_[^/]+\.md$", p))
    texts: list[LevelText] = []
    dropped: list[str] = []
    for path in paths:
        _, body, licence = story_text(git_show(STORY_REPO, path).decode("utf-8"))
        story = Path(path).stem.split("_", 1)[0]
        if n_words(body) < STORY_MIN_WORDS:
            dropped.append(story)
            continue
        texts.append(LevelText(
            id=f"gsb-nl-{story}", text=body, cls="easy", source_doc=f"story{story}",
            source_path=path, licence=_STORY_LICENCES.get(licence, licence or "CC BY 4.0"),
        ))  # fmt: skip
    note = (
        "Dutch volunteer translations of African Storybook picture books for young children "
        "(Global Storybooks). Class 'easy' by audience (early readers; roughly A1-A2 for adult "
        "learners); no level is given per story. One text per story (title, images, page "
        "markers and credits removed). Licence per story from its credits line: CC BY 3.0 or "
        "CC BY-NC 3.0 (non-commercial; fine for evaluation, do not redistribute commercially). "
        "Translations, not texts first written in Dutch; most are shorter than 80 words. "
        f"Stories under {STORY_MIN_WORDS} words (word lists without sentences) dropped: "
        f"{', '.join(dropped) or 'none'}."
    )
    prov = Provenance(dataset="global_storybooks_nl", repository=STORY_REPO,
                      commit=git_head(STORY_REPO), paths=paths,
                      licence="CC BY 3.0 / CC BY-NC 3.0 (per story)", note=note)  # fmt: skip
    return prov, texts


# --- Zoning-plan explanations (municipal decisions) ----------------------------------------

_MOJIBAKE = ("Ã", "Â", "â€")
_MD_ESCAPE = re.compile(r"\\([^\w\s])")  # markdown escapes: a backslash before punctuation


def repair(line: str) -> str | None:
    """Undo markdown escapes and UTF-8 read as Latin-1; None when the text stays garbled."""
    line = _MD_ESCAPE.sub(r"\1", line).replace("*", "").strip()
    if any(m in line for m in _MOJIBAKE):
        for codec in ("cp1252", "latin-1"):
            try:
                line = line.encode(codec).decode("utf-8")
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
    return None if any(m in line for m in _MOJIBAKE) or "\ufffd" in line else line


def prose_paragraphs(markdown: str) -> list[str]:
    """Running-text paragraphs: >= 12 words, ending in sentence punctuation, not a table row,
    heading or list item."""
    out = []
    for raw_line in markdown.splitlines():
        line = raw_line.strip()
        if not line or line.startswith(("|", "#", "*", "+", "-", ">", "=")):
            continue
        fixed = repair(line)
        if fixed and n_words(fixed) >= 12 and fixed.endswith((".", "!", "?")):
            out.append(fixed)
    return out


def plan_key(path: str) -> str:
    """The plan a file belongs to: its IMRO id up to the last '-' (the version suffix)."""
    stem = Path(path).stem.removeprefix("t_")
    return stem.rsplit("-", 1)[0]


def plan_text(key: str, path: str, markdown: str) -> LevelText | None:
    paragraphs = prose_paragraphs(markdown)
    chosen: list[str] = []
    for paragraph in paragraphs:
        if chosen and sum(map(n_words, chosen)) + n_words(paragraph) > PLAN_MAX_WORDS:
            break
        chosen.append(paragraph)
        if sum(map(n_words, chosen)) >= PLAN_TARGET:
            break
    if sum(map(n_words, chosen)) < PLAN_TARGET:
        return None
    return LevelText(
        id=f"plan-{key}",
        text="\n\n".join(chosen),
        cls="normal",
        source_doc=key,
        source_path=path,
        licence="Auteurswet art. 11 (public-authority decision)",
    )


def export_plans() -> tuple[Provenance, list[LevelText]]:
    reserved = {p for p in reserved_paths() if p.startswith(PLAN_DIR)}
    reserved_plans = {plan_key(p) for p in reserved}
    files = [p for p in git_ls(PLAN_REPO, PLAN_DIR, PLAN_COMMIT) if p.endswith(".md")]
    by_plan: dict[str, list[str]] = {}
    excluded = 0
    for path in files:
        key = plan_key(path)
        if path in reserved or key in reserved_plans:
            excluded += 1
            continue
        by_plan.setdefault(key, []).append(path)
    order = sorted(by_plan, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
    texts: list[LevelText] = []
    missing = 0
    for key in order:
        if len(texts) >= PLAN_SAMPLE:
            break
        path = sorted(by_plan[key])[-1]  # one version per plan: the last in name order
        try:
            markdown = git_show(PLAN_REPO, path, PLAN_COMMIT).decode("utf-8")
        except subprocess.CalledProcessError:  # files of 4 MiB and more are not in the snapshot
            missing += 1
            continue
        text = plan_text(key, path, markdown)
        if text:
            texts.append(text)
    note = (
        "Explanations (toelichting) of Dutch zoning plans, converted to markdown by the "
        "repository's author from ruimtelijkeplannen.nl. Class 'normal' (municipal policy "
        "text, not written for B1 readers). Plans taken in sha256(plan id) order, one version "
        f"per plan, until {PLAN_SAMPLE} plans gave a text; per plan the first running-text "
        "paragraphs (>= 12 words, ending in . ! ?; tables, headings, list items and lines that "
        f"stay garbled after a Latin-1 repair skipped) up to >= {PLAN_TARGET} words "
        f"(<= {PLAN_MAX_WORDS}). Skipped: {excluded} files of reserved plans (listed in "
        "../shared/reserved/plan_documents_reserved.txt, and every other version of those "
        "plans). The repository has no licence file; the plans are decisions of municipal "
        "councils, without copyright under Auteurswet art. 11. Files absent from the "
        f"snapshot (4 MiB and more) passed over: {missing}."
    )
    prov = Provenance(dataset="plan_documents_toelichting", repository=PLAN_REPO,
                      commit=PLAN_COMMIT, paths=[PLAN_DIR], licence="Auteurswet art. 11",
                      note=note, excluded_reserved=excluded)  # fmt: skip
    return prov, texts


# --- splits and writing --------------------------------------------------------------------

EXPORTERS: dict[str, Callable[[], tuple[Provenance, list[LevelText]]]] = {
    "amsterdam_municipal_pairs": export_amsterdam,
    "ud_lassysmall_wiki": export_ud(
        "ud_lassysmall_wiki", LASSY_REPO, "lassy",
        "Dutch Wikipedia articles (Lassy Small; its web-page documents, WR-P-E-I, are left out: "
        "menus and list items stored as one paragraph)", doc_prefix="wiki-",
    ),
    "ud_alpino_news": export_ud("ud_alpino_news", ALPINO_REPO, "alpino",
                                "Dutch newspaper text (Alpino treebank, SoNaR WR-P-P-H/L)"),
    "global_storybooks_nl": export_storybooks,
    "plan_documents_toelichting": export_plans,
}  # fmt: skip


def load_split(path: Path = SPLIT_FILE) -> dict:
    """The committed split: per dataset a role, or per source document for split datasets."""
    return json.loads(path.read_text(encoding="utf-8"))["datasets"]


def role_of(split: dict, dataset: str, source_doc: str) -> str:
    """``"fit"`` or ``"heldout"`` for a text of ``dataset`` from ``source_doc``.

    Raises:
        KeyError: the dataset, or a document of a split dataset, is not in the split file.
    """
    entry = split[dataset]
    if entry["role"] != "split":
        return entry["role"]
    if source_doc in entry["heldout_docs"]:
        return "heldout"
    if source_doc in entry["fit_docs"]:
        return "fit"
    raise KeyError(f"{dataset}: document {source_doc!r} is in neither side of {SPLIT_FILE.name}")


def propose_doc_split(docs: dict[str, int], heldout_share: float = 0.3) -> tuple[list, list]:
    """Assign documents (with their text counts) to fit/held-out in sha256(doc) order, adding
    a document to held-out while that keeps held-out under ``heldout_share`` of all texts.
    Used once to write levels_split.json; the committed lists are what counts."""
    total = sum(docs.values())
    fit, heldout, held = [], [], 0
    for doc in sorted(docs, key=lambda d: hashlib.sha256(d.encode("utf-8")).hexdigest()):
        if held + docs[doc] <= heldout_share * total:
            heldout.append(doc)
            held += docs[doc]
        else:
            fit.append(doc)
    return sorted(fit, key=_natural), sorted(heldout, key=_natural)


def _natural(doc: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", doc))


def write_jsonl_atomic(path: Path, records: Iterable[dict]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".texts-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def export(name: str, split: dict, out_root: Path) -> dict:
    """Export one dataset; returns a summary row."""
    prov, texts = EXPORTERS[name]()
    ids = [t.id for t in texts]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{name}: duplicate text ids")
    records = [t.record(role_of(split, name, t.source_doc)) for t in texts]
    folder = out_root / name
    prov.n_items = write_jsonl_atomic(folder / "texts.jsonl", records)
    prov.note += f" Roles from bench/evaluate/{SPLIT_FILE.name}."
    prov.write(folder)
    summary = {"dataset": name, "texts": len(records)}
    for role in ("fit", "heldout"):
        for cls in ("easy", "normal"):
            rows = [r for r in records if r["role"] == role and r["class"] == cls]
            if rows:
                words = sorted(r["n_words"] for r in rows)
                summary[f"{role}/{cls}"] = f"{len(rows)} ({words[0]}-{words[-1]} w)"
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        choices=sorted(EXPORTERS),
        action="append",
        help="export only this dataset (repeatable)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="output folder (default: <eval dir>/levels)"
    )
    args = parser.parse_args(argv)  # fmt: skip
    out_root = args.out or eval_dir() / "levels"
    split = load_split()
    failures = 0
    for name in args.only or list(EXPORTERS):
        try:
            summary = export(name, split, out_root)
        except (FileNotFoundError, KeyError, ValueError) as exc:
            print(f"{name}: skipped: {exc}", file=sys.stderr)
            failures += 1
            continue
        print("  ".join(f"{k}={v}" for k, v in summary.items()))
    print(f"written under {out_root}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
