"""The per-Doc token arrays agree with the tokens' own annotations."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.nlp import make_fallback_pipeline
from pipeline.readability.doc_arrays import doc_arrays


def test_arrays_match_token_attributes() -> None:
    vocab = make_fallback_pipeline().vocab
    words = ["Het", "plan", "wordt", "  ", "door", "de", "raad", "vastgesteld", "."]
    doc = Doc(
        vocab,
        words=words,
        heads=[1, 7, 7, 7, 6, 6, 7, 7, 7],  # heads before and after the token
        deps=["det", "nsubj:pass", "aux:pass", "dep", "case", "det", "obl:agent", "ROOT", "punct"],
        pos=["DET", "NOUN", "AUX", "SPACE", "ADP", "DET", "NOUN", "VERB", "PUNCT"],
        morphs=["", "Number=Sing", "VerbForm=Fin", "", "", "", "", "VerbForm=Part", ""],
        lemmas=["het", "plan", "worden", "  ", "door", "de", "raad", "vaststellen", "."],
    )
    arrays = doc_arrays(doc)
    for token in doc:
        i = token.i
        assert arrays.head[i] == token.head.i
        assert arrays.dep[i] == token.dep_
        assert arrays.pos[i] == token.pos_
        assert arrays.lower[i] == token.lower_
        assert arrays.punct[i] == token.is_punct
        assert arrays.space[i] == token.is_space
        assert arrays.morph[i] == token.morph.key
        assert arrays.lemma[i] == token.lemma
        assert arrays.orth[i] == token.orth
    assert arrays.head[0] == 1 and arrays.head[1] == 7 and arrays.head[6] == 7


def test_arrays_follow_the_latest_doc() -> None:
    nlp = make_fallback_pipeline()
    first, second = nlp("Eén twee drie."), nlp("Vier vijf.")
    assert doc_arrays(first).lower[:3] == ["eén", "twee", "drie"]
    assert doc_arrays(second).lower == ["vier", "vijf", "."]
    assert doc_arrays(first) is doc_arrays(first)  # made once, while it is the latest
    assert doc_arrays(nlp("")).lower == []
