"""Training kg's models: the CRF name taggers (:mod:`kg.train.ner`, :mod:`kg.train.ner_data`,
:mod:`kg.train.company`), the relation classifier (:mod:`kg.train.reldata`,
:mod:`kg.train.relations`, :mod:`kg.train.relscore`) and the status model
(:mod:`kg.train.status`).

``kg train`` (:mod:`kg.train_cli`, :mod:`kg.train.retrain`) retrains them on annotations
into a model folder; ``scripts/train_ner.py``, ``scripts/train_relations.py`` and
``scripts/train_status.py`` write the shipped models with the same code. Training needs
the extras ``kg[train]`` (python-crfsuite, scikit-learn); nothing here is imported by
extraction. See ``docs/train.md``.
"""
