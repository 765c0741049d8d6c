"""Export the public texts used to train and evaluate sentiment and incivility.

Reads fetched repositories (``/work/.mirror``) and writes, outside the repository, to
``<eval dir>/<dataset>/`` a CSV plus ``PROVENANCE.json`` (see ``common.py``):

=====================  ======================================================================
dataset                what
=====================  ======================================================================
``bol_reviews``        3,575 bol.com book/e-reader reviews with a binary polarity label, from
                       clips/pattern ``test/corpora/polarity-nl-bol.com.csv`` (BSD-3-Clause).
                       Split by text hash: ``train`` (used to train the shipped model) and
                       ``test`` (never trained on).
``hatecheck_nl``       3,835 Dutch HateCheck functional tests (tommasoc80/DALC, GPL-3.0).
                       Split by template: even ``templ_id`` = ``dev`` (patterns may be looked at),
                       odd = ``test`` (held out). Evaluation only.
``ud_lassysmall``      Sentences of UD Dutch LassySmall dev+test (Wikipedia, CC BY-SA 4.0);
                       split by hash into ``train`` (neutral training text) and ``test``.
``municipal_comments`` Real participation texts: residents' views (summaries of *zienswijzen*
                       and *inspraakreacties*) and the municipality's answers from zoning-plan
                       explanations (Babakfifoo/dutch_embedding_llm, reserved plans skipped),
                       and paragraphs of posts by the residents' association VughtParticipeert
                       (reserved posts, and paragraphs also found in them, skipped).
                       Labelled by hand in ``tests/fixtures/real/sentiment_municipal.csv``;
                       never used for training.
=====================  ======================================================================

The DALC corpus itself (tweets) is published as ids and labels only; its texts need a data
sharing agreement, so it is not exported.

Run: ``python bench/evaluate/sentiment_data.py [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.evaluate.common import (
    Provenance,
    eval_dir,
    git_dir,
    git_head,
    git_ls,
    git_show,
    reserved_paths,
    sha256_text,
    write_csv,
)

PATTERN = "clips/pattern"
DALC = "tommasoc80/DALC"
LASSY = "UniversalDependencies/UD_Dutch-LassySmall"
PLANS = "Babakfifoo/dutch_embedding_llm"
PLANS_COMMIT = "bc65d07f470bd3adfd8ffae115632b16191c7614"
VUGHT = "VughtParticipeert/vught"


def split_of(text: str, parts: tuple[str, str] = ("train", "test")) -> str:
    """A stable half split by the text's hash."""
    return parts[int(sha256_text(text)[:8], 16) % 2]


def export_bol(out: Path) -> int:
    path = "test/corpora/polarity-nl-bol.com.csv"
    raw = git_show(PATTERN, path).decode("utf-8")
    rows = []
    for n, (score, text) in enumerate(csv.reader(io.StringIO(raw)), start=1):
        text = text.replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<").strip()
        label = "positief" if score.strip() == "1" else "negatief"
        rows.append({"row": n, "text": text, "label": label, "split": split_of(text),
                     "text_sha256": sha256_text(text)})  # fmt: skip
    folder = out / "bol_reviews"
    n = write_csv(
        folder / "bol_reviews.csv", rows, ["row", "text", "label", "split", "text_sha256"]
    )
    note = "bol.com customer reviews, label 1/-1 from the review score"
    licence = "BSD-3-Clause (Pattern)"
    Provenance("bol_reviews", PATTERN, git_head(PATTERN), [path], licence, note, n).write(folder)
    return n


def export_hatecheck(out: Path) -> int:
    path = "hatecheck-nl/hatecheck-nl.csv"
    raw = git_show(DALC, path).decode("utf-8")
    rows = []
    for n, row in enumerate(csv.DictReader(io.StringIO(raw)), start=1):
        template = row.get("templ_id") or row.get("case_id") or str(n)
        digits = re.sub(r"\D", "", template) or str(n)
        rows.append({
            "row": n, "case_id": row["case_id"], "functionality": row["functionality"],
            "text": row["test_case"].strip(), "label": row["label_gold"],
            "target": row.get("target_ident", ""), "templ_id": template,
            "split": "dev" if int(digits) % 2 == 0 else "test",
            "text_sha256": sha256_text(row["test_case"]),
        })  # fmt: skip
    folder = out / "hatecheck_nl"
    fields = ["row", "case_id", "functionality", "text", "label", "target", "templ_id", "split",
              "text_sha256"]  # fmt: skip
    n = write_csv(folder / "hatecheck_nl.csv", rows, fields)
    Provenance("hatecheck_nl", DALC, git_head(DALC), [path], "GPL-3.0 (repository licence)",
               "Dutch HateCheck; split by template id parity (even = dev, odd = test)",
               n).write(folder)  # fmt: skip
    return n


def conllu_sentences(text: str) -> Iterator[tuple[str, str]]:
    sent_id = ""
    for line in text.splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            yield sent_id, line.split("=", 1)[1].strip()


def export_lassy(out: Path) -> int:
    paths = [p for p in git_ls(LASSY) if p.endswith((".conllu",)) and "train" not in p]
    rows = []
    for path in paths:
        for sent_id, text in conllu_sentences(git_show(LASSY, path).decode("utf-8")):
            if len(text.split()) < 4:
                continue
            rows.append({"sent_id": sent_id, "path": path, "text": text, "split": split_of(text),
                         "text_sha256": sha256_text(text)})  # fmt: skip
    folder = out / "ud_lassysmall"
    n = write_csv(folder / "ud_lassysmall.csv", rows,
                  ["sent_id", "path", "text", "split", "text_sha256"])  # fmt: skip
    Provenance("ud_lassysmall", LASSY, git_head(LASSY), paths, "CC BY-SA 4.0",
               "Wikipedia sentences (Lassy Small); the train file is over the snapshot size "
               "limit and is not used", n).write(folder)  # fmt: skip
    return n


# --- municipal participation texts ----------------------------------------------------------

HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|\|\s*)?(?P<head>[^\n]{0,120})$")
RESIDENT_CUE = re.compile(
    r"samenvatting|zienswijze\s*\d|inspraakreactie\s*\d|reactie\s*\d|reactie van (?:de )?"
    r"(?:indiener|inspreker|reclamant|bewoner)|inhoud (?:van de )?(?:zienswijze|reactie)",
    re.IGNORECASE,
)
ANSWER_CUE = re.compile(
    r"beantwoording|reactie (?:van )?(?:de )?(?:gemeente|college)|standpunt (?:van )?(?:de )?"
    r"gemeente|overweging|commentaar (?:van )?(?:de )?gemeente|antwoord",
    re.IGNORECASE,
)
MIN_CHARS, MAX_CHARS = 80, 1500


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_#>|]+", " ", text)
    text = text.replace("\\", "")
    return " ".join(text.split())


PARTICIPATION_CUE = re.compile(
    r"\b(?:reclamanten?|indieners?|insprekers?|inspraakreacties?|zienswijzen?|omwonenden|"
    r"u voert aan|u geeft aan|u vraagt|u stelt|u maakt|u bent van mening)\b",
    re.IGNORECASE,
)


def plan_paragraphs(doc: str) -> Iterator[tuple[str, str]]:
    """(kind, paragraph) for paragraphs about residents' views or the answers to them.

    A paragraph counts when it is under a resident-view or answer heading, or names the
    participation itself (reclamant, indiener, zienswijze, "u voert aan" ...); table cells
    are read as paragraphs.
    """
    kind = None
    for block in re.split(r"\n\s*\n|\n(?=\|)", doc):
        block = block.strip()
        if not block:
            continue
        first = block.splitlines()[0]
        is_heading = len(block) < 140 and (
            first.lstrip().startswith(("#", "**", "*")) or block.rstrip().endswith(":")
        )
        if is_heading or len(block) < 60:
            if ANSWER_CUE.search(block):
                kind = "answer"
            elif RESIDENT_CUE.search(block):
                kind = "resident"
            elif first.lstrip().startswith("#"):
                kind = None
            continue
        cells = [block] if not block.lstrip().startswith("|") else block.split("|")
        for cell in cells:
            text = _clean(cell)
            if not MIN_CHARS <= len(text) <= MAX_CHARS:
                continue
            if PARTICIPATION_CUE.search(text):
                yield (kind or "participation"), text
            elif kind is not None and cell is block:
                yield kind, text


def _batch_show(repository: str, commit: str, paths: list[str]) -> Iterator[tuple[str, str]]:
    """(path, text) for many files in one ``git cat-file --batch`` call."""
    proc = subprocess.run(
        ["git", "--git-dir", str(git_dir(repository)), "cat-file", "--batch"],
        input="".join(f"{commit}:{p}\n" for p in paths).encode(),
        capture_output=True, check=True,
    )  # fmt: skip
    data, pos = proc.stdout, 0
    for path in paths:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        yield path, data[pos : pos + size].decode("utf-8", "replace")
        pos += size + 1


def _plan_id(path: str) -> str:
    return re.sub(r"-[^-]*\.md$", "", path.split("t_", 1)[-1])


def municipal_rows(max_per_plan: int = 60, seed: int = 13) -> tuple[list[dict], int]:
    reserved = reserved_paths()
    reserved_ids = {_plan_id(p) for p in reserved if p.startswith("data/plan_documents/")}
    paths = git_ls(PLANS, "data/plan_documents/md/", PLANS_COMMIT)
    free = [p for p in paths if _plan_id(p) not in reserved_ids]
    n_skipped = len(paths) - len(free)
    rows: list[dict] = []
    rng = random.Random(seed)
    for path, doc in _batch_show(PLANS, PLANS_COMMIT, free):
        found = list(plan_paragraphs(doc))
        if len(found) > max_per_plan:
            found = rng.sample(found, max_per_plan)
        for k, (kind, text) in enumerate(found):
            rows.append({"source": "plan", "repository": PLANS, "commit": PLANS_COMMIT,
                         "path": path, "part": k, "kind": kind, "text": text})  # fmt: skip
    # VughtParticipeert: posts in the history that are not on the reserved list.
    vught = git_dir(VUGHT)
    listed = subprocess.run(
        ["git", "--git-dir", str(vught), "log", "--all", "--format=%H", "--name-only", "--",
         "content/Post"], capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    last_commit: dict[str, str] = {}
    commit = ""
    for line in listed.splitlines():
        if re.fullmatch(r"[0-9a-f]{40}", line):
            commit = line
        elif line.strip():
            last_commit.setdefault(line.strip(), commit)
    reserved_posts = {p for p in reserved if p.startswith("content/Post/")}
    reserved_hashes: set[str] = set()
    for path in reserved_posts:
        try:
            text = git_show(VUGHT, path, "891eb5880454efdedca8b576079f5115812a3037")
        except subprocess.CalledProcessError:
            continue
        for para in re.split(r"\n\s*\n", text.decode("utf-8", "replace")):
            reserved_hashes.add(sha256_text(_clean(para)))
    for path, commit in sorted(last_commit.items()):
        if path in reserved_posts:
            n_skipped += 1
            continue
        try:
            # the version before the commit that deleted or last changed it
            text = git_show(VUGHT, path, commit).decode("utf-8", "replace")
        except subprocess.CalledProcessError:
            text = git_show(VUGHT, path, commit + "^").decode("utf-8", "replace")
        body = text.split("content:", 1)[-1]
        for k, para in enumerate(re.split(r"\n\s*\n", body)):
            clean = _clean(re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", para))
            if not (MIN_CHARS <= len(clean) <= MAX_CHARS):
                continue
            if sha256_text(clean) in reserved_hashes:
                n_skipped += 1
                continue
            rows.append({"source": "vught", "repository": VUGHT, "commit": commit, "path": path,
                         "part": k, "kind": "association", "text": clean})  # fmt: skip
    for row in rows:
        row["text_sha256"] = sha256_text(row["text"])
    return rows, n_skipped


def export_municipal(out: Path) -> int:
    rows, skipped = municipal_rows()
    folder = out / "municipal_comments"
    fields = ["source", "repository", "commit", "path", "part", "kind", "text", "text_sha256"]
    n = write_csv(folder / "municipal_comments.csv", rows, fields)
    Provenance(
        "municipal_comments", f"{PLANS} + {VUGHT}", f"{PLANS_COMMIT} + history",
        ["data/plan_documents/md/", "content/Post/"],
        "public government documents (Auteurswet art. 15b) / VughtParticipeert site, MIT repo",
        "paragraphs under zienswijze/inspraak headings and free association posts; "
        "for hand labelling only, never for training", n, skipped,
    ).write(folder)  # fmt: skip
    return n


EXPORTERS = {
    "bol_reviews": export_bol,
    "hatecheck_nl": export_hatecheck,
    "ud_lassysmall": export_lassy,
    "municipal_comments": export_municipal,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(EXPORTERS))
    args = parser.parse_args(argv)
    out = eval_dir()
    for name in args.only or EXPORTERS:
        n = EXPORTERS[name](out)
        print(f"{name}: {n} rows -> {out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
