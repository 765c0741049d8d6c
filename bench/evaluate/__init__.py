"""The evaluation harness: real, external Dutch text, exported from fetched public repositories.

Nothing fetched is committed. Exporters read a repository's bare git directory (as the
project's ``fetch`` tool brings it, ``/work/.mirror/<owner>+<name>/repo``) and write plain
files with a ``PROVENANCE.json`` (repository, commit, path, licence) under the evaluation
data folder (``GEMEENTETAAL_EVAL_DIR``, default ``../evaldata`` beside the checkout). What
the project commits is its own work: labels and annotations keyed by source and text hash,
and the scripts. See docs/evaluation.md.
"""
