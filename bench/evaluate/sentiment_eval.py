"""Sentiment and incivility on real, external text (never trained or tuned on).

Needs the exports of ``sentiment_data.py`` in the evaluation data folder. Reports, with
counts, for the shipped model (or ``--model PATH``) and the lexicon:

- ``municipal2``: the 313 hand-labelled participation texts of the fresh municipal held-out
  set (``tests/fixtures/real/sentiment_municipal2.csv``, round 3; ``municipal2_view`` is its
  ``view`` pool: paragraphs reporting what participants said); the first municipal set
  (``sentiment_municipal.csv``) is development data from round 3 and is reported with
  ``--split dev``;
- ``fresh``: the held-out half of ``sentiment_fresh.csv`` (reviews and participation);
- ``public_3class``: bol.com reviews (test half, negatief/positief by their score) plus UD
  LassySmall Wikipedia sentences (test half, taken as neutraal), a three-class set built from
  public labels;
- ``bol_binary``: accuracy on the bol.com test half, deciding by P(positief) > P(negatief)
  (lexicon: score > 0);
- ``hatecheck``: recall of the uncivil flag per HateCheck functionality on the held-out
  templates (odd template ids), and the flag rate on the non-hateful cases;
- ``incivility_real``: flags on the real texts (municipal, bol.com test, LassySmall test): all
  are labelled civil, so every flag is a false positive; precision is over flagged texts.

Writes ``bench/results_sentiment.md`` (and prints it). ``--json`` prints the numbers.

``--split dev`` measures the development sets instead, for tuning (written to
``bench/results_sentiment_dev.md``): the dev half of the fresh hand-labelled set (review
sentences of the bol.com train half, participation paragraphs of the dev plan group), the first
municipal set (from round 3) and the HateCheck development templates (even ids). The held-out
figures are measured once, at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.evaluate.common import ROOT, eval_dir, sha256_text
from pipeline.config import SentimentSettings
from pipeline.sentiment import LABELS, load_model, score_texts
from pipeline.sentiment.training import classification_metrics

LABELS_PATH = ROOT / "tests" / "fixtures" / "real" / "sentiment_municipal.csv"
FRESH_PATH = ROOT / "tests" / "fixtures" / "real" / "sentiment_fresh.csv"
MUNICIPAL2_PATH = ROOT / "tests" / "fixtures" / "real" / "sentiment_municipal2.csv"
HATECHECK_TARGETS = ("threat_dir_h", "threat_norm_h", "slur_h", "derog_dehum_h")


def read_export(dataset: str) -> list[dict[str, str]]:
    path = eval_dir() / dataset / f"{dataset}.csv"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} missing: run `python bench/evaluate/sentiment_data.py` first"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def municipal_set() -> tuple[list[str], list[str], list[bool]]:
    """Texts, labels and uncivil labels of the hand-labelled municipal set."""
    by_hash = {r["text_sha256"]: r["text"] for r in read_export("municipal_comments")}
    texts, labels, uncivil = [], [], []
    with LABELS_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = by_hash.get(row["text_sha256"])
            if text is None or sha256_text(text) != row["text_sha256"]:
                raise ValueError(f"{LABELS_PATH}: text {row['text_sha256'][:12]} not in export")
            texts.append(text)
            labels.append(row["label"])
            uncivil.append(row["uncivil"] == "1")
    return texts, labels, uncivil


def fresh_set(split: str = "heldout") -> tuple[list[str], list[str], list[bool], list[str]]:
    """Texts, labels, uncivil labels and sources of the second hand-labelled set
    (``tests/fixtures/real/sentiment_fresh.csv``; texts from ``sentiment_fresh.py``)."""
    path = eval_dir() / "sentiment_fresh" / "candidates.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: run `python bench/evaluate/sentiment_fresh.py`")
    with path.open(encoding="utf-8", newline="") as handle:
        by_hash = {r["text_sha256"]: r["text"] for r in csv.DictReader(handle)}
    texts, labels, uncivil, sources = [], [], [], []
    with FRESH_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] != split:
                continue
            text = by_hash.get(row["text_sha256"])
            if text is None:
                raise ValueError(f"{FRESH_PATH}: text {row['text_sha256'][:12]} not in export")
            texts.append(text)
            labels.append(row["label"])
            uncivil.append(row["uncivil"] == "1")
            sources.append("reviews" if row["dataset"] == "bol_reviews" else "participation")
    return texts, labels, uncivil, sources


def municipal2_set() -> tuple[list[str], list[str], list[bool], list[str]]:
    """Texts, labels, uncivil labels and pools (``view`` / ``export``) of the fresh municipal
    held-out set (``tests/fixtures/real/sentiment_municipal2.csv``; texts from
    ``sentiment_municipal2.py``)."""
    path = eval_dir() / "sentiment_municipal2" / "candidates.csv"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} missing: run `python bench/evaluate/sentiment_municipal2.py`"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        by_hash = {r["text_sha256"]: r["text"] for r in csv.DictReader(handle)}
    texts, labels, uncivil, pools = [], [], [], []
    with MUNICIPAL2_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = by_hash.get(row["text_sha256"])
            if text is None:
                raise ValueError(f"{MUNICIPAL2_PATH}: text {row['text_sha256'][:12]} not in export")
            texts.append(text)
            labels.append(row["label"])
            uncivil.append(row["uncivil"] == "1")
            pools.append(row["pool"])
    return texts, labels, uncivil, pools


def dev_set() -> tuple[list[str], list[str], list[bool], list[str]]:
    """All hand-labelled development texts: the fresh dev half (sources ``reviews`` and
    ``participation``) and, from round 3, the first municipal set (source ``municipal1``)."""
    texts, labels, uncivil, sources = fresh_set("dev")
    m_texts, m_labels, m_uncivil = municipal_set()
    return (texts + m_texts, labels + m_labels, uncivil + m_uncivil,
            sources + ["municipal1"] * len(m_texts))  # fmt: skip


def accuracy(predicted: list[str], truth: list[str]) -> float:
    return sum(a == b for a, b in zip(predicted, truth, strict=True)) / len(truth)


def calibration_error(
    confidences: list[float | None], correct: list[bool], bins: int = 10
) -> float:
    """Expected calibration error of the per-unit confidence (Guo et al. 2017): the
    count-weighted mean gap between mean confidence and accuracy over ``bins`` equal-width
    bins, over the units with a confidence (none where the incivility rule set the label)."""
    pairs = [(c, ok) for c, ok in zip(confidences, correct, strict=True) if c is not None]
    confidences = [c for c, _ in pairs]
    correct = [ok for _, ok in pairs]
    total, n = 0.0, len(correct)
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        idx = [k for k, c in enumerate(confidences) if low < c <= high or (b == 0 and c == 0)]
        if idx:
            gap = sum(confidences[k] for k in idx) / len(idx) - sum(correct[k] for k in idx) / len(
                idx
            )
            total += abs(gap) * len(idx) / n
    return total


def three_class(texts: list[str], truth: list[str], settings: SentimentSettings, model) -> dict:
    out = {}
    lexicon = settings.model_copy(update={"method": "lexicon"})
    for name, s, m in (("model", settings, model), ("lexicon", lexicon, None)):
        results = score_texts(texts, s, m)
        metrics = classification_metrics(truth, [r.sentiment for r in results])
        metrics["method"] = results[0].method if results else name
        metrics["counts"] = dict(Counter(truth))
        metrics["predicted"] = dict(Counter(r.sentiment for r in results))
        correct = [r.sentiment == t for r, t in zip(results, truth, strict=True)]
        metrics["ece"] = calibration_error([r.confidence for r in results], correct)
        out[name] = metrics
    return out


def hatecheck(split: str, settings: SentimentSettings, model) -> dict:
    """Flag rate per HateCheck functionality on the ``test`` (odd ids) or ``dev`` templates."""
    hate = [r for r in read_export("hatecheck_nl") if r["split"] == split]
    flagged = score_texts([r["text"] for r in hate], settings, model)
    per: dict[str, dict] = {}
    for row, res in zip(hate, flagged, strict=True):
        cell = per.setdefault(row["functionality"], {"n": 0, "flagged": 0, "label": row["label"]})
        cell["n"] += 1
        cell["flagged"] += int(res.uncivil)
    targets = [per[f] for f in HATECHECK_TARGETS if f in per]
    return {
        "per_functionality": per,
        "target_recall": sum(c["flagged"] for c in targets) / max(1, sum(c["n"] for c in targets)),
        "target_n": sum(c["n"] for c in targets),
        "non_hateful_flag_rate": (
            sum(c["flagged"] for c in per.values() if c["label"] != "hateful")
            / max(1, sum(c["n"] for c in per.values() if c["label"] != "hateful"))
        ),
        "non_hateful_n": sum(c["n"] for c in per.values() if c["label"] != "hateful"),
    }


def fresh_report(split: str, settings: SentimentSettings, model, report: dict) -> None:
    """Three classes on the fresh set (all, per source) and its incivility flags."""
    f_texts, f_labels, f_uncivil, f_sources = fresh_set(split)
    report["fresh"] = three_class(f_texts, f_labels, settings, model)
    for source in ("reviews", "participation"):
        keep = [k for k, s in enumerate(f_sources) if s == source]
        report[f"fresh_{source}"] = three_class(
            [f_texts[k] for k in keep], [f_labels[k] for k in keep], settings, model
        )
    flags = score_texts(f_texts, settings, model)
    tp = sum(r.uncivil and u for r, u in zip(flags, f_uncivil, strict=True))
    fp = sum(r.uncivil and not u for r, u in zip(flags, f_uncivil, strict=True))
    report["fresh_incivility"] = {
        "n": len(f_texts), "uncivil": sum(f_uncivil), "flagged": tp + fp, "tp": tp, "fp": fp,
        "terms": sorted({w for r in flags if r.uncivil for w in r.uncivil_terms}),
    }  # fmt: skip


def run_dev(model_path: str | None = None) -> dict:
    """The development figures: fresh dev set and HateCheck even template ids."""
    settings = SentimentSettings(model_path=Path(model_path) if model_path else None)
    model = load_model(settings)
    report: dict = {"model": model.method, "split": "dev"}
    fresh_report("dev", settings, model, report)
    m_texts, m_labels, _ = municipal_set()
    report["municipal"] = three_class(m_texts, m_labels, settings, model)
    report["hatecheck"] = hatecheck("dev", settings, model)
    return report


def run(model_path: str | None = None) -> dict:
    settings = SentimentSettings(model_path=Path(model_path) if model_path else None)
    model = load_model(settings)
    report: dict = {"model": model.method, "split": "heldout"}
    m_texts, m_labels, _, m_pools = municipal2_set()
    report["municipal2"] = three_class(m_texts, m_labels, settings, model)
    keep = [k for k, pool in enumerate(m_pools) if pool == "view"]
    report["municipal2_view"] = three_class(
        [m_texts[k] for k in keep], [m_labels[k] for k in keep], settings, model
    )
    fresh_report("heldout", settings, model, report)

    bol = [r for r in read_export("bol_reviews") if r["split"] == "test"]
    lassy = [r for r in read_export("ud_lassysmall") if r["split"] == "test"]
    p_texts = [r["text"] for r in bol] + [r["text"] for r in lassy]
    p_labels = [r["label"] for r in bol] + ["neutraal"] * len(lassy)
    report["public_3class"] = three_class(p_texts, p_labels, settings, model)

    bol_texts, bol_truth = [r["text"] for r in bol], [r["label"] for r in bol]
    by_model = score_texts(bol_texts, settings, model)
    lexicon_settings = settings.model_copy(update={"method": "lexicon"})
    by_lexicon = score_texts(bol_texts, lexicon_settings)

    def binary(results) -> str:
        return [("positief" if r.score > 0 else "negatief") for r in results]

    report["bol_binary"] = {
        "n": len(bol),
        "model_accuracy": accuracy(binary(by_model), bol_truth),
        "lexicon_accuracy": accuracy(binary(by_lexicon), bol_truth),
    }

    report["hatecheck"] = hatecheck("test", settings, model)

    real = {"municipal2": m_texts, "bol_test": bol_texts, "lassy_test": [r["text"] for r in lassy]}
    inc = {}
    for name, texts in real.items():
        results = score_texts(texts, settings, model)
        hits = [(t, r.uncivil_terms) for t, r in zip(texts, results, strict=True) if r.uncivil]
        inc[name] = {"n": len(texts), "flagged": len(hits),
                     "terms": sorted({w for _, terms in hits for w in terms})}  # fmt: skip
    # Every real text here is labelled civil (municipal: by hand; reviews and sentences: none
    # of the flagged ones was abusive when read), so flags are false positives.
    report["incivility_real"] = inc
    return report


def to_markdown(report: dict) -> str:
    dev = report.get("split") == "dev"
    title = "development sets (tuned on)" if dev else "held-out real text"
    lines = [f"# Sentiment on {title} ({report['model']})", ""]
    if dev:
        lines += [
            "The shipped model is trained on the fresh dev texts, so its three-class figures "
            "below are training-fit figures; the dev figures of the training recipe come from "
            "cross-fitting (`bench/evaluate/sentiment_dev_cv.py`). The HateCheck development "
            "templates were read while writing the patterns.",
            "",
        ]
    lines += [
        "| set | n (neg/neu/pos) | method | macro-F1 | accuracy | R neutraal | P neg | R neg "
        "| P pos | R pos | ECE |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    keys = ("fresh", "fresh_reviews", "fresh_participation", "municipal2", "municipal2_view",
            "municipal", "public_3class")  # fmt: skip
    for key in keys:
        if key not in report:
            continue
        for name in ("model", "lexicon"):
            m = report[key][name]
            pl = m["per_label"]
            counts = "/".join(str(m["counts"].get(x, 0)) for x in LABELS)
            lines.append(
                f"| {key} | {m['n']} ({counts}) | `{m['method']}` | {m['macro_f1']:.3f}"
                f" | {m['accuracy']:.3f}"
                f" | {pl['neutraal']['recall']:.3f} | {pl['negatief']['precision']:.3f}"
                f" | {pl['negatief']['recall']:.3f} | {pl['positief']['precision']:.3f}"
                f" | {pl['positief']['recall']:.3f} | {m['ece']:.3f} |"
            )
    fi = report["fresh_incivility"]
    which = "dev" if dev else "held-out"
    lines += ["", f"Fresh {which} set, incivility: {fi['uncivil']} of {fi['n']} texts labelled "
              f"uncivil; {fi['flagged']} flagged ({fi['tp']} right, {fi['fp']} wrong): "
              f"{', '.join(fi['terms']) or '-'}"]  # fmt: skip
    if "bol_binary" in report:
        b = report["bol_binary"]
        lines += ["", f"bol.com binary (test half, n={b['n']}): model accuracy "
                  f"{b['model_accuracy']:.3f}, lexicon {b['lexicon_accuracy']:.3f}"]  # fmt: skip
    h = report["hatecheck"]
    templates = "development templates, even ids" if dev else "held-out templates, odd ids"
    lines += ["", f"| HateCheck functionality ({templates}) | label | n | flagged | rate |",
              "|---|---|---|---|---|"]  # fmt: skip
    for name, c in sorted(h["per_functionality"].items()):
        lines.append(f"| {name} | {c['label']} | {c['n']} | {c['flagged']} "
                     f"| {c['flagged'] / c['n']:.3f} |")  # fmt: skip
    lines += ["", f"Threat, slur and dehumanisation recall: {h['target_recall']:.3f} "
              f"(n={h['target_n']}); non-hateful cases flagged: "
              f"{h['non_hateful_flag_rate']:.3f} (n={h['non_hateful_n']}).", ""]  # fmt: skip
    if "incivility_real" not in report:
        return "\n".join(lines) + "\n"
    lines += [
        "| real texts (all civil) | n | flagged (false positives) | words |",
        "|---|---|---|---|",
    ]
    for name, c in report["incivility_real"].items():
        lines.append(f"| {name} | {c['n']} | {c['flagged']} | {', '.join(c['terms'])} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--split", choices=("dev", "heldout"), default="heldout")
    args = parser.parse_args(argv)
    report = run_dev(args.model) if args.split == "dev" else run(args.model)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    text = to_markdown(report)
    print(text)
    if not args.no_write:
        name = "results_sentiment_dev.md" if args.split == "dev" else "results_sentiment.md"
        (ROOT / "bench" / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
